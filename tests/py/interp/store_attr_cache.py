# krait: expect interp_frames >= 1
# Attribute stores on instances (the STORE_ATTR instance-value cache) and method loads on
# dict-less types (LOAD_METHOD_NO_DICT) in hot loops: attributes added in different
# orders, deleted and re-added, instances whose __dict__ was materialized, class
# attributes shadowed, properties and descriptors defined on the class later, __setattr__
# overrides, methods replaced on the type, __slots__ and builtin receivers.
class C:
    pass


class P:
    def __init__(self):
        self._v = 0


class S:
    __slots__ = ("x",)

    def get(self):
        return self.x


def stores(n):
    out = []
    objs = [C() for _ in range(4)]
    for i in range(n):
        o = objs[i % 4]
        o.a = i
        o.b = i * 2
        if i % 3 == 0:
            o.c = -i
        if i % 11 == 0 and hasattr(o, "c"):
            del o.c
        if i == 200:
            objs[1].__dict__["z"] = 1  # the dict is materialized
        if i == 300:
            C.b = property(lambda self: "prop", lambda self, v: out.append(("set", v)))
        if i == 400:
            del C.b
        if i == 500:
            C.__setattr__ = lambda self, k, v: object.__setattr__(self, k, (v, "wrapped"))
        if i == 600:
            del C.__setattr__
        out.append((o.a, o.b, getattr(o, "c", None)))
    return out, [sorted(vars(o).items()) for o in objs]


def methods(n):
    acc = []
    lst = []
    s = S()
    for i in range(n):
        lst.append(i)
        if len(lst) > 5:
            lst.pop(0)
        s.x = i
        acc.append(s.get())
        if i == n // 2:
            S.get = lambda self: -self.x
        acc.append("-".join(str(v) for v in lst[:2]))
        acc.append(b"ab".upper())
    return acc


a, b = stores(800)
print(a[:5], a[195:205], a[295:305], a[395:405], a[495:505], a[595:605], a[-5:])
print(b)
m = methods(400)
print(m[:9], m[590:610], m[-9:])
