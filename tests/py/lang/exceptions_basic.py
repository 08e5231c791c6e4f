# krait: expect hook_frames >= 1
# try/except/else/finally control flow, chaining (explicit and implicit),
# custom exception hierarchies, finally overriding return, and exceptions
# raised and caught inside hot loops.


class AppError(Exception):
    def __init__(self, code, msg):
        super().__init__(code, msg)
        self.code = code
        self.msg = msg

    def __str__(self):
        return f"[{self.code}] {self.msg}"


class NotFound(AppError, LookupError):
    pass


def flow(x):
    log = []
    try:
        log.append("try")
        if x == 0:
            raise ZeroDivisionError("zero")
        if x == 1:
            raise NotFound(404, "missing")
        if x == 2:
            return log + ["return-in-try"]
    except ZeroDivisionError as e:
        log.append(f"except ZDE {e}")
    except LookupError as e:
        log.append(f"except Lookup {type(e).__name__} {e} code={e.code} args={e.args}")
    else:
        log.append("else")
    finally:
        log.append("finally")
    return log


for x in range(4):
    print(x, flow(x))


def finally_wins():
    try:
        return "try"
    finally:
        return "finally"  # noqa: B012 - deliberately overrides the return


def finally_swallows():
    for _ in range(1):
        try:
            raise ValueError("lost")
        finally:
            break
    return "swallowed"


print(finally_wins(), finally_swallows())


def chained():
    try:
        {}["k"]
    except KeyError as e:
        raise ValueError("bad key") from e


def implicit():
    try:
        1 / 0
    except ZeroDivisionError:
        raise TypeError("during handling")


def suppressed():
    try:
        int("x")
    except ValueError:
        raise RuntimeError("clean") from None


for fn in (chained, implicit, suppressed):
    try:
        fn()
    except Exception as e:
        print(fn.__name__, repr(e), "cause:", repr(e.__cause__), "context:",
              repr(e.__context__), "suppress:", e.__suppress_context__)

# Hot loop: exceptions raised and caught every few iterations.
caught = {"ZeroDivisionError": 0, "KeyError": 0, "IndexError": 0, "ok": 0}
table = {i: i for i in range(0, 100, 3)}
lst = list(range(50))
total = 0
for i in range(6000):
    try:
        if i % 5 == 0:
            total += 1 // (i % 2)
        elif i % 5 == 1:
            total += table[i % 100]
        else:
            total += lst[i % 60]
        caught["ok"] += 1
    except ZeroDivisionError:
        caught["ZeroDivisionError"] += 1
    except (KeyError, IndexError) as e:
        caught[type(e).__name__] += 1
print("caught", caught, "total", total)


def retry(n):
    attempts = 0
    while True:
        attempts += 1
        try:
            if attempts < n:
                raise ConnectionError(f"attempt {attempts}")
            return attempts
        except ConnectionError:
            continue
        finally:
            pass


print("retry", retry(7))

# Exception attributes and messages from the builtins.
samples = [
    lambda: [][1],
    lambda: {}["missing"],
    lambda: int("12x"),
    lambda: "a" + 1,
    lambda: None.attr,
    lambda: 1 / 0,
    lambda: 10 % 0,
    lambda: float("nope"),
    lambda: [1, 2].index(5),
    lambda: (1,)[5],
    lambda: "abc".foo(),
    lambda: len(5),
    lambda: iter(3),
    lambda: next(iter([])),
    lambda: abs("s"),
    lambda: {}.pop("x"),
    lambda: set().pop(),
    lambda: int("9" * 5000),
    lambda: chr(-1),
    lambda: b"x"[3],
    lambda: divmod(1, 0),
    lambda: 2 ** -1 % 0,
    lambda: object().__setattr__("a", 1),
]
for s in samples:
    try:
        s()
    except Exception as e:
        print(type(e).__name__, "|", e)

e = ValueError("a", 2)
print(e.args, str(e), repr(e), str(ValueError()), repr(KeyError("k")), str(KeyError("k")))
e.add_note("a note")
e.add_note("second")
print(e.__notes__)

try:
    try:
        raise OSError(2, "No such file", "x.txt")
    except OSError as err:
        print("OSError", err.errno, err.strerror, err.filename, type(err).__name__, err)
        first = err
        raise
except FileNotFoundError as err2:
    print("re-raised is the same object:", err2 is first)


def exc_var_cleared():
    try:
        raise ValueError
    except ValueError as exc:
        pass
    try:
        exc  # noqa: F821 - deleted at the end of the except block
    except UnboundLocalError:
        return "exc was unbound after except"


print(exc_var_cleared())

import sys
try:
    raise KeyError("info")
except KeyError:
    t, v, tb = sys.exc_info()
    print(t.__name__, v, tb.tb_lineno, sys.exception() is v)
print("after:", sys.exc_info())
