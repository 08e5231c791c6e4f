# krait: expect interp_frames >= 1
# try/except/else/finally inside hot loops: break/continue/return inside
# try and finally (finally overriding return, swallowing exceptions),
# nested handlers, bare raise re-raising, exception type tuples, handler
# variables being deleted after the block, sys.exc_info inside and after.
import sys


def flow(n):
    log = []
    for i in range(n):
        try:
            if i % 5 == 0:
                continue
            if i % 7 == 0:
                raise ValueError(i)
            if i == n - 3:
                break
        except ValueError as e:
            log.append(("exc", e.args[0]))
        else:
            log.append(("else", i)) if i % 50 == 1 else None
        finally:
            if i % 100 == 0:
                log.append(("fin", i))
    return log[:12], len(log)


print(flow(2000))


def finally_overrides(n):
    def inner(i):
        for _ in range(1):
            try:
                if i % 2:
                    raise KeyError(i)
                return "try"
            finally:
                if i % 3 == 0:
                    return "finally"   # noqa: B012  (swallows KeyError too)
    out = []
    for i in range(n):
        try:
            out.append(inner(i))
        except KeyError:
            out.append("raised")
    return [out.count(x) for x in ("try", "finally", "raised")]


print(finally_overrides(3000))


def break_continue_in_finally(n):
    out = []
    for i in range(n):
        try:
            try:
                raise IndexError(i)
            finally:
                if i % 2:
                    continue           # noqa: B012  discards the IndexError
                if i % 5 == 0 and i > 50:
                    break              # noqa: B012
        except IndexError:
            out.append(i)
    return out, i


print(break_continue_in_finally(100))


def nested(n):
    counts = {"inner": 0, "outer": 0, "reraised": 0}
    for i in range(n):
        try:
            try:
                if i % 3 == 0:
                    raise TypeError
                elif i % 3 == 1:
                    raise OSError(i)
                {}[i]
            except (TypeError, KeyError) as e:
                counts["inner"] += 1
                if isinstance(e, KeyError):
                    raise
        except KeyError:
            counts["reraised"] += 1
        except OSError as e:
            counts["outer"] += 1
            assert sys.exc_info()[1] is e
        assert sys.exc_info() == (None, None, None)
    return counts


print(nested(3000))


def handler_var_deleted(n):
    e = "before"
    for i in range(n):
        try:
            raise ValueError
        except ValueError as e:  # noqa: F841
            pass
    try:
        return e
    except UnboundLocalError as err:
        return str(err)


print(handler_var_deleted(10))


def exception_in_handler(n):
    out = []
    for i in range(n):
        try:
            try:
                1 / 0
            except ZeroDivisionError:
                [][i]
        except IndexError as e:
            out.append((type(e.__context__).__name__, str(e)))
    return out[-1], len(out)


print(exception_in_handler(500))


def return_in_loop_with_finally(n):
    log = []

    def f(k):
        for i in range(k):
            try:
                if i == k - 1:
                    return i
            finally:
                log.append(i) if i % 200 == 0 else None
        return None
    return f(n), log


print(return_in_loop_with_finally(1000))


class Custom(Exception):
    def __init__(self, code):
        super().__init__(f"code {code}")
        self.code = code

    def __str__(self):
        return f"Custom<{self.code}>"


def custom_errors(n):
    total = 0
    for i in range(n):
        try:
            if i % 4 == 0:
                raise Custom(i)
        except Custom as c:
            total += c.code
    return total, str(Custom(5)), repr(Custom(6))


print(custom_errors(4000))


def raise_non_exception():
    out = []
    for bad in (1, "str", object, None):
        try:
            raise bad
        except TypeError as e:
            out.append(str(e))
    try:
        raise
    except RuntimeError as e:
        out.append(str(e))
    return out


print(raise_non_exception())


def uncaught_in_finally(n):
    for i in range(n):
        try:
            if i == n - 1:
                raise ValueError("body")
        finally:
            if i == n - 1:
                raise KeyError("finally")


uncaught_in_finally(50)
