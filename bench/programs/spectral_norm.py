"""Spectral norm: estimate the largest singular value of the infinite matrix
A[i][j] = 1 / ((i + j) * (i + j + 1) / 2 + i + 1) by running the power method
on A^T A, restricted to its top-left N x N block.

The hot path is a doubly nested loop of float division and multiply-add over
Python lists, with a small function call per matrix element.

Self-check: for N = 100 the ten-iteration power method is known to give
1.274219991 (the standard reference output), and the norm of the infinite
matrix is 1.274224153..., which the larger benchmark block must approach to
within 2e-6.
"""

import sys

N = 350
ITERATIONS = 10


def a(i, j):
    s = i + j
    return 1.0 / ((s * (s + 1) >> 1) + i + 1)


def mul_av(v, n):
    out = []
    for i in range(n):
        total = 0.0
        for j in range(n):
            total += a(i, j) * v[j]
        out.append(total)
    return out


def mul_atv(v, n):
    out = []
    for i in range(n):
        total = 0.0
        for j in range(n):
            total += a(j, i) * v[j]
        out.append(total)
    return out


def mul_atav(v, n):
    return mul_atv(mul_av(v, n), n)


def spectral_norm(n):
    u = [1.0] * n
    v = u
    for _ in range(ITERATIONS):
        v = mul_atav(u, n)
        u = mul_atav(v, n)
    vbv = vv = 0.0
    for ui, vi in zip(u, v):
        vbv += ui * vi
        vv += vi * vi
    return (vbv / vv) ** 0.5


def fail(msg):
    sys.exit("spectral_norm: self-check FAILED: " + msg)


def main():
    small = spectral_norm(100)
    if "%.9f" % small != "1.274219991":
        fail("N=100 gives %.9f, expected 1.274219991" % small)
    result = spectral_norm(N)
    if abs(result - 1.274224153) > 2e-6:
        fail("N=%d gives %.9f, too far from 1.274224153" % (N, result))
    print("spectral_norm: N=%d norm=%.9f" % (N, result))


if __name__ == "__main__":
    main()
