# krait: expect interp_frames >= 1
# LOAD_ATTR / STORE_ATTR / DELETE_ATTR in hot loops: instance dict, class
# attributes, properties (getter/setter/deleter), __slots__, __getattr__
# fallback, __getattribute__ override, __setattr__/__delattr__ hooks,
# descriptors, module attributes, and AttributeError messages.
import math


class Plain:
    cls_attr = 10

    def __init__(self):
        self.a = 0


class WithProp:
    def __init__(self):
        self._v = 0
        self.log = []

    @property
    def v(self):
        return self._v

    @v.setter
    def v(self, x):
        self._v = x * 2

    @v.deleter
    def v(self):
        self.log.append("del")
        self._v = -1


class Slots:
    __slots__ = ("x", "y")


class Fallback:
    def __init__(self):
        self.real = 1

    def __getattr__(self, name):
        if name.startswith("dyn"):
            return len(name)
        raise AttributeError(f"no {name} here")


class Hooked:
    def __init__(self):
        object.__setattr__(self, "events", [])

    def __setattr__(self, k, v):
        self.events.append(("set", k))
        object.__setattr__(self, k, v)

    def __delattr__(self, k):
        self.events.append(("del", k))
        object.__delattr__(self, k)

    def __getattribute__(self, k):
        if k == "magic":
            return 42
        return object.__getattribute__(self, k)


class Desc:
    def __get__(self, obj, typ=None):
        return ("desc", obj is None)

    def __set__(self, obj, value):
        obj.__dict__["stored"] = value


class HasDesc:
    d = Desc()


def hot(n):
    p = Plain()
    w = WithProp()
    s = Slots()
    f = Fallback()
    h = Hooked()
    hd = HasDesc()
    acc = 0
    for i in range(n):
        p.a += i
        p.b = i                      # new attribute on first iteration
        acc += p.cls_attr + Plain.cls_attr
        w.v = i
        acc += w.v
        s.x = i
        s.y = -i
        acc += s.x + s.y
        acc += f.real + f.dyn_attr
        if i % 500 == 0:
            h.val = i
            del h.val
            acc += h.magic
            del w.v
            hd.d = i
        acc += math.pi > 3
    return acc, p.a, p.b, w.v, w.log.count("del"), len(h.events), hd.d, hd.__dict__


print(hot(3000))


def class_attr_mutation(n):
    out = []
    for i in range(n):
        if i == n // 2:
            Plain.cls_attr = 99
        out.append(Plain().cls_attr)
    Plain.cls_attr = 10
    return out.count(10), out.count(99)


print(class_attr_mutation(1000))


def errors():
    out = []
    p = Plain()
    s = Slots()
    for case in range(11):
        try:
            if case == 0:
                p.missing
            elif case == 1:
                s.x = 1
                del s.x
                s.x
            elif case == 2:
                s.z = 1
            elif case == 3:
                Fallback().other
            elif case == 4:
                del p.nope
            elif case == 5:
                (1).real = 2
            elif case == 6:
                None.attr
            elif case == 7:
                WithProp().v.missing
            elif case == 8:
                Plain.nothing
            elif case == 9:
                math.no_such_function
            else:
                "abc".uper()
        except AttributeError as e:
            out.append(str(e))
    return out


for m in errors():
    print(m)


def uncaught(n):
    objs = [Plain() for _ in range(n)]
    objs[-1].__dict__.pop("a")
    total = 0
    for o in objs:
        total += o.a
    return total


uncaught(500)
