# krait: expect interp_frames >= 1
# Exceptions raised while the value stack holds partial results (call
# arguments, list/dict/set displays, f-string pieces, chained comparisons,
# nested for-loop iterators, with-statement exit functions), caught by
# handlers at different nesting levels inside hot loops: the stack must be
# cut back to each handler's depth, the loops must keep running, and
# nothing may leak (checked with a refcount on a marker object).
import sys

MARK = object()


def fail(i, every=7):
    if i % every == 0:
        raise ValueError(i)
    return i


def args_and_displays(n):
    caught = 0
    total = 0
    for i in range(n):
        try:
            total += max(MARK is MARK, fail(i), len([MARK, fail(i + 1), MARK]))
            d = {"a": MARK, "b": fail(i + 2), "c": [MARK, fail(i + 3)]}
            s = {MARK, fail(i + 4)}
            t = f"{i}-{MARK is not None}-{fail(i + 5)}-{i}"
            total += len(d) + len(s) + len(t)
        except ValueError as e:
            caught += 1
            total -= e.args[0] % 3
    return caught, total


before = sys.getrefcount(MARK)
print(args_and_displays(5000))
print("leak", sys.getrefcount(MARK) - before)


def chained(n):
    res = [0, 0]
    for i in range(n):
        try:
            if 0 <= fail(i, 5) < fail(i + 1, 3) <= n:
                res[0] += 1
        except ValueError:
            res[1] += 1
    return res


print(chained(3000))


def nested_loops(n):
    out = []
    for a in range(n):
        for b in iter([a, a + 1, a + 2]):
            try:
                for c in (MARK, b, MARK):
                    if c is not MARK and fail(c, 4) == -1:
                        break
            except ValueError as e:
                out.append(e.args[0])
                continue
            finally:
                out.append(-1) if b % 50 == 0 else None
    return len(out), out[:10], sum(out)


before = sys.getrefcount(MARK)
print(nested_loops(1000))
print("leak", sys.getrefcount(MARK) - before)


class CM:
    def __init__(self):
        self.exits = 0

    def __enter__(self):
        return MARK

    def __exit__(self, t, v, tb):
        self.exits += 1
        return t is KeyError


def with_stack(n):
    cm = CM()
    caught = 0
    for i in range(n):
        try:
            with cm as m:
                with cm:
                    x = [m, m, fail(i, 3)]
                    if i % 5 == 0:
                        raise KeyError(i)     # suppressed by inner cm
                    y = {m: x}
        except ValueError:
            caught += 1
    return caught, cm.exits


before = sys.getrefcount(MARK)
print(with_stack(3000))
print("leak", sys.getrefcount(MARK) - before)


def finally_lasti(n):
    log = []
    for i in range(n):
        try:
            try:
                [MARK, fail(i, 4)]
            finally:
                log.append(i % 4)
        except ValueError:
            log.append("v")
    return log[:10], len(log)


print(finally_lasti(1000))


def deep_try(n):
    hits = [0, 0, 0]
    for i in range(n):
        try:
            try:
                try:
                    fail(i, 2)
                    fail(i + 1, 3)
                    {}[i]
                except ValueError:
                    hits[0] += 1
                    if i % 4 == 0:
                        raise
            except ValueError:
                hits[1] += 1
        except KeyError:
            hits[2] += 1
    return hits


print(deep_try(6000))


def except_clause_errors():
    out = []
    for case in range(4):
        try:
            try:
                raise ValueError(case)
            except (5 if case == 0 else ValueError if case == 3 else undefined_name) as e:  # noqa: F821
                out.append("matched")
        except TypeError as e:
            out.append(f"TypeError: {e} / context {type(e.__context__).__name__}")
        except NameError as e:
            out.append(f"NameError: {e} / context {type(e.__context__).__name__}")
    return out


for line in except_clause_errors():
    print(line)


def return_from_handler(n):
    def f(i):
        for k in range(3):
            try:
                fail(i + k, 3)
            except ValueError:
                return ("handler", k)
            finally:
                if i == -1:
                    return "never"
        return ("loop-done",)
    out = {}
    for i in range(n):
        r = f(i)
        out[r] = out.get(r, 0) + 1
    return sorted(out.items())


print(return_from_handler(3000))
