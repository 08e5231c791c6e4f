"""Collatz: for every start value below a limit, count the steps of the
3n + 1 map until reaching 1, and track the longest chain.

The hot path is an integer while-loop with a data-dependent branch
(n % 2), floor division and multiply-add: an inner loop whose trip count
varies wildly between iterations of the outer loop, so a tracing JIT must
handle the side exit and the bridge back into the outer loop well.

Self-check: below 100,000 the longest chain famously starts at 77,031 and
takes 350 steps (OEIS A006877 / A006878); the total step count must equal
the one computed by an independent memoised algorithm.
"""

import sys

LIMIT = 100_000


def chain_steps(limit):
    total = 0
    best_start = best_steps = 0
    for start in range(1, limit):
        n = start
        steps = 0
        while n != 1:
            if n % 2 == 0:
                n = n // 2
            else:
                n = 3 * n + 1
            steps += 1
        total += steps
        if steps > best_steps:
            best_steps = steps
            best_start = start
    return total, best_start, best_steps


def memoised_total(limit):
    """Steps via a table: walk until we reach a known value, then backfill."""
    known = [0] * limit
    total = 0
    for start in range(2, limit):
        path = []
        n = start
        while n >= limit or (n != 1 and known[n] == 0):
            path.append(n)
            n = n >> 1 if n & 1 == 0 else 3 * n + 1
        steps = known[n] if n < limit else 0
        for m in reversed(path):
            steps += 1
            if m < limit:
                known[m] = steps
        total += known[start]
    return total


def fail(msg):
    sys.exit("collatz: self-check FAILED: " + msg)


def main():
    total, best_start, best_steps = chain_steps(LIMIT)
    if LIMIT == 100_000 and (best_start, best_steps) != (77_031, 350):
        fail("longest chain %d (%d steps), expected 77031 (350 steps)"
             % (best_start, best_steps))
    want = memoised_total(LIMIT)
    if total != want:
        fail("total steps %d, memoised algorithm says %d" % (total, want))
    print("collatz: limit=%d total_steps=%d longest=%d (%d steps)"
          % (LIMIT, total, best_start, best_steps))


if __name__ == "__main__":
    main()
