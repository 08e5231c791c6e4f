# krait: expect interp_frames >= 1
# MAKE_FUNCTION in hot loops: lambdas with defaults, keyword-only defaults,
# annotations, closures, __defaults__ mutation, functions created per
# iteration (identity, __qualname__), and lambdas in sort keys / map.
def hot(n):
    acc = 0
    for i in range(n):
        f = lambda x, y=i, *a, z=2, **k: x + y + z + len(a) + len(k)  # noqa: E731
        acc += f(1) + f(1, 2, 3, z=0, w=1)
        g = lambda: i * 2      # noqa: E731
        acc += g()
    return acc, f.__defaults__, f.__kwdefaults__, f.__qualname__, g.__code__.co_freevars


print(hot(5000))


def annotated(n):
    out = []
    for i in range(n):
        def h(a: int, b: "str" = "x", *, c: float = 1.0) -> list:
            return [a, b, c]
        out.append(h)
    return out[0] is out[1], out[-1](1), sorted(out[-1].__annotations__), out[0].__qualname__


print(annotated(300))


def defaults_mutation(n):
    def f(a, b=10):
        return a + b
    out = []
    for i in range(n):
        out.append(f(i))
        if i == n // 2:
            f.__defaults__ = (1000,)
    return out[:3], out[-3:]


print(defaults_mutation(100))


def sort_keys(n):
    data = [(i * 37) % 101 for i in range(n)]
    out = []
    for rev in (False, True):
        out.append(sorted(data, key=lambda v: (v % 10, -v), reverse=rev)[:8])
    out.append(list(map(lambda a, b: a * b, data[:5], data[5:10])))
    out.append(list(filter(lambda v: v > 95, data))[:5])
    return out


print(sort_keys(1000))


def recursive_lambda(n):
    fact = lambda k: 1 if k <= 1 else k * fact(k - 1)   # noqa: E731
    acc = 0
    for i in range(n):
        acc += fact(i % 20)
    return acc


print(recursive_lambda(1000))


def default_evaluated_once(n):
    calls = []

    def make():
        calls.append(1)
        return len(calls)

    fs = []
    for i in range(n):
        def f(x=make()):
            return x
        fs.append(f)
    return len(calls), fs[0](), fs[-1]()


print(default_evaluated_once(500))
