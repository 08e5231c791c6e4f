# krait: expect interp_frames >= 1
# Recursive calls made from inside loops (each level runs its own loop):
# tree recursion, mutual recursion between a loop function and a loop-free
# function, recursion through methods/__getitem__/generators, memoization,
# and a backtracking search.
import functools


def fib(n):
    if n < 2:
        return n
    total = 0
    for k in (1, 2):
        total += fib(n - k)
    return total


print([fib(i) for i in range(20)])


def is_even(n):
    while n > 0:
        return is_odd(n - 1)
    return True


def is_odd(n):
    return False if n == 0 else is_even(n - 1)


print([is_even(i) for i in range(0, 400, 37)])


class Tree:
    def __init__(self, depth):
        self.kids = [Tree(depth - 1) for _ in range(2)] if depth else []

    def size(self):
        s = 1
        for k in self.kids:
            s += k.size()
        return s

    def __getitem__(self, path):
        node = self
        for step in path:
            node = node.kids[step]
        return node.size()


t = Tree(10)
print(t.size(), t[(0, 1, 0)], t[()])


def walk(node, depth=0):
    yield depth
    for k in node.kids:
        yield from walk(k, depth + 1)


print(sum(walk(t)), max(walk(t)))


@functools.lru_cache(maxsize=None)
def partitions(n, k):
    if n == 0:
        return 1
    total = 0
    for part in range(1, min(n, k) + 1):
        total += partitions(n - part, part)
    return total


print(partitions(60, 60), partitions.cache_info().hits > 0)


def queens(n):
    count = 0
    cols = set()
    d1 = set()
    d2 = set()

    def place(r):
        nonlocal count
        if r == n:
            count += 1
            return
        for c in range(n):
            if c in cols or r + c in d1 or r - c in d2:
                continue
            cols.add(c)
            d1.add(r + c)
            d2.add(r - c)
            place(r + 1)
            cols.discard(c)
            d1.discard(r + c)
            d2.discard(r - c)
    place(0)
    return count


print([queens(k) for k in range(1, 8)])


def ackermann(m, n):
    while m:
        if n == 0:
            n = 1
        else:
            n = ackermann(m, n - 1)
        m -= 1
    return n + 1


print(ackermann(2, 3), ackermann(2, 50))


def flatten(x):
    out = []
    for item in x:
        if isinstance(item, list):
            out.extend(flatten(item))
        else:
            out.append(item)
    return out


nested = [1, [2, [3, [4, [5, [6]]]], 7], [[8]]] * 50
print(len(flatten(nested)), flatten(nested)[:8])
