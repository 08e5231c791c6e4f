# set / frozenset semantics with int and tuple elements (ordering printed
# via sorted() so output never depends on hash order), algebra, in-place
# operators, comparisons, and set-heavy hot loops.
a = set(range(0, 30, 2))
b = set(range(0, 30, 3))
print(sorted(a), sorted(b))
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(a ^ b))
print(sorted(a.union([100], (200,))), sorted(a.intersection(b, range(10))), sorted(a.difference(b, {4})))
print(a.isdisjoint({1, 3}), {0, 6} <= a, {0, 6} < a, a >= {0}, a > a, a == set(a), a.issubset(range(100)))
s = {5, 1, 3}
s.add(2)
s.discard(100)
s.remove(5)
try:
    s.remove(100)
except KeyError as e:
    print("KeyError:", e)
print(sorted(s), len(s), 3 in s, 4 not in s)
s.update([7, 8], {9})
s.intersection_update(range(8))
print(sorted(s))
s |= {20}
s &= {1, 2, 20, 30}
s -= {1}
s ^= {2, 99}
print(sorted(s))
p = s.pop()
print("popped", p, sorted(s), s.copy() == s, s.copy() is s)
s.clear()
print(s, set(), frozenset(), repr(frozenset([1])), {1} == frozenset({1}))
fs = frozenset([(1, 2), (3, 4)])
print(sorted(fs), hash(fs) == hash(frozenset([(3, 4), (1, 2)])), {fs: "frozen key"}[frozenset({(3, 4), (1, 2)})])
try:
    fs.add(1)
except AttributeError as e:
    print("AttributeError:", e)
try:
    {[1, 2]}
except TypeError as e:
    print("TypeError:", e)
print(len({1, 1.0, True}), sorted({-1, 0, -0.0, 1}), len({float("nan"), float("nan")}))
print(sorted({(i % 3, i % 2) for i in range(20)}), type(a | frozenset()).__name__, type(frozenset() | a).__name__)

# Hot loops: sieve with a set, dedup, membership.
composite = set()
for i in range(2, 100):
    if i not in composite:
        for j in range(i * i, 10000, i):
            composite.add(j)
primes = [n for n in range(2, 10000) if n not in composite]
print("primes", len(primes), primes[-3:])
seen = set()
dups = 0
for i in range(8000):
    v = (i * i) % 1009
    if v in seen:
        dups += 1
    else:
        seen.add(v)
print("distinct quadratic residues", len(seen), "dups", dups, max(seen), min(seen))
visited = set()
frontier = {(0, 0)}
for step in range(25):
    nxt = set()
    for (x, y) in frontier:
        for dx, dy in ((1, 2), (2, 1), (-1, 2), (-2, 1), (1, -2), (2, -1), (-1, -2), (-2, -1)):
            q = (x + dx, y + dy)
            if 0 <= q[0] < 12 and 0 <= q[1] < 12 and q not in visited:
                nxt.add(q)
    visited |= frontier
    frontier = nxt - visited
    if not frontier:
        print("knight covered the board in", step, "steps")
        break
print("visited", len(visited), sorted(visited)[:3], sorted(visited)[-1])
