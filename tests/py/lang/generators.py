# Generators: send/throw/close, yield from (with return value delegation),
# GeneratorExit, PEP 479, generator expressions and hot iteration.
import itertools


def echo():
    received = []
    try:
        while True:
            try:
                value = yield len(received)
            except ValueError as e:
                received.append(f"caught {e}")
                continue
            received.append(value)
    except GeneratorExit:
        print("echo closing with", received)
        raise
    finally:
        print("echo finally")


g = echo()
print("first", next(g))
print("send a", g.send("a"))
print("send b", g.send("b"))
print("throw", g.throw(ValueError("boom")))
g.close()
print("closed; next raises:", end=" ")
try:
    next(g)
except StopIteration:
    print("StopIteration")


def averager():
    total = count = 0
    avg = None
    while True:
        term = yield avg
        if term is None:
            return (count, avg)
        total += term
        count += 1
        avg = total / count


def delegate(results):
    while True:
        r = yield from averager()
        results.append(r)


results = []
d = delegate(results)
next(d)
for batch in ([1, 2, 3], [10, 20], list(range(1000))):
    for v in batch:
        d.send(v)
    d.send(None)
print("averages", results)


def flatten(x):
    if isinstance(x, list):
        for item in x:
            yield from flatten(item)
    else:
        yield x


print("flatten", list(flatten([1, [2, [3, [4, [5]]]], [[6]], 7])))


def gen_return():
    yield 1
    return "done"


try:
    it = gen_return()
    next(it)
    next(it)
except StopIteration as e:
    print("StopIteration value:", e.value)


def bad():
    yield 1
    raise StopIteration("leak")


try:
    list(bad())
except RuntimeError as e:
    print("RuntimeError:", e, "| cause:", repr(e.__cause__))


def ignores_exit():
    try:
        yield 1
    except GeneratorExit:
        yield 2


g = ignores_exit()
next(g)
try:
    g.close()
except RuntimeError as e:
    print("RuntimeError:", e)


def primes():
    found = []
    for n in itertools.count(2):
        if all(n % p for p in found if p * p <= n):
            found.append(n)
            yield n


# Hot loop over a generator pipeline.
print("primes", sum(itertools.islice(primes(), 1500)))
squares = (i * i for i in range(20000))
evens = (s for s in squares if s % 2 == 0)
print("sum even squares", sum(evens))


def fib_gen():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b


for i, f in enumerate(fib_gen()):
    if i == 300:
        print("fib300", f)
        break

gi = (x for x in range(3))
print("gi state", gi.gi_running, next(gi), list(gi), list(gi))


def throw_through():
    try:
        yield from inner_gen()
    except KeyError as e:
        yield f"outer caught {e!r}"


def inner_gen():
    yield "inner 1"
    yield "inner 2"


t = throw_through()
print(next(t))
print(t.throw(KeyError("k")))


def running_max():
    best = None
    while True:
        x = yield best
        best = x if best is None or x > best else best


rm = running_max()
next(rm)
last = None
for i in range(5000):
    last = rm.send((i * 2654435761) % 10007)
print("running max", last)
