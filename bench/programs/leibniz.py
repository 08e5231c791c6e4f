"""Leibniz series for pi: pi = 4 * (1 - 1/3 + 1/5 - 1/7 + ...), summed term by
term in a float loop with an alternating sign.

The hot path is a counted loop mixing int (loop counter, 2k+1) and float
(division, accumulation, sign flip) arithmetic: it checks that a JIT keeps
the int->float conversion and the float accumulator unboxed.

Self-check: after n terms the error of the Leibniz partial sum is very
close to 1/n (the series is alternating with a well-known error term), so
|pi - estimate| * n must lie within 1 +- 1e-3.
"""

import math
import sys

TERMS = 10_000_000


def leibniz(n):
    total = 0.0
    sign = 1.0
    for k in range(n):
        total += sign / (2 * k + 1)
        sign = -sign
    return 4.0 * total


def fail(msg):
    sys.exit("leibniz: self-check FAILED: " + msg)


def main():
    estimate = leibniz(TERMS)
    scaled_error = abs(math.pi - estimate) * TERMS
    if abs(scaled_error - 1.0) > 1e-3:
        fail("error * n = %.6f, expected about 1" % scaled_error)
    print("leibniz: terms=%d pi~%.12f" % (TERMS, estimate))


if __name__ == "__main__":
    main()
