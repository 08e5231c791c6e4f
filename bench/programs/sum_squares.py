"""Sum of squares: the simplest possible integer loop,
`for i in range(n): total += i * i`, run for a series of n values.

Every n is small enough (n < 1.6 million) that the total stays below 2**62,
so a JIT can keep everything in machine registers with overflow checks that
never fire; this is the first loop a tracing JIT should compile.

Self-check: each total must equal the closed form n(n-1)(2n-1)/6.
"""

import sys

REPEATS = 16
BASE_N = 1_000_000


def sum_squares(n):
    total = 0
    for i in range(n):
        total += i * i
    return total


def fail(msg):
    sys.exit("sum_squares: self-check FAILED: " + msg)


def main():
    grand = 0
    for k in range(REPEATS):
        n = BASE_N + 1_000 * k
        total = sum_squares(n)
        want = (n - 1) * n * (2 * n - 1) // 6
        if total != want:
            fail("n=%d: got %d, expected %d" % (n, total, want))
        grand += total
    print("sum_squares: repeats=%d grand_total=%d" % (REPEATS, grand))


if __name__ == "__main__":
    main()
