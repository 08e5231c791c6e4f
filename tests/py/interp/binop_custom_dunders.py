# krait: expect interp_frames >= 1
# Operators on user classes: __add__/__radd__/__iadd__ (and friends) that
# return NotImplemented, reflected-operand priority for subclasses, in-place
# fallback to the binary method, __matmul__, and TypeError messages.
class V:
    def __init__(self, x):
        self.x = x

    def __add__(self, o):
        if isinstance(o, V):
            return V(self.x + o.x)
        if isinstance(o, int):
            return V(self.x + o)
        return NotImplemented

    def __radd__(self, o):
        if isinstance(o, int):
            return V(o * 1000 + self.x)
        return NotImplemented

    def __iadd__(self, o):
        if isinstance(o, str):
            return NotImplemented    # falls back to __add__, then __radd__ of o
        self.x += getattr(o, "x", o) * 2
        return self

    def __sub__(self, o):
        return NotImplemented

    def __rsub__(self, o):
        return ("rsub", o, self.x)

    def __mul__(self, o):
        return ("mul", self.x, o)

    def __matmul__(self, o):
        return ("matmul", self.x, getattr(o, "x", o))

    def __rmatmul__(self, o):
        return ("rmatmul", o, self.x)

    def __pow__(self, o, mod=None):
        return ("pow", self.x, o, mod)

    def __rpow__(self, o):
        return ("rpow", o, self.x)

    def __lshift__(self, o):
        return NotImplemented

    def __repr__(self):
        return f"V({self.x})"


class W(V):
    def __radd__(self, o):
        return ("W.radd", o)


def hot(n):
    v = V(0)
    alias = v
    total = 0
    for i in range(n):
        v += 1             # __iadd__ in place
        w = v + V(1)       # __add__
        u = 5 + w          # __radd__
        total += u.x % 7
    return v.x, alias is v, total


print(hot(3000))


def dispatch():
    res = []
    for _ in range(1):
        res.append(V(1) + W(2))          # subclass reflected method wins
        res.append(V(1) @ V(2))
        res.append(3 @ V(4))
        res.append(V(2) ** 3)
        res.append(2 ** V(3))
        res.append(pow(V(2), 3, 5))
        res.append(7 - V(1))
    return res


for r in dispatch():
    print(r)


def errors():
    out = []
    for case in range(6):
        try:
            v = V(1)
            if case == 0:
                v + "s"
            elif case == 1:
                "s" + v
            elif case == 2:
                v += "s"
            elif case == 3:
                v << 2
            elif case == 4:
                v - v
            else:
                v @= None
                out.append(v)
                v2 = V(3)
                v2 -= V(1)
        except TypeError as e:
            out.append(str(e))
    return out


for m in errors():
    print(m)


class Counter:
    calls = 0

    def __add__(self, o):
        Counter.calls += 1
        return NotImplemented

    def __radd__(self, o):
        Counter.calls += 10
        return NotImplemented


def both_not_impl(n):
    fails = 0
    for i in range(n):
        try:
            Counter() + Counter()
        except TypeError:
            fails += 1
    return fails, Counter.calls


print(both_not_impl(500))


class Num(int):
    def __add__(self, o):
        return "Num.add"

    def __radd__(self, o):
        return "Num.radd"


def int_subclass(n):
    r = []
    for i in range(n):
        r.append((1 + Num(2), Num(2) + 1, Num(1) * 3))
    return r[-1], len(r)


print(int_subclass(1000))
