# krait: expect interp_frames >= 1
# Generators driven from hot loops: send() values in, throw() exceptions in
# (caught and uncaught inside the generator), close() running finally
# blocks, yield from delegation (values, return value, throw/close
# forwarding), and generator state introspection.
import inspect


def accumulator():
    total = 0
    count = 0
    while True:
        try:
            x = yield total
        except ValueError as e:
            total = -1
            count += 100
            continue
        except GeneratorExit:
            print("acc closing at", total, count)
            raise
        if x is None:
            break
        total += x
        count += 1
    return count


def drive(n):
    g = accumulator()
    next(g)
    last = 0
    for i in range(n):
        last = g.send(i)
        if i % 1000 == 999:
            last = g.throw(ValueError("reset"))
    state_before = inspect.getgeneratorstate(g)
    g.close()
    return last, state_before, inspect.getgeneratorstate(g)


print(drive(5000))


def finished(n):
    g = accumulator()
    next(g)
    for i in range(n):
        g.send(1)
    try:
        g.send(None)
    except StopIteration as e:
        return "stop", e.value


print(finished(300))


def inner(k):
    received = []
    for i in range(k):
        v = yield i
        received.append(v)
    return received


def outer(n):
    results = []
    for r in range(n):
        res = yield from inner(3)
        results.append(res)
    return results


def delegate(n):
    g = outer(n)
    out = [next(g)]
    try:
        i = 0
        while True:
            out.append(g.send(i))
            i += 1
    except StopIteration as e:
        return out[:8], len(out), e.value[:3], len(e.value)


print(delegate(500))


def throw_through_delegation():
    def sub():
        try:
            while True:
                yield "sub"
        except KeyError as e:
            yield f"sub caught {e!r}"
        finally:
            print("sub finally")

    def top():
        r = yield from sub()
        yield r

    g = top()
    out = [next(g) for _ in range(3)]
    out.append(g.throw(KeyError("k")))
    try:
        g.throw(IndexError("i"))
    except IndexError as e:
        out.append(f"propagated {e!r}")
    out.append(inspect.getgeneratorstate(g))
    return out


print(throw_through_delegation())


def throw_uncaught_in_loop(n):
    def counter():
        i = 0
        while True:
            yield i
            i += 1

    caught = 0
    for k in range(n):
        g = counter()
        for _ in range(k % 5 + 1):
            next(g)
        try:
            g.throw(RuntimeError(k))
        except RuntimeError as e:
            caught += e.args[0]
        try:
            next(g)
        except StopIteration:
            caught += 1
    return caught


print(throw_uncaught_in_loop(2000))


def close_return_value():
    def g():
        try:
            yield 1
            yield 2
        finally:
            return "swallowed"   # noqa: B012
    gen = g()
    next(gen)
    r = gen.close()
    return r, inspect.getgeneratorstate(gen)


print(close_return_value())


def yield_in_generator_throw_type():
    def g():
        while True:
            try:
                yield
            except Exception as e:
                print("gen got", type(e).__name__, e)
                return
    out = []
    for i in range(3):
        gen = g()
        next(gen)
        try:
            gen.throw(TypeError, f"type+value {i}")
        except StopIteration:
            out.append(i)
    return out


print(yield_in_generator_throw_type())
