# Closures, nonlocal, global, cell variables, late binding, and scoping
# errors (UnboundLocalError / NameError), with hot loops over closure calls.

counter_global = 0


def make_counter(start=0, step=1):
    n = start

    def inc():
        nonlocal n
        n += step
        return n

    def get():
        return n

    return inc, get


inc, get = make_counter(10, 3)
for _ in range(4000):
    inc()
print("counter", get(), inc.__code__.co_freevars, get.__closure__[0].cell_contents)


def bump_global():
    global counter_global
    counter_global += 2


for _ in range(3000):
    bump_global()
print("global", counter_global)

# Late binding: every lambda sees the final i; default args capture early.
late = [lambda: i for i in range(5)]
early = [lambda i=i: i for i in range(5)]
print("late", [f() for f in late], "early", [f() for f in early])


def compose(*fns):
    def run(x):
        for f in reversed(fns):
            x = f(x)
        return x
    return run


pipeline = compose(lambda x: x + 1, lambda x: x * 2, abs)
print("compose", [pipeline(v) for v in range(-3, 4)])


def outer():
    x = "outer"

    def middle():
        def inner():
            nonlocal x
            x = x + "+inner"
            return x
        return inner()

    r = middle()
    return r, x


print("nested nonlocal", outer())


def accumulate_with_closure(n):
    total = 0

    def add(v):
        nonlocal total
        total += v

    for i in range(n):
        add(i * i % 97)
    return total


print("closure loop", accumulate_with_closure(5000))


def make_adders():
    return {k: (lambda x, k=k: x + k) for k in range(4)}


adders = make_adders()
print("adders", sorted((k, f(100)) for k, f in adders.items()))


def unbound():
    try:
        print(value)  # noqa: F821 - assigned below, so local and unbound here
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)
    value = 1
    return value


unbound()

try:
    undefined_name_here  # noqa: F821
except NameError as e:
    print("NameError:", e)


def shadow():
    len = lambda s: -1  # noqa: E731 - shadows the builtin locally
    return len("abc")


print("shadow", shadow(), len("abc"))


class Scope:
    x = 10
    # Class-body names are not visible inside comprehension scopes,
    # except the outermost iterable.
    ys = [x * 2 for _ in range(2)] if False else None
    zs = [v for v in range(x)]

    def method(self):
        return x_module


x_module = "module-level"
print("class scope", Scope.zs[-1], Scope().method())


# Generator of closures whose cells are rebound between calls.
def cells():
    fns = []
    for i in range(3):
        def f(j=i):
            return j * 10 + i
        fns.append(f)
    return fns


print("cells", [f() for f in cells()])


def fib_memo():
    memo = {}

    def fib(n):
        if n < 2:
            return n
        if n not in memo:
            memo[n] = fib(n - 1) + fib(n - 2)
        return memo[n]
    return fib


fib = fib_memo()
print("fib", fib(90), fib(200))
