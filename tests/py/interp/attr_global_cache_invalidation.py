# krait: expect interp_frames >= 1
# LOAD_ATTR / LOAD_METHOD / LOAD_GLOBAL sites that see their cached
# assumptions change in the middle of a hot loop: a property or class
# attribute appearing for an instance attribute name, an instance
# attribute shadowing a method, a materialized __dict__, __class__
# reassignment, many types through one site, module attributes rebound or
# deleted (module __getattr__ fallback), globals deleted (builtin fallback),
# non-str keys inserted into globals, and one code object run against
# different globals dicts (including copies).
import types


class P:
    def __init__(self, v):
        self.v = v
        self.w = -v

    def meth(self):
        return "meth"


class Q:
    def __init__(self, v):
        self.v = v * 10

    def meth(self):
        return "Q.meth"


def instance_then_property(n):
    objs = [P(i) for i in range(4)]
    out = []
    for i in range(n):
        out.append(objs[i % 4].v)
        if i == n // 2:
            P.v = property(lambda self: "prop")      # data descriptor now wins
    del P.v
    return out[n // 2 - 1: n // 2 + 3], out.count("prop")


print(instance_then_property(400))


def class_attr_fallback(n):
    p = P(1)
    out = []
    for i in range(n):
        out.append(p.w)
        if i == 100:
            P.w = "class-w"
            del p.w                                   # instance value gone
        if i == 200:
            p.w = "instance-again"
    del P.w
    return out[99:102], out[199:202], out[-1]


print(class_attr_fallback(300))


def method_shadowed(n):
    p = P(1)
    other = P(2)
    out = []
    for i in range(n):
        out.append(p.meth())
        out.append(other.meth())
        if i == n // 2:
            p.meth = lambda: "instance-lambda"
        if i == 3 * n // 4:
            P.meth = lambda self: "patched-class"
    P.meth = lambda self: "meth"
    return out[n - 2: n + 4], out[-2:], len(set(out))


print(method_shadowed(200))


def materialized_dict(n):
    p = P(5)
    out = []
    for i in range(n):
        out.append(p.v)
        if i == n // 3:
            d = vars(p)                               # materialize the dict
            d["v"] = "via-dict"
        if i == 2 * n // 3:
            p.__dict__ = {"v": "new-dict", "w": 0}
    return out[n // 3 - 1: n // 3 + 2], out[-1]


print(materialized_dict(300))


def class_swap(n):
    o = P(3)
    out = []
    for i in range(n):
        out.append((o.v, o.meth()))
        if i % 50 == 49:
            o.__class__ = Q if type(o) is P else P
    return out[48:52], out[-1]


print(class_swap(200))


class Slotted:
    __slots__ = ("v",)

    def __init__(self, v):
        self.v = v

    def meth(self):
        return "slot"


class Dyn:
    def __getattr__(self, name):
        return f"dyn-{name}"

    def meth(self):
        return "dyn"


class Custom:
    def __getattribute__(self, name):
        if name == "v":
            return "custom-v"
        return object.__getattribute__(self, name)

    def meth(self):
        return "custom"


def polymorphic(n):
    objs = [P(1), Q(2), Slotted(3), Dyn(), Custom(), types.SimpleNamespace(v="ns", meth=lambda: "ns")]
    out = []
    for i in range(n):
        o = objs[i % len(objs)]
        out.append((o.v, o.meth()))
    return out[:6], len(out)


print(polymorphic(600))


mod = types.ModuleType("mod")
mod.x = 1
mod.f = lambda: "f1"


def module_getattr(name):
    return f"fallback-{name}"


def module_attrs(n):
    out = []
    for i in range(n):
        out.append((mod.x, mod.f()))
        if i == 100:
            mod.x = 2
        if i == 200:
            mod.f = lambda: "f2"
        if i == 300:
            del mod.x
            mod.__getattr__ = module_getattr
        if i == 400:
            mod.x = 4
    return out[99:102], out[199:202], out[300:302], out[-1]


print(module_attrs(500))


class SubModule(types.ModuleType):
    @property
    def x(self):
        return "property-x"


other = types.ModuleType("other")
other.x = "other-x"
sub = SubModule("sub")
sub.__dict__["x"] = "shadowed"


def modules_through_one_site(n):
    # One LOAD_ATTR site (the module attribute cache) meeting two plain modules with the
    # same name at different entries, and a module subclass whose property wins.
    out = []
    for i in range(n):
        m = mod if i % 3 == 0 else other if i % 3 == 1 else sub
        out.append(m.x)
        if i == 150:
            other.x = "other-x2"
    return out[:6], out[150:156], out[-3:]


print(modules_through_one_site(300))

GX = "global-x"


def globals_and_builtins(n):
    global GX, len
    out = []
    for i in range(n):
        out.append((GX, len("ab")))
        if i == 100:
            GX = "rebound"
        if i == 200:
            len = lambda s: -1                          # noqa: E731
        if i == 300:
            del len
        if i == 400:
            globals()[12345] = "non-str key"            # globals keys become generic
        if i == 450:
            del globals()[12345]
    return out[99:102], out[199:202], out[299:302], out[-1]


print(globals_and_builtins(500))

SRC = """
def f(n):
    acc = []
    for i in range(n):
        acc.append(NAME)
    return acc[-1], len(acc)
"""


def same_code_other_globals():
    g1 = {"NAME": "g1"}
    exec(SRC, g1)
    f = g1["f"]
    code = f.__code__
    out = [f(50)]
    for k in range(4):
        g = dict(g1)                                   # a copy: same keys layout
        g["NAME"] = f"copy{k}"
        out.append(types.FunctionType(code, g)(50))
    g3 = {"__builtins__": __builtins__}
    out.append(types.FunctionType(code, g3)(0) if False else "skip")
    try:
        types.FunctionType(code, {"__builtins__": __builtins__})(5)
    except NameError as e:
        out.append(str(e))
    b = dict(__builtins__.__dict__ if hasattr(__builtins__, "__dict__") else __builtins__)
    b["NAME"] = "from-builtins"
    out.append(types.FunctionType(code, {"__builtins__": b})(5))
    out.append(f(3))
    return out


print(same_code_other_globals())


class Many:
    pass


def many_versions(n):
    m = Many()
    m.a = 0
    out = 0
    for i in range(n):
        out += m.a
        Many.extra = i                   # modifies the type every iteration
        m.a = i
    return out


print(many_versions(3000))
