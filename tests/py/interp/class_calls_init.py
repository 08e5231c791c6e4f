# krait: expect interp_class_calls >= 1
# Calls of plain Python classes made by Krait's interpreter as CPython's type_call does:
# object allocated, __init__ run with the call's arguments (positional, keywords,
# defaults, *args), "__init__() should return None", exceptions raised in __init__ and in
# argument binding (object dropped first), abstract classes, classes with __new__,
# metaclasses, __slots__, subclasses of builtins, and __init__ rebound on the class while
# the loop runs. Ends with an uncaught TypeError traceback from a bad __init__ call.
import abc
import gc
import weakref


class Point:
    def __init__(self, x, y=0, *rest, scale=1, **extra):
        self.x = x * scale
        self.y = y * scale
        self.rest = rest
        self.extra = extra


class Bad:
    def __init__(self, v):
        self.v = v
        if v % 7 == 3:
            return v  # not None


class Raiser:
    deleted = []

    def __init__(self, v):
        self.v = v
        if v % 5 == 1:
            raise ValueError(f"bad {v}")

    def __del__(self):
        Raiser.deleted.append(self.v)


class WithNew:
    def __new__(cls, v):
        obj = super().__new__(cls)
        obj.made = "new"
        return obj

    def __init__(self, v):
        self.v = v


class Meta(type):
    def __call__(cls, *args, **kw):
        obj = super().__call__(*args, **kw)
        obj.via = "meta"
        return obj


class WithMeta(metaclass=Meta):
    def __init__(self, v):
        self.v = v


class Abstract(abc.ABC):
    @abc.abstractmethod
    def f(self):
        pass

    def __init__(self):
        self.ok = True


class Slotted:
    __slots__ = ("a", "b")

    def __init__(self, a, b):
        self.a = a
        self.b = b


class MyList(list):
    def __init__(self, n):
        super().__init__(range(n))
        self.n = n


class Other:
    pass


def make(i):
    return Slotted(i, i)


def double_keyword():
    try:
        Point(1, nope=2, scale=3, **{"scale": 4})
    except TypeError as e:
        return str(e)


def loop(n):
    out = []
    for i in range(n):
        p = Point(i, i + 1, 7, 8, scale=2, tag=i % 3)
        out.append((p.x, p.y, p.rest, sorted(p.extra.items())))
        q = Point(x=i)
        out.append((q.x, q.y, q.rest, q.extra))
        try:
            Bad(i)
        except TypeError as e:
            out.append(str(e))
        try:
            Raiser(i)
        except ValueError as e:
            out.append(str(e))
        try:
            Point()
        except TypeError as e:
            out.append(str(e))
        if i % 50 == 0:
            out.append(double_keyword())
        w = WithNew(i)
        out.append((w.made, w.v))
        m = WithMeta(i)
        out.append((m.via, m.v))
        try:
            Abstract()
        except TypeError as e:
            out.append(str(e))
        s = Slotted(i, -i)
        out.append(s.a + s.b + make(i).b)
        ml = MyList(i % 4)
        out.append((list(ml), ml.n))
        out.append(type(Other()).__name__)
        if i == n // 2:
            def other_init(self, x, y=5, *rest, scale=1, **extra):
                self.x, self.y, self.rest, self.extra = -x, y, rest, extra
            Point.__init__ = other_init
    return out


res = loop(300)
print(len(res))
for item in res[:40] + res[-40:]:
    print(item)
gc.collect()
print(sorted(set(Raiser.deleted))[:10], len(Raiser.deleted))
r = weakref.ref(Point(1))
print(r())
Bad(3)
