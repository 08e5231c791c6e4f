"""Fannkuch ("pancake flipping"): for every permutation of 0..N-1, repeatedly
reverse the first p[0] + 1 elements until 0 comes to the front, and record
the number of flips. Reports the maximum and the total over all N!
permutations.

Permutations are generated in place with Heap's algorithm (iterative form);
the hot path is list copying, slice reversal and small-int comparisons.

Self-check: the maximum number of flips must match OEIS A000375 (0, 1, 2,
4, 7, 10, 16, 22, 30, 38, ...); the generator must visit exactly N!
permutations; for N = 7 the results must equal those of a separate,
deliberately different implementation (itertools.permutations plus tuple
slicing); the N = 9 total must be 1911505 (computed offline with that
reference implementation); and counting on the inverse of every permutation
must give the same results (inversion permutes the set of permutations).
"""

import itertools
import sys

N = 9

MAX_FLIPS = {1: 0, 2: 1, 3: 2, 4: 4, 5: 7, 6: 10, 7: 16, 8: 22, 9: 30,
             10: 38, 11: 51, 12: 65}


def count_flips(perm):
    p = perm[:]
    flips = 0
    first = p[0]
    while first:
        p[:first + 1] = p[first::-1]
        flips += 1
        first = p[0]
    return flips


def fannkuch(n, inverse=False):
    """Return (max_flips, total_flips, permutations_visited).

    With inverse=True the flips are counted on the inverse of each generated
    permutation instead. Inversion is a bijection on the set of all
    permutations, so both variants must give the same maximum and total: a
    free cross-check that also doubles the work per permutation.
    """
    perm = list(range(n))
    # c is Heap's algorithm's per-level counter stack.
    c = [0] * n
    inv = [0] * n
    max_flips = total = visited = 0
    while True:
        visited += 1
        p = perm
        if inverse:
            for k in range(n):
                inv[perm[k]] = k
            p = inv
        if p[0]:
            f = count_flips(p)
            total += f
            if f > max_flips:
                max_flips = f
        # Step to the next permutation (iterative Heap's algorithm): find the
        # lowest level whose counter is not exhausted, resetting those below.
        i = 1
        while i < n and c[i] >= i:
            c[i] = 0
            i += 1
        if i >= n:
            return max_flips, total, visited
        j = c[i] if i & 1 else 0
        perm[j], perm[i] = perm[i], perm[j]
        c[i] += 1


def reference(n):
    max_flips = total = count = 0
    for p in itertools.permutations(range(n)):
        count += 1
        flips = 0
        while p[0]:
            k = p[0] + 1
            p = p[k - 1::-1] + p[k:]
            flips += 1
        total += flips
        max_flips = max(max_flips, flips)
    return max_flips, total, count


def fail(msg):
    sys.exit("fannkuch: self-check FAILED: " + msg)


def main():
    if fannkuch(7) != reference(7):
        fail("N=7: %r != reference %r" % (fannkuch(7), reference(7)))
    factorial = 1
    for k in range(2, N + 1):
        factorial *= k
    result = fannkuch(N)
    max_flips, total, visited = result
    if visited != factorial:
        fail("visited %d permutations, expected %d" % (visited, factorial))
    if max_flips != MAX_FLIPS[N]:
        fail("max flips %d, expected %d" % (max_flips, MAX_FLIPS[N]))
    if N == 9 and total != 1911505:
        fail("total flips %d, expected 1911505" % total)
    inverse = fannkuch(N, inverse=True)
    if inverse != result:
        fail("inverse permutations give %r, direct ones %r" % (inverse, result))
    print("fannkuch: N=%d max_flips=%d total_flips=%d" % (N, max_flips, total))


if __name__ == "__main__":
    main()
