# krait: expect interp_frames >= 1
# ExceptionGroup / except* inside hot loops: splitting by type, nested
# groups, re-raising the unhandled remainder, raising inside an except*
# clause, and the uncaught group traceback at the end.
import traceback
import sys


def split(n):
    counts = {"value": 0, "type": 0, "rest": 0}
    for i in range(n):
        excs = [ValueError(i)]
        if i % 2:
            excs.append(TypeError(i))
        if i % 3 == 0:
            excs.append(KeyError(i))
        try:
            try:
                raise ExceptionGroup(f"g{i}", excs)
            except* ValueError as eg:
                counts["value"] += len(eg.exceptions)
            except* TypeError as eg:
                counts["type"] += len(eg.exceptions)
        except ExceptionGroup as rest:
            counts["rest"] += len(rest.exceptions)
            assert all(isinstance(e, KeyError) for e in rest.exceptions)
    return counts


print(split(3000))


def nested_groups(n):
    leaves = 0
    for i in range(n):
        try:
            raise ExceptionGroup("outer", [
                ValueError(1),
                ExceptionGroup("inner", [TypeError(2), ValueError(3)]),
            ])
        except* ValueError as eg:
            leaves += sum(1 for _ in _leaves(eg))
        except* TypeError as eg:
            leaves += 10 * sum(1 for _ in _leaves(eg))
    return leaves


def _leaves(eg):
    for e in eg.exceptions:
        if isinstance(e, BaseExceptionGroup):
            yield from _leaves(e)
        else:
            yield e


print(nested_groups(1000))


def naked_exception(n):
    got = []
    for i in range(n):
        try:
            raise OSError(i)            # not a group: wrapped for except*
        except* OSError as eg:
            got.append((type(eg).__name__, eg.exceptions[0].args[0]))
    return got[-1], len(got)


print(naked_exception(500))


def raise_in_star():
    try:
        try:
            raise ExceptionGroup("eg", [ValueError("x"), TypeError("y")])
        except* ValueError:
            raise KeyError("from handler")
    except BaseException as e:
        traceback.print_exception(e, file=sys.stdout)


raise_in_star()


def subgroup_split(n):
    eg = ExceptionGroup("base", [ValueError(i) if i % 2 else TypeError(i) for i in range(10)])
    total = 0
    for i in range(n):
        match, rest = eg.split(ValueError)
        total += len(match.exceptions) - len(rest.exceptions)
        sub = eg.subgroup(lambda e: isinstance(e, TypeError) and e.args[0] > 4)
        total += len(sub.exceptions)
    return total


print(subgroup_split(1000))


def uncaught(n):
    for i in range(n):
        try:
            if i == n - 1:
                raise ExceptionGroup("final", [ValueError("v"), KeyError("k")])
        except* ValueError:
            pass


uncaught(100)
