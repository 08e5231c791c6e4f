"""Histogram: generate a list of pseudo-random ints with a seeded LCG, then
bucket them into list-based histograms (by low bits, by value range, and a
float histogram of a derived value in [0, 1)).

The hot path is `counts[index] += 1` on a list with a computed index: a load,
an add and a store to the same list slot, plus the int arithmetic that
computes the bucket.

Self-check: every histogram must sum to the number of samples, and the
bucket counts must equal those computed with collections.Counter (a
different, dict-based method) on the same data.
"""

import collections
import sys

SAMPLES = 1_000_000
BINS = 64
SEED = 20240601


def generate(n, seed):
    data = []
    state = seed
    for _ in range(n):
        state = (state * 6364136223846793005 + 1442695040888963407) & 0xFFFFFFFFFFFFFFFF
        data.append(state >> 33)
    return data


def histogram_low_bits(data, bins):
    counts = [0] * bins
    mask = bins - 1
    for x in data:
        counts[x & mask] += 1
    return counts


def histogram_range(data, bins, top):
    counts = [0] * bins
    for x in data:
        counts[x * bins // top] += 1
    return counts


def histogram_float(data, bins, top):
    counts = [0] * bins
    for x in data:
        u = x / top
        # Squaring skews the distribution toward the low buckets.
        counts[int(u * u * bins)] += 1
    return counts


def counter_histogram(keys, bins):
    c = collections.Counter(keys)
    return [c.get(k, 0) for k in range(bins)]


def fail(msg):
    sys.exit("histogram: self-check FAILED: " + msg)


def main():
    data = generate(SAMPLES, SEED)
    top = 1 << 31
    low = histogram_low_bits(data, BINS)
    by_range = histogram_range(data, BINS, top)
    by_float = histogram_float(data, BINS, top)
    for name, counts in (("low", low), ("range", by_range), ("float", by_float)):
        if sum(counts) != SAMPLES:
            fail("%s histogram holds %d samples" % (name, sum(counts)))
    if low != counter_histogram([x % BINS for x in data], BINS):
        fail("low-bits histogram disagrees with Counter")
    if by_range != counter_histogram([x // (top // BINS) for x in data], BINS):
        fail("range histogram disagrees with Counter")
    if by_float != counter_histogram(
            [int((x / top) * (x / top) * BINS) for x in data], BINS):
        fail("float histogram disagrees with Counter")
    print("histogram: samples=%d low[0]=%d range[0]=%d float[0]=%d"
          % (SAMPLES, low[0], by_range[0], by_float[0]))


if __name__ == "__main__":
    main()
