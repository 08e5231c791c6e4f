# krait: expect interp_frames >= 1
# RecursionError near sys.getrecursionlimit(), caught inside loops: the
# exact depth reached must match CPython (frames run by Krait's
# interpreter, by CPython's loop, and mixed, count the same), the message
# must match, and the interpreter must recover so the same loop can recurse
# again.  Also recursion through __repr__ and comparisons (C-level checks).
import sys

depth = 0


def loop_rec(n):
    global depth
    depth = n
    for _ in range(1):
        loop_rec(n + 1)


def plain_rec(n):
    global depth
    depth = n
    plain_rec(n + 1)


def mixed_a(n):
    global depth
    depth = n
    for _ in range(1):
        mixed_b(n + 1)


def mixed_b(n):
    global depth
    depth = n
    mixed_a(n + 1)


def gen_rec(n):
    global depth
    depth = n
    for x in gen_rec(n + 1):
        yield x
    yield n


class R:
    def __init__(self, inner=None):
        self.inner = inner

    def __repr__(self):
        for _ in range(1):
            s = "R(" + repr(self.inner) + ")"
        return s


class Eq:
    def __eq__(self, other):
        for _ in range(1):
            r = self == other
        return r


def measure(fn, *args):
    global depth
    results = []
    for attempt in range(3):
        depth = 0
        try:
            fn(*args)
        except RecursionError as e:
            results.append((depth, str(e)))
    assert results[0] == results[1] == results[2], results
    return results[0]


for limit in (200, 1000):
    sys.setrecursionlimit(limit)
    print("limit", limit)
    print("loop", measure(loop_rec, 0))
    print("plain", measure(plain_rec, 0))
    print("mixed", measure(mixed_a, 0))
    print("gen", measure(lambda: list(gen_rec(0))))

sys.setrecursionlimit(300)
r = None
for i in range(400):
    r = R(r)
try:
    repr(r)
except RecursionError as e:
    print("repr:", e)
try:
    Eq() == Eq()
except RecursionError as e:
    print("eq:", e)
sys.setrecursionlimit(1000)


def count_levels(n):
    r = 0
    for _ in range(1):
        if n:
            r = 1 + count_levels(n - 1)
    return r


print(count_levels(900))
# Recovery: deep recursion works again after all those errors.
print(sum(count_levels(k) for k in range(0, 900, 100)))
