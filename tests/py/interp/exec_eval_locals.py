# krait: expect interp_frames >= 1
# exec/eval of code with loops against custom locals: a plain dict, a dict
# subclass with __missing__-like __getitem__, and a non-dict mapping
# (LOAD_NAME falls back to globals/builtins, STORE_NAME goes through
# __setitem__), plus custom globals and an exec'd function definition.
import collections

SRC = """
acc = 0
for i in range(n):
    acc += i * factor
    if i % 500 == 0:
        marks.append(i)
res = (acc, len(marks), abs(-3))
"""


def run_dict():
    loc = {"n": 2000, "factor": 3, "marks": []}
    exec(SRC, {}, loc)
    return loc["res"], sorted(k for k in loc)


print(run_dict())


class Tracking(dict):
    def __init__(self, *a):
        super().__init__(*a)
        self.misses = []

    def __getitem__(self, k):
        try:
            return super().__getitem__(k)
        except KeyError:
            self.misses.append(k)
            raise


def run_dict_subclass():
    loc = Tracking({"n": 1500, "factor": 2, "marks": []})
    exec(SRC, {"__builtins__": __builtins__}, loc)
    return loc["res"], sorted(set(loc.misses))


print(run_dict_subclass())


class Ns(collections.abc.MutableMapping):
    def __init__(self, **kw):
        self.d = dict(kw)
        self.log = collections.Counter()

    def __getitem__(self, k):
        self.log["get " + k] += 1
        return self.d[k]

    def __setitem__(self, k, v):
        self.log["set " + k] += 1
        self.d[k] = v

    def __delitem__(self, k):
        del self.d[k]

    def __iter__(self):
        return iter(self.d)

    def __len__(self):
        return len(self.d)


def run_mapping():
    ns = Ns(n=1000, factor=5, marks=[])
    exec(SRC, {"range": range}, ns)
    return ns.d["res"], sorted(ns.log.items())


print(run_mapping())


def eval_loop(n):
    code = compile("x * y + z", "<expr>", "eval")
    total = 0
    g = {"z": 1}
    for i in range(n):
        total += eval(code, g, {"x": i, "y": 2})
    m = Ns(x=1, y=2)
    return total, eval("x + y + len('abc')", {}, m), sorted(m.log.items())


print(eval_loop(2000))


def exec_defines_function():
    g = {}
    exec("def f(n):\n    s = 0\n    for i in range(n):\n        s += i\n    return s\n", g)
    return g["f"](1000), g["f"].__qualname__


print(exec_defines_function())


def exec_errors():
    out = []
    for src in ["for i in range(10):\n    y = undefined_name_xyz\n",
                "for i in range(3):\n    del nope\n",
                "t = 0\nfor i in range(5):\n    t += i\nraise ValueError(t)\n"]:
        try:
            exec(src, {}, Ns())
        except (NameError, ValueError) as e:
            out.append(f"{type(e).__name__}: {e}")
    return out


print(exec_errors())
