"""Dot product: multiply-accumulate over two equally long lists, written the
way people write it (an index loop, and a zip loop), for a list of ints and a
list of floats.

The hot path is list indexing / iteration with type-stable elements: a JIT
should hoist the bounds and type checks and keep the accumulator unboxed.

Self-check: the int result must equal sum(map(operator.mul, a, b)) computed
by the builtins; the floats are exact multiples of 1/4 small enough that
every partial sum is exact, so the float result must equal the int result
scaled by 1/16, with no rounding slack.
"""

import operator
import sys

LENGTH = 200_000
ROUNDS = 36


def dot_indexed(a, b):
    total = 0
    for i in range(len(a)):
        total += a[i] * b[i]
    return total


def dot_zip(a, b):
    total = 0.0
    for x, y in zip(a, b):
        total += x * y
    return total


def fail(msg):
    sys.exit("dot_product: self-check FAILED: " + msg)


def main():
    ints_a = [(i * 37) % 1001 - 500 for i in range(LENGTH)]
    ints_b = [(i * 91) % 997 - 498 for i in range(LENGTH)]
    floats_a = [x / 4.0 for x in ints_a]
    floats_b = [x / 4.0 for x in ints_b]
    want = sum(map(operator.mul, ints_a, ints_b))

    for _ in range(ROUNDS):
        got_int = dot_indexed(ints_a, ints_b)
        if got_int != want:
            fail("int dot product %d, expected %d" % (got_int, want))
        got_float = dot_zip(floats_a, floats_b)
        if got_float != want / 16.0:
            fail("float dot product %r, expected %r" % (got_float, want / 16.0))
        # Swap roles so consecutive rounds are not identical calls.
        ints_a, ints_b = ints_b, ints_a
        floats_a, floats_b = floats_b, floats_a
    print("dot_product: length=%d rounds=%d dot=%d" % (LENGTH, ROUNDS, want))


if __name__ == "__main__":
    main()
