"""n-body: simulate the Sun and the four gas giants with a symplectic Euler
integrator (dt = 0.01 years), the classic float-heavy benchmark.

Bodies are plain lists [x, y, z, vx, vy, vz, mass] and the inner loop walks a
precomputed list of body pairs, so the hot path is float arithmetic, list
indexing and tuple unpacking.

Self-check: the initial energy of the published solar-system data set is
-0.169075164 and after 1000 steps this integrator must give -0.169087605 (both
well-known reference outputs for this data set). For the long run, energy must
be conserved to a relative drift below 1e-3 (symplectic Euler keeps the error
bounded, but it oscillates by a few 1e-4 with Jupiter's orbit), total momentum
must stay zero, and the final energy must match the value that CPython 3.11
and PyPy both produce bit for bit (-0.169081272), which catches subtle float
miscompilation that the physical invariants are too coarse to see.
"""

import sys

STEPS = 150_000

PI = 3.141592653589793
SOLAR_MASS = 4 * PI * PI
DAYS_PER_YEAR = 365.24


def make_system():
    """Fresh copy of the data: positions in AU, velocities in AU/day scaled to
    AU/year, masses in solar masses scaled so that G = 1."""
    def body(x, y, z, vx, vy, vz, mass):
        return [x, y, z, vx * DAYS_PER_YEAR, vy * DAYS_PER_YEAR,
                vz * DAYS_PER_YEAR, mass * SOLAR_MASS]

    sun = [0.0, 0.0, 0.0, 0.0, 0.0, 0.0, SOLAR_MASS]
    jupiter = body(4.84143144246472090e+00, -1.16032004402742839e+00,
                   -1.03622044471123109e-01, 1.66007664274403694e-03,
                   7.69901118419740425e-03, -6.90460016972063023e-05,
                   9.54791938424326609e-04)
    saturn = body(8.34336671824457987e+00, 4.12479856412430479e+00,
                  -4.03523417114321381e-01, -2.76742510726862411e-03,
                  4.99852801234917238e-03, 2.30417297573763929e-05,
                  2.85885980666130812e-04)
    uranus = body(1.28943695621391310e+01, -1.51111514016986312e+01,
                  -2.23307578892655734e-01, 2.96460137564761618e-03,
                  2.37847173959480950e-03, -2.96589568540237556e-05,
                  4.36624404335156298e-05)
    neptune = body(1.53796971148509165e+01, -2.59193146099879641e+01,
                   1.79258772950371181e-01, 2.68067772490389322e-03,
                   1.62824170038242295e-03, -9.51592254519715870e-05,
                   5.15138902046611451e-05)
    bodies = [sun, jupiter, saturn, uranus, neptune]

    # Give the Sun the momentum that makes the system's total momentum zero,
    # so the centre of mass stays put.
    px = py = pz = 0.0
    for b in bodies:
        px += b[3] * b[6]
        py += b[4] * b[6]
        pz += b[5] * b[6]
    sun[3] = -px / SOLAR_MASS
    sun[4] = -py / SOLAR_MASS
    sun[5] = -pz / SOLAR_MASS
    return bodies


def pairs_of(bodies):
    out = []
    for i in range(len(bodies)):
        for j in range(i + 1, len(bodies)):
            out.append((bodies[i], bodies[j]))
    return out


def energy(bodies):
    e = 0.0
    for b in bodies:
        e += 0.5 * b[6] * (b[3] * b[3] + b[4] * b[4] + b[5] * b[5])
    for a, b in pairs_of(bodies):
        dx = a[0] - b[0]
        dy = a[1] - b[1]
        dz = a[2] - b[2]
        e -= a[6] * b[6] / (dx * dx + dy * dy + dz * dz) ** 0.5
    return e


def momentum(bodies):
    px = py = pz = 0.0
    for b in bodies:
        px += b[3] * b[6]
        py += b[4] * b[6]
        pz += b[5] * b[6]
    return (px * px + py * py + pz * pz) ** 0.5


def advance(bodies, steps, dt):
    pairs = pairs_of(bodies)
    for _ in range(steps):
        # Kick: update all velocities from the pairwise forces first...
        for a, b in pairs:
            dx = a[0] - b[0]
            dy = a[1] - b[1]
            dz = a[2] - b[2]
            d2 = dx * dx + dy * dy + dz * dz
            mag = dt / (d2 * d2 ** 0.5)
            ma = a[6] * mag
            mb = b[6] * mag
            a[3] -= dx * mb
            a[4] -= dy * mb
            a[5] -= dz * mb
            b[3] += dx * ma
            b[4] += dy * ma
            b[5] += dz * ma
        # ...then drift: move every body with its new velocity.
        for b in bodies:
            b[0] += dt * b[3]
            b[1] += dt * b[4]
            b[2] += dt * b[5]


def fail(msg):
    sys.exit("nbody: self-check FAILED: " + msg)


def main():
    short = make_system()
    e0 = energy(short)
    if "%.9f" % e0 != "-0.169075164":
        fail("initial energy %.9f != -0.169075164" % e0)
    advance(short, 1000, 0.01)
    e1000 = energy(short)
    if "%.9f" % e1000 != "-0.169087605":
        fail("energy after 1000 steps %.9f != -0.169087605" % e1000)

    bodies = make_system()
    advance(bodies, STEPS, 0.01)
    e = energy(bodies)
    drift = abs((e - e0) / e0)
    if drift > 1e-3:
        fail("energy drift %.3g too large" % drift)
    p = momentum(bodies)
    if p > 1e-12:
        fail("total momentum %.3g is not conserved" % p)
    if "%.9f" % e != "-0.169081272":
        fail("final energy %.9f != -0.169081272" % e)
    print("nbody: steps=%d energy %.9f -> %.9f" % (STEPS, e0, e))


if __name__ == "__main__":
    main()
