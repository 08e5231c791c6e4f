# krait: expect interp_frames >= 1
# `==` and `!=` between exact lists, which the interpreter decides inline when every item pair
# is the same object, two exact ints or two exact floats (runtime/interp_inline.h
# list_numbers_equal) and generically otherwise: ints of every size and sign, floats with NaN
# (the same NaN object is equal to itself, two NaNs are not) and -0.0, mixed int/float pairs,
# bools, other items, an __eq__ that mutates the list mid-compare, list subclasses, different
# lengths, and comparisons at the recursion limit (RecursionError exactly as python3.11).
# Ends with an uncaught error raised by an item's __eq__.
import sys

nan = float("nan")


class Eq:
    calls = 0

    def __init__(self, v):
        self.v = v

    def __eq__(self, other):
        Eq.calls += 1
        return isinstance(other, Eq) and self.v == other.v


class Shrinker:
    def __init__(self, target):
        self.target = target

    def __eq__(self, other):
        del self.target[:]
        return True


class Raiser:
    def __eq__(self, other):
        raise ValueError("no comparing me")


class MyList(list):
    def __eq__(self, other):
        return "MyList.__eq__"


def cases():
    big = 10 ** 30
    yield [1, 2, 3], [1, 2, 3]
    yield [1, 2, 3], [1, 2, 4]
    yield [0, -1, 2 ** 30, -(2 ** 30), 2 ** 62, -(2 ** 62)], [0, -1, 2 ** 30, -(2 ** 30), 2 ** 62, -(2 ** 62)]
    yield [big, -big], [big, -big]
    yield [big], [big + 1]
    yield [big], [-big]
    yield [2 ** 60], [2 ** 61]
    yield [1.5, -0.0], [1.5, 0.0]
    yield [nan], [nan]
    yield [nan], [float("nan")]
    yield [1, 2.0], [1.0, 2]
    yield [True, 2], [1, 2]
    yield [1, "a"], [1, "a"]
    yield [1, "a"], [1, "b"]
    yield [Eq(1), 2], [Eq(1), 2]
    yield [2, Eq(1)], [3, Eq(1)]
    yield [1, 2], [1, 2, 3]
    yield [], []
    yield [[1, 2], [3]], [[1, 2], [3]]
    yield [[1, 2], [3]], [[1, 2], [4]]
    yield MyList([1]), [1]
    yield [1], MyList([1])


def run_all(rounds):
    out = []
    for _ in range(rounds):
        for a, b in cases():
            out.append((a == b, a != b))
    return out


results = run_all(200)
print(results[:23])
print(len(results), sum(1 for eq, ne in results if eq is True), Eq.calls)

# An item's __eq__ that empties the list while it is being compared.
victim = [0, 0, 0]
victim[1] = Shrinker(victim)
other = [0, 0, 0]
print(victim == other, victim, other)

# At the recursion limit: the same RecursionError (or the same answer) as python3.11, at every
# depth close to it.
def at_depth(n, a, b):
    if n == 0:
        return a == b
    return at_depth(n - 1, a, b)


limit = 300
sys.setrecursionlimit(limit)
outcomes = []
for depth in range(limit - 40, limit):
    try:
        outcomes.append(at_depth(depth, [1, 2, 3], [1, 2, 3]))
    except RecursionError as e:
        outcomes.append(str(e))
print(outcomes)
sys.setrecursionlimit(1000)

for i in range(100):
    [1, 2] == [1, 2]
print([1, Raiser()] == [1, Raiser()])
