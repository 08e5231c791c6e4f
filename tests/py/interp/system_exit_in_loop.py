# krait: expect interp_frames >= 1
# SystemExit raised deep inside nested loops and calls, passing through
# finally blocks and with statements (which run), an except Exception that
# must not catch it, and atexit handlers: stdout order and the exit code
# (from the SystemExit argument) must match.
import atexit
import sys


@atexit.register
def bye():
    print("atexit handler ran", flush=True)


class CM:
    def __init__(self, name):
        self.name = name

    def __exit__(self, t, v, tb):
        print(f"exit {self.name}: {t.__name__ if t else None} {v!r}")
        return False

    def __enter__(self):
        return self


def worker(n):
    total = 0
    for i in range(n):
        total += i
        if i == n - 1:
            sys.exit(total % 7 + 3)
    return total


def middle(n):
    for k in range(3):
        try:
            with CM(f"m{k}"):
                worker(n)
        except Exception as e:            # SystemExit is not an Exception
            print("wrongly caught", e)
        finally:
            print("finally in middle", k)


def outer():
    for j in range(2):
        try:
            middle(1000)
        finally:
            print("finally in outer", j)


try:
    outer()
except SystemExit as e:
    print("caught at top:", e.code, type(e.code).__name__)
    raise
