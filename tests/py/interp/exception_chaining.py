# krait: expect interp_frames >= 1
# Exception chaining raised from hot loops: implicit __context__, explicit
# `raise ... from` (__cause__), `from None` (__suppress_context__), chains
# several links long, a context cycle being broken, and the full chained
# traceback printed by the uncaught error at the end.
import traceback
import sys


def chain(n):
    out = []
    for i in range(n):
        try:
            try:
                try:
                    raise KeyError(i)
                except KeyError as k:
                    raise ValueError("v") from k
            except ValueError:
                raise TypeError("t")
        except TypeError as t:
            out.append((type(t.__context__).__name__, type(t.__context__.__cause__).__name__,
                        t.__suppress_context__, t.__context__.__suppress_context__))
    return out[0], len(out)


print(chain(2000))


def from_none(n):
    res = None
    for i in range(n):
        try:
            try:
                {}["x"]
            except KeyError:
                raise LookupError("clean") from None
        except LookupError as e:
            res = (e.__cause__, type(e.__context__).__name__, e.__suppress_context__)
    return res


print(from_none(1000))


def reraise_keeps_context(n):
    last = None
    for i in range(n):
        try:
            try:
                raise OSError(i)
            except OSError as e:
                try:
                    raise
                finally:
                    last = e
        except OSError as e2:
            assert e2 is last
    return last.args, last.__context__


print(reraise_keeps_context(500))


def context_cycle():
    try:
        try:
            raise ValueError("a")
        except ValueError as a:
            try:
                raise KeyError("b")
            except KeyError as b:
                a.__context__ = b          # cycle a -> b
                raise a
    except ValueError as e:
        return type(e.__context__).__name__, e.__context__.__context__


print(context_cycle())


def formatted():
    for i in range(5):
        try:
            try:
                1 / 0
            except ZeroDivisionError as z:
                raise RuntimeError(f"wrap {i}") from z
        except RuntimeError:
            if i == 4:
                traceback.print_exc(file=sys.stdout)


formatted()


def implicit(n):
    for i in range(n):
        try:
            [].pop()
        except IndexError:
            if i == n - 1:
                {}["final"]


implicit(300)
