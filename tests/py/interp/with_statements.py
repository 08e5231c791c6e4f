# krait: expect interp_frames >= 1
# `with` in hot loops: context managers that suppress or propagate,
# __enter__ results, nested and multi-item with, exceptions in __enter__
# and __exit__, contextlib helpers, and with + break/continue/return.
import contextlib


class CM:
    def __init__(self, name, log, suppress=False):
        self.name, self.log, self.suppress = name, log, suppress

    def __enter__(self):
        self.log.append("enter " + self.name)
        return self.name.upper()

    def __exit__(self, t, v, tb):
        self.log.append(f"exit {self.name} {t.__name__ if t else None}")
        return self.suppress


def hot(n):
    log = []
    total = 0
    for i in range(n):
        with CM("a", log) as a, CM("b", log, suppress=True) as b:
            total += len(a + b)
            if i % 3 == 0:
                raise ValueError(i)       # suppressed by b
            if i % 3 == 1:
                continue
        total += 1
    return total, log[:10], len(log)


print(hot(3000))


def propagate(n):
    log = []
    caught = 0
    for i in range(n):
        try:
            with CM("outer", log, suppress=False):
                with CM("inner", log, suppress=i % 2 == 0):
                    raise KeyError(i)
        except KeyError:
            caught += 1
    return caught, log[:8]


print(propagate(1000))


def flow_control(n):
    log = []

    def f(k):
        for i in range(k):
            with CM(f"r{i}", log):
                if i == 2:
                    return "returned"
                if i == 0:
                    continue
        return "end"
    r = f(n)
    for i in range(n):
        with CM(f"b{i}", log):
            if i == 1:
                break
    return r, log


print(flow_control(5))


class BadEnter:
    def __enter__(self):
        raise RuntimeError("enter failed")

    def __exit__(self, *a):
        print("never called")


class BadExit:
    def __enter__(self):
        return self

    def __exit__(self, *a):
        raise OSError("exit failed")


def enter_exit_errors(n):
    out = []
    for i in range(n):
        try:
            with BadEnter():
                pass
        except RuntimeError as e:
            out.append(str(e))
        try:
            with BadExit():
                raise ValueError("body")
        except OSError as e:
            out.append((str(e), type(e.__context__).__name__))
    return out[:2], len(out)


print(enter_exit_errors(500))


def not_a_cm():
    for i in range(3):
        try:
            with 42:
                pass
        except TypeError as e:
            msg = str(e)
        try:
            with object() as x:  # noqa: F841
                pass
        except (TypeError, AttributeError) as e:
            msg2 = f"{type(e).__name__}: {e}"
    return msg, msg2


print(not_a_cm())


@contextlib.contextmanager
def managed(log, k):
    log.append(("start", k))
    try:
        yield k * 2
    except ZeroDivisionError:
        log.append(("handled", k))
    finally:
        log.append(("stop", k))


def contextlib_hot(n):
    log = []
    s = 0
    for i in range(n):
        with managed(log, i) as v:
            s += v
            if i % 100 == 0:
                1 / 0
        with contextlib.suppress(KeyError):
            {}[i]
        with contextlib.ExitStack() as stack:
            for j in range(3):
                stack.callback(log.append, ("cb", i, j)) if i == 0 else None
    return s, log[:10], len(log)


print(contextlib_hot(1000))


def uncaught(n):
    log = []
    for i in range(n):
        with CM("u", log):
            if i == n - 1:
                raise LookupError("from with body")


uncaught(200)
