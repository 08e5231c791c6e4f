# krait: expect traces_compiled >= 6
# krait: expect side_traces >= 2
# krait: expect exits_taken >= 8
# krait: expect abort_unsupported_type == 0
# `for a, b in pairs` over a list of tuples of lists, as nbody's kick loop: the tuples are
# unpacked in the trace (type and size guarded), the unpacked lists are subscripted, and float
# items are updated in place (`a[3] -= x`) while the loop keeps the borrowed lists across the
# stores. After thousands of iterations the loop meets a tuple of the wrong size (ValueError
# with CPython's message), a list instead of a tuple, a str, an int item where floats were,
# and a tuple where a list was: each leaves the trace before the instruction it breaks.


def kick(pairs, dt):
    for a, b in pairs:
        dx = a[0] - b[0]
        d2 = dx * dx + 0.25
        mag = dt / (d2 * d2 ** 0.5)
        a[3] -= dx * b[2] * mag
        b[3] += dx * a[2] * mag


def make(n):
    bodies = [[i * 0.5, 0.0, 1.0 + i / 8, 0.0] for i in range(n)]
    pairs = []
    for i in range(n):
        for j in range(i + 1, n):
            pairs.append((bodies[i], bodies[j]))
    return bodies, pairs


def triples(items):
    t = 0.0
    for x, y, z in items:
        t += x * y - z
    return t


def quads(items):
    t = 0
    for p, q, r, s in items:
        t += p[0] + q * r - s
    return t


def show(bodies):
    return [round(b[3], 9) for b in bodies]


bodies, pairs = make(12)
for _ in range(40):
    kick(pairs, 0.01)
print(show(bodies))

for bad in [(bodies[0], bodies[1], bodies[2]), (bodies[0],), [bodies[1], bodies[2]], "ab",
            (bodies[0], "xy"), ((1.0, 2.0, 3.0, 4.0), bodies[3]), 7]:
    bodies, pairs = make(12)
    try:
        for _ in range(30):
            kick(pairs, 0.01)
        kick(pairs + [bad] + pairs, 0.01)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
    print(show(bodies)[:4])

# An int item where the loop saw floats: a[0] is 3 (the subtraction's guard exits), then the
# stores meet an int a[3].
bodies, pairs = make(10)
kick(pairs * 50, 0.01)
bodies[4][0] = 3
bodies[5][3] = 2
kick(pairs * 50, 0.01)
print(show(bodies), type(bodies[5][3]).__name__)

print(triples([(float(i), 2.0, 1.0) for i in range(3000)]))
try:
    triples([(float(i), 2.0, 1.0) for i in range(3000)] + [(1.0, 2.0)])
except ValueError as e:
    print("ValueError", e)
try:
    triples([(float(i), 2.0, 1.0) for i in range(3000)] + [(1.0, 2.0, 3.0, 4.0)])
except ValueError as e:
    print("ValueError", e)
print(triples([(float(i), 2.0, 1.0) for i in range(3000)] + [[1.0, 2.0, 3.0], (5.0, 1, 2)]))
row = [7, 1]
print(quads([(row, 2, 3, 4)] * 3000 + [(row, 2, 3, 5), ([1], 2, 3, 4)]))


# Items of other types borrowed across list stores (instances of a class with a finalizer, then
# a str): their type is guarded at the store, so the trace exits when it changes.
class Body:
    def __init__(self, k):
        self.k = k

    def __del__(self):
        print("del", self.k)


def tally(objs, acc):
    last = None
    for o in objs:
        acc[0] += 1.5
        last = o
    return last


acc = [0.0]
objs = [Body(1), Body(2)] * 1500 + ["s", Body(3)]
print(tally(objs, acc).k, acc)
del objs
print("end")
