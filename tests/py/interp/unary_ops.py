# krait: expect interp_frames >= 1
# UNARY_NEGATIVE / POSITIVE / INVERT / NOT in hot loops on ints (incl. the
# one-digit boundary), bools, floats, custom classes, and truthiness via
# __bool__/__len__ (including the errors they raise).
def ints(n):
    acc = 0
    for i in range(-n, n):
        acc += -i + +i + ~i + (not i)
    return acc, -(2**30), ~(2**30 - 1), -(-(2**63)), ~(-(2**64)), +True, -False, ~False


print(ints(3000))


def floats(n):
    out = []
    x = 0.0
    for i in range(n):
        x = -x
        out.append((-x, +x, not x))
    return out[-2:], -float("nan") != -float("nan"), -float("inf")


print(floats(1001))


class U:
    def __init__(self, v):
        self.v = v

    def __neg__(self):
        return U(-self.v)

    def __pos__(self):
        return U(self.v + 1000)

    def __invert__(self):
        return ("inv", self.v)

    def __repr__(self):
        return f"U({self.v})"


def custom(n):
    u = U(1)
    for i in range(n):
        u = -u
        u = +u if i % 100 == 0 else u
    return u, ~u


print(custom(1000))


class Truth:
    def __init__(self, v):
        self.v = v

    def __bool__(self):
        return self.v


class Len:
    def __init__(self, n):
        self.n = n

    def __len__(self):
        return self.n


def truthiness(n):
    t = 0
    for i in range(n):
        t += not Truth(i % 2 == 0)
        t += not Len(i % 3)
        t += not [] + [i] * (i % 2)
        t += (not "") + (not 0.0) + (not None) + (not ())
    return t


print(truthiness(3000))


def errors():
    out = []
    for case in range(7):
        try:
            if case == 0:
                -"s"
            elif case == 1:
                ~1.5
            elif case == 2:
                +[1]
            elif case == 3:
                not Truth(1)
            elif case == 4:
                not Len(-1)
            elif case == 5:
                if Truth("yes"):
                    pass
            else:
                -None
        except (TypeError, ValueError) as e:
            out.append(f"{type(e).__name__}: {e}")
    return out


for m in errors():
    print(m)


def uncaught():
    for i in range(100):
        if i == 99:
            x = not Truth(None)
    return x


uncaught()
