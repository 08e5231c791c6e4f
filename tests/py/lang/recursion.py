# Recursion: deep recursion up to the limit (RecursionError caught and the
# program continues), sys.setrecursionlimit, mutual recursion, recursion
# through __repr__ / generators, and memoised recursion.
# krait: chaos-divergence frames handed to CPython at random recurse in C: 2,500 levels overflow the sanitizer build's C stack
import sys

print("default limit", sys.getrecursionlimit())


def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)


print("depth 900", depth(900))


def unbounded(n):
    return unbounded(n + 1)


try:
    unbounded(0)
except RecursionError as e:
    print("RecursionError:", e)

# Find how deep we can go; exact number depends only on the interpreter's
# accounting of frames, which krait must preserve.
reached = 0


def probe(n):
    global reached
    reached = n
    probe(n + 1)


try:
    probe(1)
except RecursionError:
    print("probe reached", reached)

sys.setrecursionlimit(3000)
print("raised limit", sys.getrecursionlimit(), "depth 2500", depth(2500))
try:
    probe(1)
except RecursionError:
    print("probe reached with 3000", reached)
sys.setrecursionlimit(1000)


def is_even(n):
    return True if n == 0 else is_odd(n - 1)


def is_odd(n):
    return False if n == 0 else is_even(n - 1)


print("mutual", is_even(800), is_odd(777))


def ackermann(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ackermann(m - 1, 1)
    return ackermann(m - 1, ackermann(m, n - 1))


print("ackermann(2, 3)", ackermann(2, 3), "ackermann(3, 3)", ackermann(3, 3))


def hanoi(n, a, b, c, moves):
    if n:
        hanoi(n - 1, a, c, b, moves)
        moves.append((a, c))
        hanoi(n - 1, b, a, c, moves)
    return moves


mv = hanoi(12, "A", "B", "C", [])
print("hanoi", len(mv), mv[:3], mv[-1])


def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print("fib(22)", fib(22))


class Node:
    def __init__(self, child=None):
        self.child = child

    def __repr__(self):
        return f"Node({self.child!r})" if self.child else "Node()"


chain = None
for _ in range(5):
    chain = Node(chain)
print(chain)
loop = Node()
loop.child = loop
try:
    repr(loop)
except RecursionError as e:
    print("repr RecursionError:", e)

lst = [1]
lst.append(lst)
print("self-referential list", lst, {"k": lst})


def permutations(items):
    if len(items) <= 1:
        yield list(items)
        return
    for i, x in enumerate(items):
        for rest in permutations(items[:i] + items[i + 1:]):
            yield [x] + rest


perms = list(permutations([1, 2, 3, 4, 5, 6]))
print("perms", len(perms), perms[0], perms[-1])


def recurse_in_except(n):
    try:
        if n == 0:
            raise ValueError("bottom")
        return recurse_in_except(n - 1)
    except ValueError as e:
        return f"{e} caught at depth {n}" if n == 50 else (_ for _ in ()).throw(e)


try:
    print(recurse_in_except(60))
except ValueError as e:
    print("escaped", e)

# Recover from RecursionError repeatedly in a loop: the interpreter must
# unwind cleanly every time.
hits = 0
for _ in range(20):
    try:
        unbounded(0)
    except RecursionError:
        hits += 1
print("recovered", hits, "times; depth still works:", depth(500))
