# krait: expect-unless-chaos spec_binary_subscr_hits >= 20000
# krait: krait-env KRAIT_SPEC_STATS=1
# Slicing without a slice object (runtime/interp.cpp xop_BUILD_SLICE__BINARY_SUBSCR and
# __STORE_SUBSCR): `seq[a:b]`, `seq[a:b:c]` on exact lists, tuples and strs and `lst[a:b] = v`
# on exact lists, with every kind of bound (None, negative, past either end, two-digit ints)
# against the generic path's results (bounds that are big ints, bools, __index__ objects,
# zero steps, subclasses, extended-slice stores), identity of whole-sequence slices, the
# errors and their tracebacks, and reference counts of the sliced items.
import sys
import traceback
import zlib


class Index:
    def __init__(self, v):
        self.v = v

    def __index__(self):
        return self.v


class MyList(list):
    pass


BOUNDS = [None, 0, 1, -1, 3, -3, 9, 10, 11, -11, -10, 2**40, -(2**40), 2**70, -(2**70), True,
          Index(2)]
STEPS = [None, 1, 2, -1, -2, 3, -4, 2**40, -(2**40), 2**70, 0, Index(-1)]


def loads(seq):
    out = []
    for a in BOUNDS:
        for b in BOUNDS:
            out.append(seq[a:b])
            for c in STEPS:
                try:
                    out.append(seq[a:b:c])
                except ValueError as e:
                    out.append(str(e))
    return out


def stores():
    out = []
    for a in BOUNDS:
        for b in BOUNDS:
            for v in ([], [7], [7, 8, 9], (5, 6), "xy", range(3), iter([1, 2])):
                m = list(range(6))
                m[a:b] = v
                out.append(m)
                try:
                    m[a:b:2] = [0] * 2
                except ValueError as e:
                    out.append(str(e))
                out.append(m)
    return out


seqs = [list(range(10)), tuple(range(10)), "abcdefghij", "ab\u20acdef\U0001f600hij",
        MyList(range(10)), b"abcdefghij", bytearray(b"abcdefghij"), range(10)]
for _ in range(3):  # warm: the loops specialize
    results = [loads(s) for s in seqs]
    stored = stores()
for s, r in zip(seqs, results):
    print(type(s).__name__, len(r), zlib.crc32(repr(r).encode()))
print("stores", len(stored), zlib.crc32(repr(stored).encode()))

# Whole-sequence slices: a tuple and a str give themselves back, a list a copy.
t, s, lst, empty = (1, 2, 3), "abc", [1, 2, 3], tuple(range(0))
for _ in range(3):
    same = (t[:] is t, t[0:3] is t, t[::1] is t, t[::-1] is t, s[:] is s, s[0:] is s,
            lst[:] is lst, lst[:] == lst, empty[:] is empty, t[5:] is empty)
print("identity", same)

# Self-assignment and growing/shrinking stores.
for _ in range(3):
    m = list(range(5))
    m[1:3] = m
    g = [0, 1]
    g[1:1] = [9] * 5
    g[:-2] = []
print("self", m, g)

# Errors: each reported at the store or subscript, with the line CPython gives.
def failing(kind):
    m = [1, 2, 3]
    for _ in range(3):
        if kind == 0:
            m[0:1] = 5
        elif kind == 1:
            m[0:"x"]
        elif kind == 2:
            m["a":] = []
        else:
            m[::0]


for kind in range(4):
    try:
        failing(kind)
    except (TypeError, ValueError):
        traceback.print_exc(file=sys.stdout)

# Reference counts: items sliced out and stored in many times are neither leaked nor lost.
item = object()
base = sys.getrefcount(item)
src = [item] * 8
for _ in range(2000):
    a = src[2:6]
    b = src[::-3]
    c = tuple(src)[1:7:2]
    d = list(src)
    d[1:5] = src[:2]
    d[:] = []
del a, b, c, d
print("refs", sys.getrefcount(item) - base)
del src
print("refs after", sys.getrefcount(item) - base)
