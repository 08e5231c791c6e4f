# krait: expect interp_frames >= 1
# Generators suspended with values on the evaluation stack and inside
# exception handlers / with blocks / nested for loops, then resumed (each
# resume enters Krait's interpreter afresh): the stack contents, the
# handled exception (sys.exc_info) and the with-exit must all survive.
import sys


def stack_yields(n):
    for i in range(n):
        # yields in the middle of building a call, a list, a dict, a tuple
        r = max(i, (yield ("a", i)), (yield ("b", i)))
        lst = [i, (yield "c"), i * 2, (yield "d")]
        d = {"k": (yield "e"), i: [(yield "f")]}
        t = (i,) + ((yield "g"),)
        s = f"{i}-{(yield 'h')}-{r}"
        yield (r, lst, d, t, s)


def drive_stack(n):
    g = stack_yields(n)
    out = []
    v = next(g)
    k = 0
    try:
        while True:
            if isinstance(v, tuple) and len(v) == 5:
                out.append(v)
                v = next(g)
            else:
                k += 1
                v = g.send(k)
    except StopIteration:
        pass
    return out[:2], out[-1], len(out), k


print(drive_stack(1500))


def in_handler(n):
    for i in range(n):
        try:
            raise KeyError(i)
        except KeyError as e:
            before = sys.exc_info()[1]
            yield ("handler", i)               # suspended inside the except block
            after = sys.exc_info()[1]
            assert before is after is e, (before, after, e)
            try:
                raise ValueError("inner") from e
            except ValueError as e2:
                yield ("nested", e2.__cause__ is e)
            assert sys.exc_info()[1] is e
        assert sys.exc_info()[1] is None
        yield ("after", sys.exc_info())


def drive_handler(n):
    seen = []
    outside = []
    for item in in_handler(n):
        outside.append(sys.exc_info()[0])     # caller's exc_info is not the generator's
        seen.append(item[0])
    return len(seen), seen[:6], set(outside)


print(drive_handler(1000))


class CM:
    count = 0

    def __enter__(self):
        CM.count += 1
        return CM.count

    def __exit__(self, t, v, tb):
        CM.count -= 1
        return t is KeyError


def in_with(n):
    for i in range(n):
        with CM() as depth:
            yield depth
            with CM() as depth2:
                yield depth2
                if i % 10 == 0:
                    raise KeyError("suppressed by inner")
                yield -depth2
        yield CM.count


def drive_with(n):
    vals = list(in_with(n))
    return sum(vals), vals[:8], CM.count


print(drive_with(3000))


def nested_iterators(n):
    for a in iter(range(n)):
        for b in iter([a, a + 1]):
            for c in "xy":
                yield (a + b, c)


def drive_nested(n):
    total = 0
    letters = ""
    for s, c in nested_iterators(n):
        total += s
        letters += c
    return total, len(letters), letters[:6]


print(drive_nested(5000))


def finally_yield(n):
    for i in range(n):
        try:
            if i % 2:
                continue
            yield ("body", i)
        finally:
            yield ("finally", i)


def drive_finally(n):
    items = list(finally_yield(n))
    return len(items), items[:5]


print(drive_finally(2000))


def early_return_gen(n):
    for i in range(n):
        if i == n // 2:
            return i
        yield i


print(sum(early_return_gen(4000)))
