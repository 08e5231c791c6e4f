# krait: expect interp_frames >= 1
# Opcodes the interpreter now runs itself instead of handing the frame to CPython:
# every form of `raise` (instance, class, class whose call fails or returns a non-exception,
# non-exceptions, `from` causes of each kind, bare re-raise with and without an active
# exception), `f(**kw)` merges (duplicates, non-mappings, mapping subclasses), dict and set
# displays with unpacking, `assert`, and `match` on sequences and mappings. Ends with a
# chained traceback from `raise ... from ...`.
class NotExc:
    def __init__(self):
        pass


class BadCall(Exception):
    def __new__(cls, *a):
        return 42


class Boom(Exception):
    def __init__(self):
        raise KeyError("boom during construction")


def kw(**k):
    return sorted(k.items())


class Mapping:
    def keys(self):
        return ["m"]

    def __getitem__(self, k):
        return k * 2


def raises(i):
    kind = i % 12
    if kind == 0:
        raise ValueError(i)
    if kind == 1:
        raise StopIteration
    if kind == 2:
        raise NotExc
    if kind == 3:
        raise 5
    if kind == 4:
        raise BadCall
    if kind == 5:
        raise Boom
    if kind == 6:
        raise ValueError("x") from KeyError("cause")
    if kind == 7:
        raise ValueError("x") from KeyError
    if kind == 8:
        raise ValueError("x") from None
    if kind == 9:
        raise ValueError("x") from 3
    if kind == 10:
        try:
            raise IndexError(i)
        except IndexError:
            raise
    raise


def loop(n):
    out = []
    for i in range(n):
        try:
            raises(i)
        except BaseException as e:
            out.append((type(e).__name__, str(e), type(e.__cause__).__name__,
                        e.__suppress_context__, type(e.__context__).__name__))
        try:
            out.append(kw(a=1, **{"b": i}, **Mapping()))
            out.append(kw(**{"a": 1}, **{"a": 2}))
        except TypeError as e:
            out.append(str(e))
        try:
            kw(**[1, 2])
        except TypeError as e:
            out.append(str(e))
        d = {"x": 1, **{"y": i}, **{"x": 3}}
        st = {1, *range(i % 3), *"ab"}
        out.append((sorted(d.items()), sorted(map(str, st))))
        try:
            {**5}
        except TypeError as e:
            out.append(str(e))
        try:
            assert i % 5, f"assert {i}"
        except AssertionError as e:
            out.append(str(e))
        match [i, i + 1] if i % 2 else {"k": i}:
            case [a, b]:
                out.append(("seq", a, b))
            case {"k": v}:
                out.append(("map", v))
    return out


res = loop(120)
for r in res[:60]:
    print(r)
print(len(res))
try:
    raise RuntimeError("outer")
except RuntimeError as outer:
    raise ValueError("final") from outer
