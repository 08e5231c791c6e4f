# krait: expect-unless-chaos spec_for_iter_hits >= 7000
# krait: krait-env KRAIT_SPEC_STATS=1
# krait: krait-env KRAIT_TRACE=off
# `for a, b in zip(xs, ys)` over two lists, which the interpreter steps inline when zip reuses its
# result tuple and nothing can die: unequal lengths, strict=True, three lists, one list
# twice, one iterator twice, a tuple kept by the loop (zip then makes a new one), items whose last reference is
# the result tuple (their __del__ runs at the same step as in CPython), lists changed while
# zipped, zip over a list and a tuple, and the result tuple untracked by a collection.
import gc


class Noisy:
    def __init__(self, tag, log):
        self.tag = tag
        self.log = log

    def __del__(self):
        self.log.append(("del", self.tag))


def basic(n):
    a = list(range(n))
    b = [float(i) / 4 for i in range(n + 3)]
    total = 0.0
    for x, y in zip(a, b):
        total += x * y
    three = 0
    for x, y, z in zip(a, b, a):
        three += x + y + z
    same = 0
    for x, y in zip(a, a):
        same += x * y
    it = iter(a)
    pairs = [x - y for x, y in zip(it, it)]  # one iterator twice: items paired up
    it = iter(a[:7])
    odd = [(x, y) for x, y in zip(it, it)]
    kept = [t for t in zip(a[:5], b)]
    mixed = [x + y for x, y in zip(a, tuple(b))][-3:]
    return total, three, same, sum(pairs), len(pairs), odd, kept, mixed


def strict():
    out = []
    for args in ([1, 2, 3], [4, 5, 6]), ([1, 2, 3], [4, 5]), ([1, 2], [4, 5, 6]):
        got = []
        try:
            for x, y in zip(*args, strict=True):
                got.append(x + y)
        except ValueError as e:
            got.append(str(e))
        out.append(got)
    return out


def dying_items():
    log = []
    a = [Noisy("a%d" % i, log) for i in range(4)]
    b = [Noisy("b%d" % i, log) for i in range(4)]
    for i, (x, y) in enumerate(zip(a, b)):
        log.append(("step", x.tag, y.tag))
        a[i] = None  # the tuple and x still hold the item; the next step drops them
        b[i] = None
        del x, y
    return log


def mutated():
    a = list(range(10))
    b = list(range(100, 110))
    out = []
    for x, y in zip(a, b):
        out.append((x, y))
        if x == 2:
            b.pop()
            b.pop(0)
        if x == 4:
            a.append(99)
            del a[7:]
    return out


def untracked_result():
    a = list(range(200))
    b = list(range(200))
    z = zip(a, b)
    states = []
    for x, y in z:
        if x in (50, 51, 120):
            gc.collect()
            t = [o for o in gc.get_referents(z) if type(o) is tuple and len(o) == 2][0]
            states.append((x, gc.is_tracked(t)))
            del t
    return states


for _ in range(20):
    r = basic(120)
print(r)
print(strict())
print(dying_items())
print(mutated())
print(untracked_result())
