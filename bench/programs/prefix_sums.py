"""Prefix sums: running totals over a list, in three common styles: in-place
over an index range (out[i] = out[i - 1] + a[i]), building a new list with
append, and a float variant that computes running means.

The hot path is list load / store with loop-carried dependencies (each step
reads what the previous one wrote) and list growth via append.

Self-check: the int prefix sums must equal itertools.accumulate element for
element, the last one must equal the closed-form sum of the input, and the
running means are checked against the int prefix sums (all values are
exactly representable, so division is the only rounding step).
"""

import itertools
import sys

LENGTH = 200_000
ROUNDS = 14


def prefix_in_place(values):
    out = values[:]
    for i in range(1, len(out)):
        out[i] = out[i - 1] + out[i]
    return out


def prefix_append(values):
    out = []
    total = 0
    for v in values:
        total += v
        out.append(total)
    return out


def running_means(values):
    means = [0.0] * len(values)
    total = 0.0
    for i in range(len(values)):
        total += values[i]
        means[i] = total / (i + 1)
    return means


def fail(msg):
    sys.exit("prefix_sums: self-check FAILED: " + msg)


def main():
    # Values in 0..999 via a fixed permutation-like pattern; sum is known.
    values = [(i * 7) % 1000 for i in range(LENGTH)]
    full, rem = divmod(LENGTH, 1000)
    # Multiplying by 7 permutes residues mod 1000, so each block of 1000
    # values sums to 0 + 1 + ... + 999.
    block_sum = 999 * 1000 // 2
    want_last = full * block_sum + sum((i * 7) % 1000 for i in range(rem))
    reference = list(itertools.accumulate(values))

    for _ in range(ROUNDS):
        a = prefix_in_place(values)
        b = prefix_append(values)
        if a != reference or b != reference:
            fail("prefix sums differ from itertools.accumulate")
        if a[-1] != want_last:
            fail("last prefix %d, expected %d" % (a[-1], want_last))
        means = running_means(values)
        for i in range(0, LENGTH, 997):
            if means[i] != reference[i] / (i + 1):
                fail("running mean at %d is %r" % (i, means[i]))
    print("prefix_sums: length=%d rounds=%d last=%d mean=%.6f"
          % (LENGTH, ROUNDS, want_last, means[-1]))


if __name__ == "__main__":
    main()
