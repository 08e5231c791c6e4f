# krait: expect interp_frames >= 1
# COMPARE_OP in hot loops: small ints (Krait fast path), big ints, floats
# incl. NaN and -0.0, mixed int/float, chained comparisons (short-circuit and
# evaluation count), strings, tuples/lists, rich comparison methods with
# NotImplemented and reflection, and TypeError for unorderable types.
import math


def small(n):
    c = [0] * 6
    for i in range(n):
        j = n - i
        c[0] += i < j
        c[1] += i <= j
        c[2] += i == j
        c[3] += i != j
        c[4] += i > j
        c[5] += i >= j
    return c


print(small(5001))


def boundary():
    vals = [-(2**30), -(2**30) + 1, -1, 0, 1, 2**30 - 1, 2**30, 2**31, 2**64, -(2**64), True, False]
    out = []
    for a in vals:
        row = ""
        for b in vals:
            row += "<" if a < b else ("=" if a == b else ">")
            row += "1" if a <= b else "0"
            row += "1" if a != b else "0"
            row += "1" if a >= b else "0"
        out.append(row)
    return out


for r in boundary():
    print(r)


def floats():
    vals = [math.nan, -math.inf, -1.5, -0.0, 0.0, 1e-300, 1.0, 1, 2**53, 2**53 + 1, float(2**53), math.inf]
    out = []
    for a in vals:
        row = []
        for b in vals:
            row.append((a < b, a <= b, a == b, a != b, a > b, a >= b).count(True))
        out.append(row)
    return out


for r in floats():
    print(r)


def nan_loop(n):
    x = math.nan
    eq = ne = 0
    for i in range(n):
        if x == x:
            eq += 1
        if x != x:
            ne += 1
        if x is x:
            eq += 10
    return eq, ne, [x] == [x], (x,) == (x,), x in [x]


print(nan_loop(1000))


calls = []


def val(x):
    calls.append(x)
    return x


def chained(n):
    hits = 0
    for i in range(n):
        if val(0) < val(i) < val(10) <= val(10) != val(11):
            hits += 1
    return hits, len(calls), calls[:12]


print(chained(20))


def sequences():
    out = []
    pairs = [("abc", "abd"), ("", "a"), ("é", "e"), ((1, 2), (1, 2, 0)), ([1, 2], [1, 3]),
             ((1, "a"), (1, "a")), ([math.nan], [math.nan]), (b"ab", b"a"), ({1, 2}, {1, 2, 3}),
             (frozenset({1}), {1}), ({"a": 1}, {"a": 1.0})]
    for a, b in pairs:
        try:
            out.append((a < b, a <= b, a == b, a != b, a > b, a >= b))
        except TypeError as e:
            out.append(str(e))
    return out


for r in sequences():
    print(r)


class R:
    log = []

    def __init__(self, v):
        self.v = v

    def __lt__(self, o):
        R.log.append(("lt", self.v))
        return NotImplemented if self.v == 0 else self.v < getattr(o, "v", o)

    def __gt__(self, o):
        R.log.append(("gt", self.v))
        return self.v > getattr(o, "v", o)

    def __eq__(self, o):
        R.log.append(("eq", self.v))
        return NotImplemented

    __hash__ = None


def rich(n):
    out = []
    for i in range(n):
        a, b = R(i % 3), R(1)
        out.append((a < b, a > 1, 1 < a, a == b, a != b, a == a))
    return out, R.log[:20], len(R.log)


print(rich(6))


def unorderable():
    out = []
    pairs = [(1, "a"), ("a", 1), (None, None), ([], ()), ({}, {}), (1j, 2j), (object, 1), (R(1), "x")]
    for a, b in pairs:
        for op in range(4):
            try:
                if op == 0:
                    a < b
                elif op == 1:
                    a <= b
                elif op == 2:
                    a > b
                else:
                    a >= b
            except TypeError as e:
                out.append(str(e))
    return out


for m in unorderable():
    print(m)


def sort_hot(n):
    data = [(i * 7919) % 1009 for i in range(n)]
    m = data[0]
    for x in data:
        if x > m:
            m = x
    return m, sorted(data)[:5], sorted(data, reverse=True)[:5]


print(sort_hot(5000))
