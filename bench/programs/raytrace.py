"""Ray tracer: render a small scene (three spheres over a checkered floor, one
point light) with Lambert + Phong shading, hard shadows and up to three
reflection bounces, then reduce the image to a checksum.

Vectors are instances of a small Vec class whose every operation returns a new
object, so the hot path is allocation of short-lived objects, method calls and
float arithmetic: the workload where escape analysis pays off.

Self-check: the intersection distance of a ray fired straight at the centre
sphere must be exactly 4.0 (analytic solution); the per-object hit counts and
the image checksum must match the values that CPython 3.11 and PyPy both
produce independently (floating point here is plain IEEE-754 double, so the
two must agree bit for bit).
"""

import math
import sys

WIDTH = 281
HEIGHT = 211
MAX_DEPTH = 3
# Recorded from CPython 3.11 and PyPy 3.9, which agree exactly.
EXPECTED_CHECKSUM = 3293951019
EXPECTED_HITS = [("centre", 10266), ("floor", 34778), ("left", 3665),
                 ("right", 4221)]


class Vec:
    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z

    def add(self, o):
        return Vec(self.x + o.x, self.y + o.y, self.z + o.z)

    def sub(self, o):
        return Vec(self.x - o.x, self.y - o.y, self.z - o.z)

    def scale(self, k):
        return Vec(self.x * k, self.y * k, self.z * k)

    def mul(self, o):
        return Vec(self.x * o.x, self.y * o.y, self.z * o.z)

    def dot(self, o):
        return self.x * o.x + self.y * o.y + self.z * o.z

    def length(self):
        return math.sqrt(self.dot(self))

    def normalized(self):
        return self.scale(1.0 / self.length())


class Ray:
    def __init__(self, origin, direction):
        self.origin = origin
        self.direction = direction

    def at(self, t):
        return self.origin.add(self.direction.scale(t))


class Sphere:
    def __init__(self, name, center, radius, color, reflectivity):
        self.name = name
        self.center = center
        self.radius = radius
        self.color = color
        self.reflectivity = reflectivity

    def intersect(self, ray):
        """Distance along the (unit-direction) ray to the nearest hit in
        front of the origin, or None."""
        oc = ray.origin.sub(self.center)
        b = oc.dot(ray.direction)
        c = oc.dot(oc) - self.radius * self.radius
        disc = b * b - c
        if disc < 0.0:
            return None
        root = math.sqrt(disc)
        t = -b - root
        if t > 1e-9:
            return t
        t = -b + root
        if t > 1e-9:
            return t
        return None

    def normal_at(self, point):
        return point.sub(self.center).scale(1.0 / self.radius)

    def color_at(self, point):
        return self.color


class Floor:
    """The plane y = LEVEL with a two-colour checkerboard."""

    LEVEL = -1.0

    def __init__(self):
        self.name = "floor"
        self.reflectivity = 0.25
        self.light = Vec(0.9, 0.9, 0.9)
        self.dark = Vec(0.15, 0.15, 0.2)

    def intersect(self, ray):
        dy = ray.direction.y
        if -1e-12 < dy < 1e-12:
            return None
        t = (self.LEVEL - ray.origin.y) / dy
        return t if t > 1e-9 else None

    def normal_at(self, point):
        return Vec(0.0, 1.0, 0.0)

    def color_at(self, point):
        if (math.floor(point.x) + math.floor(point.z)) % 2 == 0:
            return self.light
        return self.dark


class Scene:
    def __init__(self):
        self.objects = [
            Sphere("centre", Vec(0.0, 0.0, -5.0), 1.0, Vec(0.9, 0.2, 0.2), 0.3),
            Sphere("left", Vec(-2.2, -0.3, -6.0), 0.7, Vec(0.2, 0.8, 0.3), 0.5),
            Sphere("right", Vec(1.8, 0.4, -4.2), 0.6, Vec(0.3, 0.4, 0.95), 0.1),
            Floor(),
        ]
        self.light = Vec(-3.0, 5.0, 0.0)
        self.ambient = 0.1
        self.hits = {obj.name: 0 for obj in self.objects}

    def nearest(self, ray):
        best_t = math.inf
        best = None
        for obj in self.objects:
            t = obj.intersect(ray)
            if t is not None and t < best_t:
                best_t = t
                best = obj
        return best, best_t

    def shadowed(self, point, to_light, distance):
        ray = Ray(point, to_light)
        for obj in self.objects:
            t = obj.intersect(ray)
            if t is not None and t < distance:
                return True
        return False

    def trace(self, ray, depth):
        obj, t = self.nearest(ray)
        if obj is None:
            # Sky: a vertical gradient.
            k = 0.5 * (ray.direction.y + 1.0)
            return Vec(0.5, 0.7, 1.0).scale(k).add(Vec(1.0, 1.0, 1.0).scale(1.0 - k))
        self.hits[obj.name] += 1
        point = ray.at(t)
        normal = obj.normal_at(point)
        base = obj.color_at(point)
        # Nudge the shading point off the surface to avoid self-shadowing.
        origin = point.add(normal.scale(1e-6))
        to_light = self.light.sub(origin)
        light_distance = to_light.length()
        to_light = to_light.scale(1.0 / light_distance)
        color = base.scale(self.ambient)
        lambert = normal.dot(to_light)
        if lambert > 0.0 and not self.shadowed(origin, to_light, light_distance):
            color = color.add(base.scale(lambert * 0.8))
            half = to_light.sub(ray.direction).normalized()
            spec = normal.dot(half)
            if spec > 0.0:
                color = color.add(Vec(1.0, 1.0, 1.0).scale(0.5 * spec ** 32))
        if depth < MAX_DEPTH and obj.reflectivity > 0.0:
            d = ray.direction
            reflected = d.sub(normal.scale(2.0 * d.dot(normal)))
            bounce = self.trace(Ray(origin, reflected), depth + 1)
            color = color.scale(1.0 - obj.reflectivity).add(
                bounce.scale(obj.reflectivity))
        return color


def to_byte(v):
    if v <= 0.0:
        return 0
    if v >= 1.0:
        return 255
    return int(v * 255.0 + 0.5)


def render(scene, width, height):
    eye = Vec(0.0, 0.0, 0.0)
    half_h = math.tan(math.radians(30.0))
    half_w = half_h * width / height
    checksum = 0
    for j in range(height):
        py = (1.0 - 2.0 * (j + 0.5) / height) * half_h
        for i in range(width):
            px = (2.0 * (i + 0.5) / width - 1.0) * half_w
            ray = Ray(eye, Vec(px, py, -1.0).normalized())
            c = scene.trace(ray, 0)
            for channel in (c.x, c.y, c.z):
                checksum = (checksum * 31 + to_byte(channel)) & 0xFFFFFFFF
    return checksum


def fail(msg):
    sys.exit("raytrace: self-check FAILED: " + msg)


def main():
    scene = Scene()
    centre = scene.objects[0]
    t = centre.intersect(Ray(Vec(0.0, 0.0, 0.0), Vec(0.0, 0.0, -1.0)))
    if t != 4.0:
        fail("centre sphere hit at %r, expected 4.0" % t)
    checksum = render(scene, WIDTH, HEIGHT)
    hits = sorted(scene.hits.items())
    if hits != EXPECTED_HITS:
        fail("hit counts %r != %r" % (hits, EXPECTED_HITS))
    if checksum != EXPECTED_CHECKSUM:
        fail("checksum %d != %d" % (checksum, EXPECTED_CHECKSUM))
    print("raytrace: %dx%d checksum=%d hits=%s"
          % (WIDTH, HEIGHT, checksum,
             ",".join("%s:%d" % kv for kv in hits)))


if __name__ == "__main__":
    main()
