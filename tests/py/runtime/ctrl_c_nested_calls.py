# krait: signal SIGINT after-ready
# Ctrl-C while a hot loop runs two calls deep: the traceback must show all
# three frames (module -> run -> spin) with the right lines.  The loop body
# makes no calls, so the interrupt can only surface at its backward jump.
import sys


def spin(limit):
    i = 0
    acc = 0
    while i < limit:
        acc = (acc + i * 7) & 0xFFFF
        i += 1
        if i == limit:
            i = 0
    return acc


def run():
    print("READY")
    sys.stdout.flush()
    return spin(10 ** 6)


print("result", run())
