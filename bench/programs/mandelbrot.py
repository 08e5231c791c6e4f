"""Mandelbrot: escape-time iteration z <- z^2 + c over a grid of points
covering the set, counting the points that stay bounded and the total
number of iterations.

The hot path is pure float arithmetic on local variables in a tight inner
while-loop with an early exit: ideal for float unboxing and register
allocation in a JIT.

Self-check: grid rows are placed symmetrically about the real axis so that
row j and row H-1-j use exactly negated imaginary parts; since IEEE
arithmetic is sign-symmetric, their escape counts must be identical
(a miscompiled float path breaks that). The estimated area of the set must
also land near the known value 1.5066 (loosely: the grid is coarse and the
iteration cap makes the estimate an overestimate).
"""

import sys

WIDTH = 440
HEIGHT = 331
MAX_ITER = 220


def mandelbrot(width, height, max_iter):
    x0, x1 = -2.0, 0.6
    half_height = 1.2
    dx = (x1 - x0) / width
    dy = 2 * half_height / (height - 1)
    centre = (height - 1) / 2
    inside_per_row = []
    iterations = 0
    for j in range(height):
        # (j - centre) is an exact small multiple of 0.5, so mirrored rows
        # get exactly opposite imaginary parts.
        ci = (j - centre) * dy
        inside = 0
        for i in range(width):
            cr = x0 + (i + 0.5) * dx
            zr = zi = 0.0
            n = 0
            while n < max_iter:
                zr2 = zr * zr
                zi2 = zi * zi
                if zr2 + zi2 > 4.0:
                    break
                zi = 2.0 * zr * zi + ci
                zr = zr2 - zi2 + cr
                n += 1
            iterations += n
            if n == max_iter:
                inside += 1
        inside_per_row.append(inside)
    area = sum(inside_per_row) * dx * dy
    return inside_per_row, iterations, area


def fail(msg):
    sys.exit("mandelbrot: self-check FAILED: " + msg)


def main():
    rows, iterations, area = mandelbrot(WIDTH, HEIGHT, MAX_ITER)
    for j in range(HEIGHT // 2):
        if rows[j] != rows[HEIGHT - 1 - j]:
            fail("rows %d and %d differ: %d vs %d"
                 % (j, HEIGHT - 1 - j, rows[j], rows[HEIGHT - 1 - j]))
    if not 1.45 < area < 1.65:
        fail("area estimate %.4f is far from 1.5066" % area)
    print("mandelbrot: %dx%d inside=%d iterations=%d area=%.4f"
          % (WIDTH, HEIGHT, sum(rows), iterations, area))


if __name__ == "__main__":
    main()
