# krait: expect interp_frames >= 1
# krait: hooked-cpython-divergence Python calls made by CPython's loop recurse in C through the hook; the C-stack guard raises RecursionError first
# Deep recursion with a raised recursion limit.  CPython 3.11 runs
# Python-to-Python calls without growing the C stack, so 30000 nested
# calls of a loop-containing function just work; a drop-in replacement must
# do the same (no crash), and still raise RecursionError at the limit.
import sys

sys.setrecursionlimit(40000)


def down(n):
    r = 0
    for _ in range(1):
        if n:
            r = down(n - 1) + 1
    return r


print(down(30000))


def down_plain(n):
    if n == 0:
        return 0
    return down_plain(n - 1) + 1


print(down_plain(30000))

deepest = 0


def until_error(n):
    global deepest
    deepest = n
    for _ in range(1):
        until_error(n + 1)


try:
    until_error(0)
except RecursionError as e:
    print("RecursionError at", deepest, e)
