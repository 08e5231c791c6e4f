# krait: expect interp_frames >= 1
# Re-raising inside hot loops must keep the original traceback lines: a
# bare `raise` in an except block, the implicit re-raise at the end of a
# finally block and of a with block whose __exit__ returns False, `raise e`
# (adds the re-raise line), re-raise from a nested function, and exceptions
# escaping generator frames.  The printed tracebacks include every line
# number and caret.
import sys
import traceback


def fail(i):
    if i % 3 == 2:
        raise ValueError(f"fail {i}")
    return i


class Exit:
    def __enter__(self):
        return self

    def __exit__(self, *a):
        return False


def bare_raise(n):
    for i in range(n):
        try:
            fail(i)
        except ValueError:
            if i == n - 1:
                raise


def finally_reraise(n):
    for i in range(n):
        try:
            fail(i)
        finally:
            pass


def with_reraise(n):
    for i in range(n):
        with Exit():
            fail(i)


def raise_e(n):
    for i in range(n):
        try:
            fail(i)
        except ValueError as e:
            if i >= 2:
                raise e


def helper_reraise():
    raise


def nested_reraise(n):
    for i in range(n):
        try:
            fail(i)
        except ValueError:
            helper_reraise()


def gen(n):
    for i in range(n):
        yield fail(i)


def gen_escape(n):
    total = 0
    for v in gen(n):
        total += v
    return total


def loop_in_handler(n):
    for i in range(n):
        try:
            fail(i)
        except ValueError:
            for k in range(3):
                pass
            raise


for fn, n in ((bare_raise, 3), (finally_reraise, 10), (with_reraise, 10), (raise_e, 10),
              (nested_reraise, 10), (gen_escape, 10), (loop_in_handler, 10)):
    for attempt in range(2):
        try:
            fn(n)
        except ValueError:
            text = traceback.format_exc()
    print(text, end="")
    print("-" * 20)


def tb_lines_loop(n):
    lines = []
    for i in range(n):
        try:
            try:
                fail(i)
            finally:
                lines.append("f")
        except ValueError as e:
            tb = e.__traceback__
            entries = []
            while tb:
                entries.append(tb.tb_lineno)
                tb = tb.tb_next
            lines.append(tuple(entries))
    return lines[:6], len(lines)


print(tb_lines_loop(300))
sys.stdout.flush()
with_reraise(5)
