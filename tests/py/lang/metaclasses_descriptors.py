# Metaclasses, __init_subclass__, __set_name__, descriptors, __getattr__ /
# __getattribute__, __class_getitem__, dynamic type() creation and class
# decorators.


class Registry(type):
    classes = []

    def __new__(mcls, name, bases, ns, **kwargs):
        ns.setdefault("tag", name.lower())
        cls = super().__new__(mcls, name, bases, ns)
        mcls.classes.append(name)
        return cls

    def __init__(cls, name, bases, ns, **kwargs):
        super().__init__(name, bases, ns)
        cls.kwargs = dict(sorted(kwargs.items()))

    def __call__(cls, *args, **kw):
        inst = super().__call__(*args, **kw)
        inst.created_by = "Registry"
        return inst

    def __repr__(cls):
        return f"<class {cls.__name__} tag={cls.tag}>"


class Plugin(metaclass=Registry, flavour="base"):
    def __init__(self, v):
        self.v = v


class Audio(Plugin, flavour="loud", level=3):
    tag = "custom"


print(Registry.classes, Plugin, Audio, Audio.kwargs, Plugin.kwargs)
a = Audio(7)
print(a.v, a.created_by, type(Audio).__name__)


class Typed:
    """Data descriptor checking types; __set_name__ learns the attr name."""

    def __init__(self, kind):
        self.kind = kind

    def __set_name__(self, owner, name):
        self.name = name
        self.slot = "_" + name

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.slot)

    def __set__(self, obj, value):
        if not isinstance(value, self.kind):
            raise TypeError(f"{self.name} must be {self.kind.__name__}, got {type(value).__name__}")
        setattr(obj, self.slot, value)


class Lazy:
    """Non-data descriptor: caches into the instance dict on first access."""

    def __init__(self, fn):
        self.fn = fn
        self.calls = 0

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        self.calls += 1
        value = self.fn(obj)
        obj.__dict__[self.fn.__name__] = value
        return value


class Point:
    x = Typed(int)
    y = Typed(int)

    def __init__(self, x, y):
        self.x, self.y = x, y

    @Lazy
    def norm2(self):
        return self.x ** 2 + self.y ** 2


p = Point(3, 4)
print(p.x, p.y, p.norm2, p.norm2, Point.__dict__["norm2"].calls)
try:
    p.x = "3"
except TypeError as e:
    print("TypeError:", e)

# Hot loop through the descriptor protocol.
acc = 0
for i in range(4000):
    p.x = i
    acc += p.x + p.y
print("acc", acc)


class Auto:
    subclasses = []

    def __init_subclass__(cls, prefix="", **kw):
        super().__init_subclass__(**kw)
        cls.prefix = prefix
        Auto.subclasses.append(cls.__name__)


class A1(Auto, prefix="a1"):
    pass


class A2(A1):
    pass


print(Auto.subclasses, A1.prefix, repr(A2.prefix))


class Dyn:
    def __init__(self):
        self.real = 1

    def __getattr__(self, name):
        if name.startswith("virt_"):
            return name[5:].upper()
        raise AttributeError(f"no {name}")


d = Dyn()
print(d.real, d.virt_abc, getattr(d, "missing", "default"))
try:
    d.other
except AttributeError as e:
    print("AttributeError:", e)


class Counted:
    def __init__(self):
        object.__setattr__(self, "lookups", 0)

    def __getattribute__(self, name):
        if name != "lookups":
            object.__setattr__(self, "lookups", object.__getattribute__(self, "lookups") + 1)
        return object.__getattribute__(self, name)

    def ping(self):
        return 1


c = Counted()
s = 0
for _ in range(2500):
    s += c.ping()
print("pings", s, "lookups", c.lookups)


class Box:
    def __class_getitem__(cls, item):
        return f"Box[{getattr(item, '__name__', item)}]"


print(Box[int], Box["x"], list[int], dict[str, list[int]])


def method(self):
    return f"{type(self).__name__} says {self.word}"


Made = type("Made", (object,), {"word": "hi", "speak": method})
print(Made().speak(), Made.__mro__[-1].__name__)


def add_repr(cls):
    fields = list(cls.__annotations__)

    def __repr__(self):
        inner = ", ".join(f"{f}={getattr(self, f)!r}" for f in fields)
        return f"{cls.__name__}({inner})"

    cls.__repr__ = __repr__
    return cls


@add_repr
class Rec:
    a: int
    b: str

    def __init__(self, a, b):
        self.a, self.b = a, b


print(Rec(1, "x"))


class Singleton(type):
    _inst = {}

    def __call__(cls, *a):
        if cls not in cls._inst:
            cls._inst[cls] = super().__call__(*a)
        return cls._inst[cls]


class Config(metaclass=Singleton):
    def __init__(self, n):
        self.n = n


print(Config(1).n, Config(2).n, Config(3) is Config(4))
