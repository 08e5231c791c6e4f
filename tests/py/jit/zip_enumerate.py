# krait: expect traces_compiled >= 8
# krait: expect exits_taken >= 10
# krait: expect side_traces >= 1
# `for a, b in zip(...)` and `for i, x in enumerate(...)` over lists, tuples and ranges run
# compiled without building the result tuples. Edge cases: unequal lengths (the item zip
# takes from the longer iterator before noticing the shorter one ended), zip(it, it), lists
# growing and shrinking inside the loop, an element of another type mid-loop, big ints, an
# exception in the body, strict=True, enumerate with a start (also past 2**63), and forms that
# are not unpacked at once.


def dot(xs, ys):
    total = 0.0
    for x, y in zip(xs, ys):
        total += x * y
    return total


def three(a, b, c):
    acc = 0
    for x, y, z in zip(a, b, c):
        acc += x * y - z
    return acc


def weighted(xs, start=0):
    acc = 0
    for i, x in enumerate(xs, start):
        acc += i * x
    return acc


def unequal(xs, ys):
    it = iter(xs)
    n = 0
    for a, b in zip(it, ys):
        n += a - b
    rest = list(it)
    return n, len(rest), rest[:3]


def same_iterator(xs):
    it = iter(xs)
    out = 0
    for a, b in zip(it, it):
        out += a * 10 - b
    return out


def growing(xs):
    count = 0
    for i, x in enumerate(xs):
        if i % 100 == 0 and len(xs) < 3000:
            xs.append(x + 1)
        count += x
    return count, len(xs)


def shrinking(xs, ys):
    total = 0
    for a, b in zip(xs, ys):
        if a % 50 == 49:
            ys.pop()
        total += a + b
    return total, len(ys)


def mixed(xs, ys):
    total = 0
    for a, b in zip(xs, ys):
        total = total + a * b
    return total


def raising(xs, ys):
    total = 0
    try:
        for i, (a) in enumerate(xs):
            total += 1000 // (a - ys[i])
    except ZeroDivisionError as e:
        return "raised at", total, str(e)
    return total


def strict(xs, ys):
    n = 0
    try:
        for a, b in zip(xs, ys, strict=True):
            n += a + b
    except ValueError as e:
        return n, str(e)
    return n


def not_unpacked(xs, ys):
    pairs = 0
    for p in zip(xs, ys):
        pairs += p[0] - p[1]
    return pairs


ints = [(i * 37) % 101 - 50 for i in range(3000)]
flts = [x / 4.0 for x in ints]
print(dot(flts, flts[::-1]))
print(dot(tuple(flts), flts))
print(three(ints, range(3000), tuple(ints[::-1])))
print(weighted(ints), weighted(tuple(ints), 7), weighted(range(500)))
print(weighted(ints[:300], 2**63 - 150))
print(unequal(list(range(2000)), list(range(1500))))
print(unequal(list(range(1500)), list(range(2000))))
print(same_iterator(list(range(3001))))
print(growing(list(range(1000))))
print(shrinking(list(range(2000)), list(range(2000))))
print(mixed(ints, ints[:1500] + [2.5] + ints[1501:]))
print(mixed(ints, ints[:2000] + [2**70] + ints[2001:]))
print(raising(list(range(1, 3000)), [0] * 2700 + [2701] + [0] * 298))
print(strict(ints, ints), strict(ints, ints[:2999]))
print(not_unpacked(ints, ints[::-1]))
try:
    mixed(ints, ints[:2500] + ["x"] + ints[2501:])
except TypeError as e:
    print("TypeError:", e)
