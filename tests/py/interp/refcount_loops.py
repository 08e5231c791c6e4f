# krait: expect interp_frames >= 1
# krait: hooked-cpython-divergence under chaos hand-offs CPython's loop makes calls that copy argument references (sys.getrefcount +1)
# Reference counts around hot loops: sys.getrefcount of specific objects
# before and after loops that load, store, pass, return, iterate, subscript,
# unpack, format, compare, raise and catch them.  Every difference printed
# must equal CPython's (0 after the loop, or the number of references the
# program deliberately keeps).
import sys


class Thing:
    def __init__(self, v):
        self.v = v

    def __repr__(self):
        return "Thing"

    def __eq__(self, o):
        return self is o

    def __hash__(self):
        return 7

    def __index__(self):
        return 0

    def __format__(self, spec):
        return "fmt"


def rc(o):
    return sys.getrefcount(o)


def identity(x):
    return x


def loops(obj, n):
    lst = [obj, obj]
    d = {obj: obj}
    tup = (obj,)
    for i in range(n):
        a = obj
        b = identity(obj)
        c = lst[i % 2]
        e = d[obj]
        f = tup[0]
        g, h = tup + (obj,)
        s = f"{obj}{obj!r}"
        t = obj == a
        u = obj in lst
        w = [obj, a][0]
        x = {obj} and {obj: 1}
        y = obj.v
        z = lst[obj]                    # __index__
        q = (lambda o=obj: o)()
        for k in (obj, obj):
            pass
        try:
            raise ValueError(obj)
        except ValueError as exc:
            r = exc.args[0]
    return "done"


for n in (1, 10, 1000):
    o = Thing(1)
    before = rc(o)
    loops(o, n)
    print(n, rc(o) - before)


def keeps(obj, n):
    kept = []
    for i in range(n):
        kept.append(obj)
        if i % 2:
            kept.append((obj, obj))
    return kept


o = Thing(2)
before = rc(o)
k = keeps(o, 100)
print("kept", rc(o) - before)
del k
print("released", rc(o) - before)


def errors_dont_leak(obj, n):
    for i in range(n):
        try:
            obj + 1
        except TypeError:
            pass
        try:
            obj.missing
        except AttributeError:
            pass
        try:
            [][obj]
        except IndexError:
            pass
        try:
            {}[obj]
        except KeyError:
            pass
        try:
            a, b = (obj,)
        except ValueError:
            pass
        try:
            obj()
        except TypeError:
            pass


o = Thing(3)
before = rc(o)
errors_dont_leak(o, 1000)
print("errors", rc(o) - before)


def gen_refs(obj, n):
    def g():
        for i in range(n):
            yield obj
    total = 0
    for x in g():
        total += x is obj
    it = g()
    next(it)
    mid = rc(obj)
    del it
    return total, mid


o = Thing(4)
before = rc(o)
total, mid = gen_refs(o, 1000)
print("gen", total, mid - before, rc(o) - before)


def closure_refs(obj, n):
    fs = []
    for i in range(n):
        fs.append(lambda: obj)
    return len(fs)


o = Thing(5)
before = rc(o)
print("closure", closure_refs(o, 500), rc(o) - before)

s = "a unique string for refcounting " + str(12345)
before = rc(s)
acc = 0
for i in range(2000):
    t = s
    acc += len(t)
    u = s + ""
    v = s[:]
del t, u, v
print("str", rc(s) - before, acc)

big = 10**30 + 12345
before = rc(big)


def int_refs(x, n):
    acc = 0
    for i in range(n):
        y = x
        acc += (y == x) + (y < x)
        z = [x][0]
    return acc


print("int", int_refs(big, 1000), rc(big) - before)
