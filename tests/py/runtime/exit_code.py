# krait: env PYTHONUNBUFFERED=
# sys.exit(int) from deep inside nested calls and a hot loop: finally blocks
# and atexit handlers still run, buffered stdout is flushed, exit code 42.
import atexit
import sys


@atexit.register
def goodbye():
    print("atexit ran")


def inner(limit):
    total = 0
    for i in range(100000):
        total += i
        if i == limit:
            try:
                sys.exit(42)
            finally:
                print("inner finally, total", total)
    return total


def outer():
    try:
        inner(4321)
    except SystemExit as e:
        print("saw SystemExit code", e.code, "- re-raising")
        raise
    finally:
        print("outer finally")


# Not flushed explicitly: the interpreter must flush stdout on exit.
print("start")
outer()
print("never printed")
