# krait: expect interp_frames >= 1
# The load pairs of runtime/interp_xops.def whose second half runs in its own handler:
# LOAD_FAST followed by LOAD_GLOBAL (and LOAD_GLOBAL + COMPARE_OP after it: the triple),
# LOAD_ATTR, LOAD_METHOD, STORE_ATTR, BINARY_SUBSCR or BINARY_OP, LOAD_CONST followed by
# BINARY_OP, and LOAD_GLOBAL followed by COMPARE_OP. Each pair on its fast paths, with its
# second half missing its cache or raising (the error at the second half's own line), with the
# first half's local unbound, and a global rebound while a loop runs. Ends with an uncaught
# AttributeError raised by a pair's second half.
import sys

PUSH, LOAD, STORE, HALT = range(4)
LIMIT = 1500


def dispatch(ops):
    # if/elif on module constants: LOAD_FAST op; LOAD_GLOBAL NAME; COMPARE_OP; jump.
    counts = [0, 0, 0, 0]
    for op in ops:
        if op == PUSH:
            counts[0] += 1
        elif op == LOAD:
            counts[1] += 1
        elif op == STORE:
            counts[2] += 1
        else:
            counts[3] += 1
    return counts


def limits(n):
    # LOAD_GLOBAL + COMPARE_OP with a module global and with a builtin (Ellipsis).
    out = 0
    for i in range(n):
        if i < LIMIT:
            out += 1
        if i == Ellipsis:
            out += 100
        if LIMIT > i > 1400:
            out += 2
    return out


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm1(self):
        return abs(self.x) + abs(self.y)

    def shift(self, d):
        self.x = self.x + d           # BINARY_OP; LOAD_FAST self; STORE_ATTR
        self.y = d * 2 + self.y
        return self


class Slots:
    __slots__ = ("a",)


class Loud:
    def __setattr__(self, name, value):
        if value == 13:
            raise ValueError("unlucky " + name)
        object.__setattr__(self, name, value)

    @property
    def boom(self):
        raise RuntimeError("property raised")


def attrs(n):
    pts = [Point(i, -i) for i in range(8)]
    total = 0
    for i in range(n):
        p = pts[i % 8]
        total += p.x - p.y            # LOAD_FAST p; LOAD_ATTR x
        total += p.norm1()            # LOAD_FAST p; LOAD_METHOD norm1
        p.shift(1)
    return total, pts[3].x, pts[3].y


def subscripts(n):
    data = list(range(50))
    table = {"a": 1, "b": 2}
    out = 0
    for i in range(n):
        j = i % 50
        out += data[j] + i            # LOAD_FAST i; BINARY_OP
        out += 3 * data[j]            # CALL-free: LOAD_FAST j; BINARY_SUBSCR after data
        out += table["a" if j & 1 else "b"]
        out = out % 1000003 + 1       # LOAD_CONST; BINARY_OP
    return out


def failing(which):
    p = Point(1, 2)
    s = Slots()
    loud = Loud()
    data = [1, 2, 3]
    i = 7
    x = "s"
    if which == 0:
        return p.z                    # LOAD_ATTR misses: AttributeError
    if which == 1:
        return s.a                    # unset slot: AttributeError
    if which == 2:
        return loud.boom              # a property raises
    if which == 3:
        loud.v = 13                   # __setattr__ raises
    if which == 4:
        return p.nothing()            # LOAD_METHOD misses
    if which == 5:
        return data[i]                # IndexError
    if which == 6:
        return 1 + x                  # TypeError from BINARY_OP after LOAD_FAST
    if which == 7:
        return x - 1                  # TypeError from BINARY_OP after LOAD_CONST
    if which == 8:
        return missing_global         # NameError from LOAD_GLOBAL after LOAD_FAST  # noqa: F821
    if which == 9:
        del p
        return p.x                    # the first half's local is unbound
    if which == 10:
        return i < NOT_DEFINED        # NameError from LOAD_GLOBAL before COMPARE_OP  # noqa: F821
    return None


def rebinding(n):
    global LOAD
    seen = []
    for i in range(n):
        op = i % 3
        if op == LOAD:                # LOAD is rebound half way: the cache must notice
            seen.append(i)
        if i == n // 2:
            LOAD = 2
    LOAD = 1
    return len(seen), seen[-3:]


for r in range(3):
    print(dispatch([i % 5 for i in range(4000)]))
    print(attrs(3000))
    print(subscripts(3000))
    for which in range(11):
        try:
            print(which, failing(which))
        except Exception as e:
            tb = e.__traceback__
            while tb.tb_next:
                tb = tb.tb_next
            print(which, type(e).__name__, e, tb.tb_lineno)
    print(rebinding(3000))
    print(limits(3000))
print(sys.getrefcount(Point))
failing(0)
