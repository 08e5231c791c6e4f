# krait: expect interp_frames >= 1
# krait: hooked-cpython-divergence Python calls made by CPython's loop recurse in C through the hook, which a small thread stack cannot hold
# krait: timeout 15
# Threads created with a small threading.stack_size(): CPython 3.11 runs
# Python-to-Python calls without C recursion, so a 256 KiB thread can run
# ordinary code and a 512 KiB thread can recurse (loop-free functions,
# which Krait leaves to CPython's loop) to 900 levels under the default
# recursion limit.  Results must match, and nothing may hang.
import sys
import threading

results = {}


def work(n):
    s = 0
    for i in range(n):
        s += i
    results["work"] = s


def plain_rec(n):
    if n == 0:
        return 0
    return plain_rec(n - 1) + 1


def loop_rec(n):
    r = 0
    for _ in range(1):
        if n:
            r = loop_rec(n - 1) + 1
    return r


def deep():
    try:
        results["plain"] = plain_rec(900)
    except RecursionError as e:
        results["plain"] = f"RecursionError: {e}"
    try:
        results["loop"] = loop_rec(900)
    except RecursionError as e:
        results["loop"] = f"RecursionError: {e}"


def run(size, target, *args):
    threading.stack_size(size)
    try:
        t = threading.Thread(target=target, args=args)
        t.start()
        t.join()
    finally:
        threading.stack_size(0)


run(512 * 1024, deep)
print("512 KiB:", sorted(results.items()), flush=True)
print(sys.getrecursionlimit(), flush=True)
run(256 * 1024, work, 10000)        # Thread.start() waits for the thread to come up
print("256 KiB:", results.pop("work", "missing"))
