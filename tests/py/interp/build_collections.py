# krait: expect interp_frames >= 1
# BUILD_TUPLE/LIST/SET/MAP/CONST_KEY_MAP/STRING, LIST_APPEND/SET_ADD/MAP_ADD,
# LIST_TO_TUPLE and the unpacking builders ([*a, *b], {**a, **b}, (*a,),
# {*a}) in hot loops, plus comprehensions of every kind, nested.
def builders(n):
    acc = 0
    last = None
    for i in range(n):
        t = (i, i + 1, "t")
        l = [i, t, [i]]
        s = {i % 5, i % 7, "x"}
        d = {"a": i, "b": t, i: l}
        c = {"k1": 1, "k2": i, "k3": None}
        dyn = {i: 1, i + 1: 2, i: 3}           # duplicate key, last wins
        acc += len(t) + len(l) + len(s) + len(d) + len(c) + len(dyn) + dyn[i]
        last = (t, l, sorted(s, key=str), d, c, dyn)
    return acc, last


print(builders(5000))


def unpack_builders(n):
    a = [1, 2]
    b = (3, 4)
    s1 = {5}
    d1 = {"x": 1, "y": 2}
    d2 = {"y": 20, "z": 30}
    acc = 0
    for i in range(n):
        l = [*a, *b, i, *range(2)]
        t = (*a, i, *b)
        st = {*s1, *a, i % 3}
        d = {**d1, **d2, "i": i}
        d3 = {**d2, "y": -1, **{"w": i}}
        acc += len(l) + len(t) + len(st) + len(d) + d3["y"] + d["y"]
    return acc, l, t, sorted(st), d, d3


print(unpack_builders(2000))


def comprehensions(n):
    out = None
    tot = 0
    for i in range(n):
        sq = [x * x for x in range(i % 10)]
        ev = {x for x in sq if x % 2 == 0}
        mp = {x: [y for y in range(x % 4)] for x in range(5)}
        nested = [[a * b for b in range(3)] for a in range(3) if a != i % 3]
        gen = sum(x for x in sq if x > 4)
        flat = [y for row in nested for y in row if y]
        tot += len(sq) + len(ev) + len(mp) + len(nested) + gen + sum(flat)
        out = (sq, sorted(ev), mp, nested, flat)
    return tot, out


print(comprehensions(3000))


def build_string(n):
    parts = []
    for i in range(n):
        parts.append(f"{i}-{i * 2}:{'x'}{i % 3}")
    return len("".join(parts)), parts[-3:]


print(build_string(2000))


def set_dict_errors():
    out = []
    for case in range(6):
        try:
            if case == 0:
                {[1], 2}
            elif case == 1:
                {{}: 1}
            elif case == 2:
                {**[1, 2]}
            elif case == 3:
                [*5]
            elif case == 4:
                {x: 1 for x in [[1]]}
            else:
                {1: 2, **{"a": 1}, **None}
        except TypeError as e:
            out.append(str(e))
    return out


for m in set_dict_errors():
    print(m)


class H:
    def __init__(self, v):
        self.v = v

    def __hash__(self):
        return self.v % 3

    def __eq__(self, o):
        return isinstance(o, H) and o.v % 6 == self.v % 6

    def __repr__(self):
        return f"H{self.v}"


def custom_hash(n):
    s = set()
    d = {}
    for i in range(n):
        s.add(H(i))
        d[H(i)] = i
        s2 = {H(i), H(i + 6), H(i + 1)}
    return sorted(s, key=lambda h: h.v), sorted(d.items(), key=lambda kv: kv[0].v), len(s2)


print(custom_hash(100))
