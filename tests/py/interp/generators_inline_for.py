# krait: expect interp_inlined_gens >= 100
# Generators resumed by `for` run their frames inside Krait's loop (as gen_send_ex2 would
# run them): f_back and gi_running/gi_frame state seen from inside, sys.exc_info() inside a
# generator resumed while the caller handles an exception, StopIteration raised inside
# (RuntimeError from it), exceptions with tracebacks through both frames, return values,
# re-entrant iteration ("generator already executing"), pipelines nested deeper than the
# interpreter keeps inline, break out of a generator loop and close() later, generators
# whose code is swapped to CPython's loop by sys.settrace mid-iteration. Ends with an
# uncaught exception raised inside a generator.
import inspect
import sys


def counter(n, log):
    me = yield_self[0] if yield_self else None
    for i in range(n):
        f = sys._getframe()
        log.append((f.f_back.f_code.co_name, inspect.getgeneratorstate(me) if me else None))
        yield i
    return "done"


yield_self = []


def exc_info_gen():
    yield sys.exc_info()[0]
    try:
        raise KeyError("inner")
    except KeyError:
        yield sys.exc_info()[0]
    yield sys.exc_info()[0]


def stopper(k):
    yield 1
    if k:
        raise StopIteration("explicit")
    yield 2


def failing(k):
    for i in range(3):
        yield i
        if i == k:
            raise ValueError(f"fail at {i}")


def reentrant():
    g = reentrant_holder[0]
    yield 1
    try:
        for _ in g:
            pass
    except ValueError as e:
        yield str(e)


reentrant_holder = []


def chain(depth):
    if depth == 0:
        yield from range(3)
    else:
        for v in chain(depth - 1):
            yield v + 1


def traced_midway():
    for i in range(4):
        if i == 2:
            sys.settrace(lambda *a: None)
        yield i
    sys.settrace(None)


def loop(n):
    out = []
    for r in range(n):
        log = []
        g = counter(3, log)
        yield_self[:] = [g]
        out.append((list(x for x in g), log[:2]))
        yield_self.clear()
        try:
            raise IndexError("outer")
        except IndexError:
            out.append([getattr(t, "__name__", t) for t in exc_info_gen()])
        out.append([getattr(t, "__name__", t) for t in exc_info_gen()])
        for k in (0, 1):
            try:
                out.append([v for v in stopper(k)])
            except RuntimeError as e:
                out.append((str(e), repr(e.__cause__)))
        try:
            for v in failing(r % 3):
                out.append(v)
        except ValueError as e:
            tb = e.__traceback__
            names = []
            while tb:
                names.append(tb.tb_frame.f_code.co_name)
                tb = tb.tb_next
            out.append((str(e), names))
        g = reentrant()
        reentrant_holder[:] = [g]
        out.append(list(g))
        out.append(sum(chain(40)) if r % 10 == 0 else sum(chain(3)))
        g = counter(10, [])
        for v in g:
            if v == 4:
                break
        out.append((inspect.getgeneratorstate(g), g.gi_running))
        g.close()
        out.append(inspect.getgeneratorstate(g))
        out.append(list(traced_midway()))
    return out


res = loop(40)
for item in res[:16]:
    print(item)
print(len(res), res[-8:])


def deep():
    yield 1
    raise KeyError("from the generator")


for v in deep():
    print(v)
