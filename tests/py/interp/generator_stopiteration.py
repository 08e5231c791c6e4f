# krait: expect interp_frames >= 1
# PEP 479 inside hot loops: a StopIteration escaping a generator body
# becomes RuntimeError("generator raised StopIteration") with __cause__ set;
# returning from a generator sets StopIteration.value; next() on an
# exhausted generator; the uncaught RuntimeError traceback at the end.
def leaky(n):
    it = iter(range(n))
    while True:
        yield next(it)          # StopIteration from next() leaks out


def consume(n):
    total = 0
    try:
        for v in leaky(n):
            total += v
    except RuntimeError as e:
        return total, str(e), type(e.__cause__).__name__, e.__suppress_context__
    return total


print(consume(5000))


def returns(n):
    for i in range(n):
        yield i
    return "done-%d" % n


def values(n):
    out = []
    for k in range(n):
        g = returns(k % 4)
        try:
            while True:
                next(g)
        except StopIteration as e:
            out.append(e.value)
        try:
            next(g)
        except StopIteration as e:
            out.append(e.value)
    return out[:10], len(out)


print(values(1000))


def raise_stop_directly(n):
    def g():
        for i in range(n):
            if i == n - 1:
                raise StopIteration("explicit")
            yield i
    try:
        return sum(g())
    except RuntimeError as e:
        return str(e), repr(e.__cause__)


print(raise_stop_directly(100))


def genexp_stop(n):
    def stopper(x):
        if x == n // 2:
            raise StopIteration
        return x
    try:
        return list(stopper(x) for x in range(n))[-1]
    except RuntimeError as e:
        return "genexp:", str(e)


print(genexp_stop(100))


def list_comp_stop(n):
    def stopper(x):
        if x == n // 2:
            raise StopIteration("in listcomp")
        return x
    try:
        return [stopper(x) for x in range(n)]
    except StopIteration as e:
        return "listcomp lets it through:", e.args


print(list_comp_stop(100))


def main():
    total = 0
    for v in leaky(3000):
        total += v
    return total


main()
