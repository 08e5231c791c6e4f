# krait: expect interp_frames >= 1
# CALL with positional, keyword (KW_NAMES), default, *args, **kwargs,
# keyword-only and positional-only parameters in hot loops, and the exact
# TypeError messages for every kind of bad call.
def f(a, b=2, *args, c, d=4, **kw):
    return a + b + sum(args) + c + d + sum(kw.values())


def po(x, y, /, z=0):
    return x * 100 + y * 10 + z


def hot(n):
    acc = 0
    extra = {"e": 1, "g": 2}
    tail = (5, 6)
    for i in range(n):
        acc += f(i, c=1)
        acc += f(i, 3, 4, c=1, d=0)
        acc += f(a=i, c=2)
        acc += f(i, *tail, c=1, **extra)
        acc += f(*(i, 1), **{"c": 3})
        acc += po(1, 2) + po(1, 2, z=3) + po(*(1, 2, 3))
        acc += max(i, 5, key=lambda v: -v) + sorted([3, 1, 2], reverse=True)[0]
        acc += int("10", base=8) + int("ff", 16)
    return acc


print(hot(3000))


def defaults_mutable(n):
    def app(x, into=[]):
        into.append(x)
        return len(into)
    last = 0
    for i in range(n):
        last = app(i)
    return last, len(app.__defaults__[0])


print(defaults_mutable(1000))


def kwdefaults_changed(n):
    def g(*, k=1):
        return k
    out = []
    for i in range(n):
        out.append(g())
        if i == n // 2:
            g.__kwdefaults__ = {"k": 2}
    return out.count(1), out.count(2)


print(kwdefaults_changed(100))


def bad_calls():
    out = []
    cases = [
        lambda: f(),
        lambda: f(1),
        lambda: f(1, c=1, a=2),
        lambda: f(1, 2, c=3, d=4, d2=5, **{"d": 6}),
        lambda: po(x=1, y=2),
        lambda: po(1, 2, 3, 4),
        lambda: po(1),
        lambda: f(1, c=1, **{1: 2}),
        lambda: f(1, *5, c=1),
        lambda: f(1, c=1, **[1]),
        lambda: len(),
        lambda: len([], []),
        lambda: "x".join(1),
        lambda: (lambda *, k: k)(1),
        lambda: (lambda: 0)(k=1),
        lambda: int(x=1),
        lambda: (lambda x: x())(5),
        lambda: dict(**{"a": 1}, a=2),
    ]
    for i, case in enumerate(cases):
        for _ in range(2):
            try:
                case()
            except TypeError as e:
                msg = str(e).replace(f"{bad_calls.__name__}.<locals>.", "")
        out.append(f"{i}: {msg}")
    return out


for m in bad_calls():
    print(m)


def many_args(n):
    def wide(a, b, c, d, e, f, g, h, i, j, k, l, m, n_, o, p, q, r, s, t):
        return a + b + c + d + e + f + g + h + i + j + k + l + m + n_ + o + p + q + r + s + t
    acc = 0
    for x in range(n):
        acc += wide(x, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, t=19)
    return acc


print(many_args(2000))
