# krait: expect hook_frames >= 1
# Loop control flow (for/while-else, break/continue through try/finally,
# nested loops with flags, return from inside loops) and the iterator
# protocol (custom iterators, iter(callable, sentinel), zip strict,
# reversed/__reversed__, enumerate, map/filter laziness).


def find_pair(nums, target):
    for i, a in enumerate(nums):
        for b in nums[i + 1:]:
            if a + b == target:
                break
        else:
            continue
        return a, b
    return None


print(find_pair(list(range(0, 300, 7)), 301), find_pair([1, 2, 3], 100))

log = []
for i in range(6):
    try:
        if i == 1:
            continue
        if i == 4:
            break
        log.append(f"body {i}")
    finally:
        log.append(f"finally {i}")
else:
    log.append("else (not reached)")
print(log)

n = 0
while n < 10:
    n += 3
else:
    print("while-else ran, n =", n)


def first_square_over(limit):
    i = 0
    while True:
        i += 1
        try:
            if i * i > limit:
                return i
        finally:
            if i % 1000 == 0:
                log.append(i)


log.clear()
print("first square over 10**7:", first_square_over(10 ** 7), log)

# Hot nested loops with break/continue.
primes = []
for cand in range(2, 8000):
    for p in primes:
        if p * p > cand:
            primes.append(cand)
            break
        if cand % p == 0:
            break
    else:
        primes.append(cand)
print("primes below 8000:", len(primes), primes[-3:])


class Countdown:
    def __init__(self, start):
        self.current = start

    def __iter__(self):
        return self

    def __next__(self):
        if self.current <= 0:
            raise StopIteration
        self.current -= 1
        return self.current + 1


class Deck:
    def __init__(self, cards):
        self.cards = cards

    def __len__(self):
        return len(self.cards)

    def __getitem__(self, i):  # old-style sequence iteration protocol
        return self.cards[i]

    def __reversed__(self):
        return iter(["reversed!"])


print(list(Countdown(5)), sum(Countdown(3000)))
deck = Deck(["A", "K", "Q"])
print(list(deck), list(reversed(deck)), "K" in deck, list(enumerate(deck, start=1)))
it = iter(Countdown(2))
print(next(it), next(it), next(it, "exhausted"))

chunks = iter(list(range(20)))
pieces = list(iter(lambda: [x for _, x in zip(range(6), chunks)], []))
print("iter(callable, sentinel):", pieces)

print(list(zip("abc", range(10))), list(zip(*[(1, "a"), (2, "b")])))
try:
    list(zip("abc", range(2), strict=True))
except ValueError as e:
    print("ValueError:", e)

calls = []
lazy = map(lambda v: calls.append(v) or v * 2, range(5))
print("nothing called yet:", calls)
print(next(lazy), next(lazy), calls)
print(list(filter(None, [0, 1, "", "x", None, [], [0]])))
print(list(reversed(range(0, 20, 3))), list(reversed([1, 2, 3])), "".join(reversed("krait")))

# Modifying a list while iterating (well-defined in CPython).
items = list(range(10))
for x in items:
    if x % 3 == 0:
        items.remove(x)
print("remove while iterating", items)
d = {i: i for i in range(5)}
try:
    for k in d:
        d[k + 100] = 0
except RuntimeError as e:
    print("RuntimeError:", e)
s = {1, 2, 3}
try:
    for v in s:
        s.add(v * 10)
except RuntimeError as e:
    print("RuntimeError:", e)

# Loop variable survives the loop; range edge cases.
for last in range(3):
    pass
print("last", last, list(range(5, 0, -2)), list(range(0)), len(range(-10, 10, 3)), range(10)[::-3])
total = 0
for i in range(10 ** 4):
    if i & 1:
        continue
    total += i
print("even total", total)
