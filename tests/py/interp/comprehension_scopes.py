# krait: expect interp_frames >= 1
# Comprehensions and generator expressions inside hot loops and class
# bodies: their own scope (loop variable not leaking), class-body names not
# visible inside (except the first iterable), walrus binding into the
# enclosing function, nested comprehensions capturing outer variables, and
# comprehensions as arguments.
def walrus(n):
    hits = []
    for i in range(n):
        if any((m := x) > i % 7 for x in range(5)):
            hits.append(m)
        total = [y := v * 2 for v in range(3)]
    return hits[:8], len(hits), y, total


print(walrus(3000))


def no_leak(n):
    x = "outer"
    for i in range(n):
        squares = [x for x in range(i % 5)]
    return x, squares


print(no_leak(1000))


class K:
    base = 10
    vals = [i * 2 for i in range(base)]          # the first iterable is evaluated in class scope
    try:
        bad = [base for _ in range(2)]
    except NameError as e:
        err = str(e)
    acc = 0
    for j in range(500):
        acc += sum(v for v in vals)


print(K.vals, K.err, K.acc)


def nested_capture(n):
    out = 0
    for k in range(n):
        grid = [[(r, c, k) for c in range(3) if (r + c + k) % 2] for r in range(3)]
        out += sum(len(row) for row in grid)
        fns = [lambda r=r: r + k for r in range(3)]
        out += sum(f() for f in fns)
    return out


print(nested_capture(2000))


def as_arguments(n):
    acc = 0
    for i in range(n):
        acc += max(x % 11 for x in range(i, i + 5))
        acc += len(set(c for c in str(i)))
        acc += dict((j, j) for j in range(3))[2]
        acc += sorted({v % 4: v for v in range(10)}.items())[0][1]
    return acc


print(as_arguments(3000))


def async_comprehension_free():
    gen = (i * i for i in range(10))
    first = next(gen)
    rest = list(gen)
    return first, rest, list(gen)


print(async_comprehension_free())
