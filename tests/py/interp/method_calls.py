# krait: expect interp_frames >= 1
# LOAD_METHOD/PRECALL/CALL for bound, unbound, static and class methods,
# methods stored on instances, bound methods stored in variables, super()
# (zero-arg and explicit) through a diamond, C methods, and callable objects.
class Base:
    def __init__(self, v):
        self.v = v

    def get(self):
        return self.v

    def add(self, x, y=1):
        return self.v + x + y

    @staticmethod
    def st(x):
        return x * 2

    @classmethod
    def cm(cls, x):
        return (cls.__name__, x)

    def who(self):
        return ["Base"]


class Left(Base):
    def who(self):
        return ["Left"] + super().who()


class Right(Base):
    def who(self):
        return ["Right"] + super().who()


class Diamond(Left, Right):
    def who(self):
        return ["Diamond"] + super().who()

    def get(self):
        return super().get() * 100 + super(Left, self).get()


class CallMe:
    def __init__(self):
        self.n = 0

    def __call__(self, k=1):
        self.n += k
        return self.n


def hot(n):
    b = Base(3)
    d = Diamond(2)
    bound = b.add
    unbound = Base.add
    c = CallMe()
    b.inst_fn = lambda x: x + 1000       # function stored on the instance (not bound)
    acc = 0
    for i in range(n):
        acc += b.get() + b.add(i) + b.add(i, y=2) + bound(1) + unbound(b, 2, 3)
        acc += b.st(i) + Base.st(1) + b.cm(i)[1] + Diamond.cm(1)[1]
        acc += d.get() + len(d.who())
        acc += c() + c(k=2) + b.inst_fn(i)
        acc += "abc".upper().count("B") + [1, 2].index(2) + {"k": 1}.get("k", 0)
    return acc, d.who(), c.n, Diamond.__mro__[1].__name__


print(hot(3000))


def method_replaced_mid_loop(n):
    b = Base(1)
    out = []
    for i in range(n):
        out.append(b.get())
        if i == n // 3:
            Base.get = lambda self: -self.v
        if i == 2 * n // 3:
            b.get = lambda: 7            # instance attribute shadows the method
    del Base.get
    Base.get = lambda self: self.v
    return out.count(1), out.count(-1), out.count(7)


print(method_replaced_mid_loop(300))


class Meta(type):
    def meta_method(cls):
        return "meta:" + cls.__name__


class WithMeta(metaclass=Meta):
    pass


def meta_and_builtins(n):
    r = []
    for i in range(n):
        r.append(WithMeta.meta_method())
        r.append(int.from_bytes(b"\x01\x00", "little"))
        r.append(dict.fromkeys("ab", i)["a"])
        r.append(str.join("-", ["a", "b"]))
    return r[-4:]


print(meta_and_builtins(100))


def super_errors():
    out = []
    for case in range(3):
        try:
            if case == 0:
                super().foo
            elif case == 1:
                Base.get()
            else:
                Base(1).get(2)
        except (RuntimeError, TypeError) as e:
            out.append(f"{type(e).__name__}: {e}")
    return out


print(super_errors())


class Recur(Base):
    def get(self):
        total = 0
        for i in range(3):
            total += super().get()
        return total


print(sum(Recur(i).get() for i in range(100)))
