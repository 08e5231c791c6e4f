# krait: env PYTHONUNBUFFERED=
# (An empty PYTHONUNBUFFERED means buffered stdout even if the caller's
# environment sets it, which the point of this test depends on.)
# os._exit skips atexit, finally blocks and buffer flushing: anything
# printed without flush is lost, on both interpreters alike.  Exit code 7.
import atexit
import os
import sys

atexit.register(print, "atexit must not run")
print("flushed line", flush=True)
sys.stderr.write("stderr line\n")
sys.stderr.flush()
total = 0
for i in range(3000):
    total += i * i
print("total", total, flush=True)
try:
    print("this unflushed line is lost")
    os._exit(7)
finally:
    print("finally must not run")
