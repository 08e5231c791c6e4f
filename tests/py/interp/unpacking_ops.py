# krait: expect interp_frames >= 1
# UNPACK_SEQUENCE / UNPACK_EX in hot loops: tuples and lists (fast path),
# strings, dicts, generators, custom iterables, star targets in every
# position, nested targets, swaps, and the exact ValueError/TypeError
# messages for too many / not enough values and non-iterables.
def fast(n):
    acc = 0
    for i in range(n):
        a, b = i, i + 1
        c, d, e = [a, b, a + b]
        a, b = b, a
        (f, g), h = (1, 2), 3
        acc += a - b + c + d + e + f + g + h
    return acc


print(fast(5000))


def gen(k):
    for i in range(k):
        yield i * i


class Pair:
    def __iter__(self):
        yield "left"
        yield "right"


def other_sources(n):
    out = []
    for i in range(n):
        x, y, z = gen(3)
        s1, s2 = "ab"
        k1, k2 = {"k1": 1, "k2": 2}
        l, r = Pair()
        (p, q), *rest = [(i, -i), 1, 2]
        out.append((x + y + z, s1 + s2, k1 + k2, l + r, p + q, rest))
    return out[-1], len(out)


print(other_sources(2000))


def star(n):
    out = []
    for i in range(n):
        seq = list(range(i % 6 + 2))
        first, *mid, last = seq
        *init, tail = seq
        head, *tl = seq
        a, b, *c = seq
        out.append((first, mid, last, init, tail, head, tl, a, b, c))
    return out[:3], out[-1]


print(star(1000))


def errors():
    msgs = []
    cases = [
        lambda: _unpack2((1, 2, 3)),
        lambda: _unpack2([1]),
        lambda: _unpack2("abc"),
        lambda: _unpack2(gen(5)),
        lambda: _unpack2(gen(1)),
        lambda: _unpack2(5),
        lambda: _unpack2(None),
        lambda: _unpack_star3([1]),
        lambda: _unpack2({1: 2, 3: 4, 5: 6}),
        lambda: _unpack2(range(10**6)),
    ]
    for c in cases:
        try:
            c()
        except (ValueError, TypeError) as e:
            msgs.append(f"{type(e).__name__}: {e}")
    return msgs


def _unpack2(v):
    for _ in range(1):
        a, b = v
    return a, b


def _unpack_star3(v):
    for _ in range(1):
        a, b, *c, d = v
    return a


for m in errors():
    print(m)


def for_targets(n):
    acc = 0
    data = [(i, (i * 2, [i * 3, i * 4])) for i in range(n)]
    for a, (b, [c, d]) in data:
        acc += a + b + c + d
    for k, *v in [(1, 2, 3), (4,)]:
        acc += k + len(v)
    return acc


print(for_targets(3000))


def attr_and_subscript_targets(n):
    class O:
        pass
    o = O()
    d = {}
    lst = [0, 0]
    for i in range(n):
        o.x, d["k"], lst[i % 2] = i, -i, i * 2
    return o.x, d, lst


print(attr_and_subscript_targets(1000))


def uncaught(n):
    total = 0
    for i in range(n):
        a, b = (i, i) if i < n - 1 else (1, 2, 3)
        total += a + b
    return total


uncaught(500)
