# krait: expect interp_frames >= 1
# Functions whose __code__, __defaults__ or __globals__-visible names change
# while a hot loop keeps calling them, and a function object re-created in
# the loop from different code objects: each call must run the current code.
def a(x):
    return x + 1


def b(x):
    total = 0
    for k in range(3):
        total += x * k
    return total


def hot(n):
    f = a
    out = []
    for i in range(n):
        out.append(f(i))
        if i == n // 3:
            f.__code__ = b.__code__
        if i == 2 * n // 3:
            f.__code__ = (lambda x: -x).__code__
    return out[n // 3 - 1: n // 3 + 2], out[2 * n // 3: 2 * n // 3 + 2], out[-1]


print(hot(3000))


def self_modifying(n):
    def step(x):
        for _ in range(1):
            x += 1
        return x
    calls = 0
    v = 0
    for i in range(n):
        v = step(v)
        calls += 1
        if i == 100:
            step.__code__ = (lambda x: x * 2 if x < 10**6 else x).__code__
    return v, calls


print(self_modifying(500))


def make_variants(n):
    codes = [compile(f"lambda x: x * {k}", "<variant>", "eval") for k in range(5)]
    fns = [eval(c) for c in codes]
    acc = 0
    for i in range(n):
        acc += fns[i % 5](i)
    return acc


print(make_variants(5000))


def replaced_global(n):
    global a
    orig = a
    out = []
    for i in range(n):
        out.append(a(i))
        if i == n // 2:
            a = lambda x: "replaced"       # noqa: E731
    a = orig
    return out[n // 2], out[n // 2 + 1], out.count("replaced")


print(replaced_global(1000))
