"""Float point objects: build many 3-D points (class instances with x, y, z
float attributes) from trigonometric formulas, normalise each to unit length,
then fold them into a component-wise maximum and a centroid.

The hot path is object allocation, float attribute loads/stores and method
calls, which is what an unboxing / allocation-removal JIT should speed up.

Self-check: sampled normalised points must have unit length (within 1e-12),
and in the first round the maximum and centroid must equal, bit for bit,
those from an independent formulation that uses plain tuples and builtins
instead of the class (same formulas, so IEEE arithmetic must agree exactly).
"""

import math
import sys

POINTS = 40_000
ROUNDS = 15


class Point:
    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z

    def normalize(self):
        x = self.x
        y = self.y
        z = self.z
        norm = math.sqrt(x * x + y * y + z * z)
        self.x = x / norm
        self.y = y / norm
        self.z = z / norm

    def maximize(self, other):
        self.x = self.x if self.x > other.x else other.x
        self.y = self.y if self.y > other.y else other.y
        self.z = self.z if self.z > other.z else other.z
        return self

    def length(self):
        return math.sqrt(self.x * self.x + self.y * self.y + self.z * self.z)


def make_point(i):
    x = math.sin(i * 0.7) + math.cos(i * 0.13)
    return Point(x, math.cos(i) * 3.0 - 1.0, (x * x) / 2.0 + 0.25)


def run(n, offset):
    points = [make_point(i) for i in range(offset, offset + n)]
    for p in points:
        p.normalize()
    best = Point(-math.inf, -math.inf, -math.inf)
    for p in points:
        best = best.maximize(p)
    return points, best


def centroid(points):
    sx = sy = sz = 0.0
    for p in points:
        sx += p.x
        sy += p.y
        sz += p.z
    n = len(points)
    return sx / n, sy / n, sz / n


def reference(n, offset):
    """Same numbers without the class: tuples, builtins, separate loops."""
    raw = []
    for i in range(offset, offset + n):
        x = math.sin(i * 0.7) + math.cos(i * 0.13)
        raw.append((x, math.cos(i) * 3.0 - 1.0, (x * x) / 2.0 + 0.25))
    unit = []
    for x, y, z in raw:
        norm = math.sqrt(x * x + y * y + z * z)
        unit.append((x / norm, y / norm, z / norm))
    xs, ys, zs = zip(*unit)
    cx = cy = cz = 0.0
    for x, y, z in unit:
        cx += x
        cy += y
        cz += z
    return (max(xs), max(ys), max(zs)), (cx / n, cy / n, cz / n)


def fail(msg):
    sys.exit("float_points: self-check FAILED: " + msg)


def main():
    checksum = 0.0
    for r in range(ROUNDS):
        offset = r * POINTS
        points, best = run(POINTS, offset)
        for p in points[::97]:
            if abs(p.length() - 1.0) > 1e-12:
                fail("point not normalised: length %r" % p.length())
        if r == 0:
            # Checking one round is enough; the others differ only in offset.
            want_max, want_centre = reference(POINTS, offset)
            got_max = (best.x, best.y, best.z)
            if got_max != want_max:
                fail("maximum %r != reference %r" % (got_max, want_max))
            got_centre = centroid(points)
            if got_centre != want_centre:
                fail("centroid %r != reference %r" % (got_centre, want_centre))
        checksum += best.x + best.y + best.z
    print("float_points: points=%d rounds=%d checksum=%.12f"
          % (POINTS, ROUNDS, checksum))


if __name__ == "__main__":
    main()
