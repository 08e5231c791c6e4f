# krait: expect interp_inlined_calls >= 100000
# krait: chaos-divergence frames handed to CPython at random recurse in C; deep recursion meets the C-stack guard
# Warm code runs in Krait's interpreter, whose Python-to-Python calls do not recurse in C:
# 100,000 levels of recursion of functions without loops work with a raised limit (stock
# CPython 3.11 inlines these calls too), through plain functions, methods and mutual
# recursion, and RecursionError still comes at the limit with CPython's message and depth.
import sys


def down(n):
    if n == 0:
        return 0
    return down(n - 1) + 1


class Walker:
    def walk(self, n):
        return n if n == 0 else self.walk(n - 1)


def even(n):
    return True if n == 0 else odd(n - 1)


def odd(n):
    return False if n == 0 else even(n - 1)


def depth(n=0):
    try:
        return depth(n + 1)
    except RecursionError as e:
        return n, str(e)


for _ in range(10):  # warm the code up (calls before it is warm run in CPython's loop)
    down(5), Walker().walk(5), even(6)
print(depth())
sys.setrecursionlimit(110_000)
print(down(100_000))
print(Walker().walk(100_000))
print(even(100_001))
print(depth()[1])
