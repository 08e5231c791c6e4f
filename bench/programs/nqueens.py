"""N-queens: count every placement of N non-attacking queens on an N x N
board by depth-first backtracking, one row at a time.

Occupied columns and diagonals are tracked in lists of booleans (not bit
masks) so the hot path is recursion, list indexing and stores; a second,
generator-based solver enumerates full solutions for a smaller board to
exercise tuple building and generator resumption.

Self-check: the number of solutions must match OEIS A000170 (1, 0, 0, 2, 10,
4, 40, 92, 352, 724, 2680, 14200, ...), and every solution yielded by the
generator solver must be verified as non-attacking by brute force.
"""

import sys

N = 12
GEN_N = 9

SOLUTIONS = {1: 1, 2: 0, 3: 0, 4: 2, 5: 10, 6: 4, 7: 40, 8: 92, 9: 352,
             10: 724, 11: 2680, 12: 14200}


def count_solutions(n):
    cols = [False] * n
    # Diagonals are indexed by row + col and by row - col + n - 1.
    diag1 = [False] * (2 * n - 1)
    diag2 = [False] * (2 * n - 1)

    def place(row):
        if row == n:
            return 1
        found = 0
        for col in range(n):
            d1 = row + col
            d2 = row - col + n - 1
            if cols[col] or diag1[d1] or diag2[d2]:
                continue
            cols[col] = diag1[d1] = diag2[d2] = True
            found += place(row + 1)
            cols[col] = diag1[d1] = diag2[d2] = False
        return found

    return place(0)


def solutions(n, placed=()):
    """Yield each solution as a tuple of column indices, one per row."""
    row = len(placed)
    if row == n:
        yield placed
        return
    for col in range(n):
        for r, c in enumerate(placed):
            if c == col or row - r == abs(col - c):
                break
        else:
            yield from solutions(n, placed + (col,))


def is_valid(sol):
    for r1 in range(len(sol)):
        for r2 in range(r1 + 1, len(sol)):
            if sol[r1] == sol[r2] or abs(sol[r1] - sol[r2]) == r2 - r1:
                return False
    return True


def fail(msg):
    sys.exit("nqueens: self-check FAILED: " + msg)


def main():
    count = count_solutions(N)
    if count != SOLUTIONS[N]:
        fail("%d solutions for N=%d, expected %d" % (count, N, SOLUTIONS[N]))
    sols = list(solutions(GEN_N))
    if len(sols) != SOLUTIONS[GEN_N] or len(set(sols)) != len(sols):
        fail("generator found %d solutions for N=%d" % (len(sols), GEN_N))
    for sol in sols:
        if not is_valid(sol):
            fail("invalid solution %r" % (sol,))
    print("nqueens: N=%d solutions=%d (generator N=%d: %d)"
          % (N, count, GEN_N, len(sols)))


if __name__ == "__main__":
    main()
