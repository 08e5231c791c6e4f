# krait: expect interp_frames >= 1
# Class bodies with loops run LOAD_NAME/STORE_NAME/DELETE_NAME over the class
# namespace (a dict, a dict subclass from __prepare__, or a plain mapping),
# with names falling back to globals and builtins, and LOAD_CLASSDEREF.
G = "global-G"


class Table:
    squares = {}
    total = 0
    for i in range(3000):
        squares[i % 50] = i * i
        total += i
        if i % 1000 == 0:
            name = G + str(i)
    del i
    length = len(squares)
    shadow = len
    len = 5                 # shadows the builtin inside the class body
    after = len + shadow([1, 2])


print(Table.total, Table.length, Table.name, Table.len, Table.after, hasattr(Table, "i"))
print(sorted(Table.squares.items())[:3])


class LoggingDict(dict):
    def __init__(self):
        super().__init__()
        self.sets = 0

    def __setitem__(self, k, v):
        self.sets += 1
        super().__setitem__(k, v)


class Mapping:
    """Not a dict at all: only __getitem__/__setitem__/__delitem__."""

    def __init__(self):
        self.data = {}
        self.gets = []

    def __getitem__(self, k):
        self.gets.append(k)
        return self.data[k]

    def __setitem__(self, k, v):
        self.data[k] = v

    def __delitem__(self, k):
        del self.data[k]


class Meta(type):
    kind = None

    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        return LoggingDict() if kw.get("kind") == "dict" else Mapping()

    def __new__(mcls, name, bases, ns, **kw):
        data = dict(ns) if isinstance(ns, dict) else dict(ns.data)
        cls = super().__new__(mcls, name, bases, data)
        cls.ns_info = (type(ns).__name__, getattr(ns, "sets", None),
                       len(getattr(ns, "gets", [])))
        return cls


class WithDict(metaclass=Meta, kind="dict"):
    acc = 0
    for k in range(2000):
        acc += k % 7
    del k


class WithMapping(metaclass=Meta, kind="map"):
    acc = 0
    for k in range(2000):
        acc = acc + k % 7 + len("ab")      # len: mapping miss, then builtins
    marker = G


print(WithDict.acc, WithDict.ns_info)
print(WithMapping.acc, WithMapping.marker, WithMapping.ns_info)


def make(n):
    x = "closure"

    class C:
        vals = []
        for j in range(n):
            vals.append(x + str(j % 3))    # LOAD_CLASSDEREF
        y = x
    return C.vals[-3:], C.y


print(make(500))


try:
    class Broken:
        for q in range(100):
            pass
        missing_name_in_class  # noqa: F821
except NameError as e:
    print("NameError:", e)
