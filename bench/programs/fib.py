"""Recursive Fibonacci: the naive doubly recursive fib(n), which makes
2 * fib(n + 1) - 1 calls, about 18 million for n = 34. The hot path is
function call and return overhead plus small-int add/compare: the baseline
test of a JIT's call handling (inlining, frame elision).

Self-check: the result must equal the value from a simple iterative loop, and
the call count (tracked by a second recursive variant that threads a counter
through) must equal 2 * fib(n + 1) - 1.
"""

import sys

N = 34
COUNTED_N = 22


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def fib_counted(n, calls):
    calls[0] += 1
    if n < 2:
        return n
    return fib_counted(n - 1, calls) + fib_counted(n - 2, calls)


def fib_iterative(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a


def fail(msg):
    sys.exit("fib: self-check FAILED: " + msg)


def main():
    result = fib(N)
    if result != fib_iterative(N):
        fail("fib(%d) = %d, expected %d" % (N, result, fib_iterative(N)))
    calls = [0]
    small = fib_counted(COUNTED_N, calls)
    if small != fib_iterative(COUNTED_N):
        fail("fib_counted(%d) = %d" % (COUNTED_N, small))
    if calls[0] != 2 * fib_iterative(COUNTED_N + 1) - 1:
        fail("%d calls for fib(%d), expected %d"
             % (calls[0], COUNTED_N, 2 * fib_iterative(COUNTED_N + 1) - 1))
    print("fib: fib(%d)=%d" % (N, result))


if __name__ == "__main__":
    main()
