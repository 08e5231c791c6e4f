# krait: expect interp_class_calls >= 1
# krait: chaos-divergence frames handed to CPython at random recurse in C; deep recursion meets the C-stack guard
# Recursion through class calls counts as in CPython (one level for the type call, one for
# the __init__ frame): the depth at which RecursionError is raised, its message, and deep
# construction with a raised limit.
import sys


class Node:
    def __init__(self, depth):
        self.child = Node(depth - 1) if depth else None


def deepest():
    lo, hi = 1, 5000
    while lo < hi:
        mid = (lo + hi + 1) // 2
        try:
            Node(mid)
            lo = mid
        except RecursionError as e:
            msg = str(e)
            hi = mid - 1
    return lo, msg


for _ in range(3):
    print(deepest())
sys.setrecursionlimit(20000)
n = Node(6000)
d = 0
while n is not None:
    n = n.child
    d += 1
print(d)
