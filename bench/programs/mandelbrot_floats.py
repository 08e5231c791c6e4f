"""Mandelbrot with float locals only: escape-time iteration z <- z^2 + c
written with two float variables per complex number (no complex type) and
while-loops at every level (rows, columns, iterations), accumulating an
escape-count total and a float checksum of |z|^2 at the escape point.

The hot path is a while-loop of float multiply/add/compare on locals, nested
in two counter-driven while-loops whose int -> float conversions feed the
inner loop: unlike mandelbrot.py (range loops, int results only) a wrong
float value anywhere shows up in the float checksum.

Self-check: a small grid is recomputed once with Python's complex type
(z = z * z + c); CPython's complex product computes exactly the same IEEE
operations, so escape counts and the |z|^2 checksum must agree bit for bit.
On the full grid mirrored rows (exactly negated imaginary parts) must give
identical counts and checksums, and the area estimate must be near 1.5066.
"""

import sys

WIDTH = 300
HEIGHT = 241
MAX_ITER = 200


def escape_grid(width, height, max_iter):
    """Per-row escape counts and |z|^2 checksums over [-2, 0.6] x [-1.2, 1.2]."""
    x0 = -2.0
    dx = 2.6 / width
    dy = 2.4 / (height - 1)
    centre = (height - 1) / 2
    row_iters = [0] * height
    row_mags = [0.0] * height
    inside = 0
    j = 0
    while j < height:
        # (j - centre) is a small multiple of 0.5: mirrored rows get exactly
        # opposite imaginary parts.
        ci = (j - centre) * dy
        iters = 0
        mags = 0.0
        i = 0
        while i < width:
            cr = x0 + (i + 0.5) * dx
            zr = 0.0
            zi = 0.0
            zr2 = 0.0
            zi2 = 0.0
            n = 0
            while n < max_iter and zr2 + zi2 <= 4.0:
                zi = 2.0 * zr * zi + ci
                zr = zr2 - zi2 + cr
                zr2 = zr * zr
                zi2 = zi * zi
                n += 1
            iters += n
            if n == max_iter:
                inside += 1
            else:
                mags += zr2 + zi2
            i += 1
        row_iters[j] = iters
        row_mags[j] = mags
        j += 1
    area = inside * dx * dy
    return row_iters, row_mags, inside, area


def escape_grid_complex(width, height, max_iter):
    """The same grid with the complex type: slow, used once on a small grid."""
    dx = 2.6 / width
    dy = 2.4 / (height - 1)
    centre = (height - 1) / 2
    row_iters = []
    row_mags = []
    inside = 0
    for j in range(height):
        ci = (j - centre) * dy
        iters = 0
        mags = 0.0
        for i in range(width):
            c = complex(-2.0 + (i + 0.5) * dx, ci)
            z = 0j
            n = 0
            while n < max_iter and z.real * z.real + z.imag * z.imag <= 4.0:
                z = z * z + c
                n += 1
            iters += n
            if n == max_iter:
                inside += 1
            else:
                mags += z.real * z.real + z.imag * z.imag
        row_iters.append(iters)
        row_mags.append(mags)
    return row_iters, row_mags, inside


def fail(msg):
    sys.exit("mandelbrot_floats: self-check FAILED: " + msg)


def main():
    small = escape_grid(40, 31, 60)
    want = escape_grid_complex(40, 31, 60)
    if (small[0], small[1], small[2]) != want:
        fail("40x31 grid differs from the complex-number computation")

    rows, mags, inside, area = escape_grid(WIDTH, HEIGHT, MAX_ITER)
    for j in range(HEIGHT // 2):
        k = HEIGHT - 1 - j
        if rows[j] != rows[k] or mags[j] != mags[k]:
            fail("rows %d and %d differ: %d/%r vs %d/%r"
                 % (j, k, rows[j], mags[j], rows[k], mags[k]))
    if not 1.45 < area < 1.65:
        fail("area estimate %.4f is far from 1.5066" % area)
    print("mandelbrot_floats: %dx%d inside=%d iterations=%d checksum=%r"
          % (WIDTH, HEIGHT, inside, sum(rows), sum(mags)))


if __name__ == "__main__":
    main()
