# krait: expect interp_frames >= 1
# Augmented assignment to subscripts and attributes in hot loops (COPY/SWAP
# plus BINARY_SUBSCR/STORE_SUBSCR and LOAD_ATTR/STORE_ATTR pairs), multiple
# assignment targets, rotations, and evaluation order of the target
# expressions (logged by __getitem__/__setitem__/__getattr__ hooks).
log = []


class Box:
    def __init__(self):
        self.data = {}

    def __getitem__(self, k):
        log.append(("get", k))
        return self.data.get(k, 0)

    def __setitem__(self, k, v):
        log.append(("set", k, v))
        self.data[k] = v


class Obj:
    def __init__(self):
        object.__setattr__(self, "x", 0)

    def __setattr__(self, name, v):
        log.append(("setattr", name, v))
        object.__setattr__(self, name, v)


def key(k):
    log.append(("key", k))
    return k


def ordered(n):
    b = Box()
    o = Obj()
    for i in range(n):
        b[key(i % 2)] += i
        o.x += i
        b[key("t")] = o.x = i * 10
    return b.data, o.x


print(ordered(3))
for entry in log:
    print(entry)


def hot(n):
    lst = [0] * 10
    d = {}
    nested = [[0, 0], [0, 0]]

    class C:
        pass
    c = C()
    c.val = 0
    c.items = [0, 0]
    for i in range(n):
        lst[i % 10] += i
        lst[-1] -= 1
        d[i % 7] = d.get(i % 7, 0) + 1
        d.setdefault("s", []).append(i) if i % 1000 == 0 else None
        nested[i % 2][(i // 2) % 2] *= 1
        nested[i % 2][(i // 2) % 2] += 1
        c.val += i
        c.items[i % 2] ^= i
        a = b = e = i
        x, y, z = 1, 2, 3
        x, y, z = z, x, y
        lst[0], lst[1] = lst[1], lst[0]
    return lst, sorted(d.items(), key=str), nested, c.val, c.items, (a, b, e, x, y, z)


print(hot(5001))


def string_key_inplace(n):
    counts = {}
    text = "the quick brown fox jumps over the lazy dog " * 20
    for w in text.split():
        counts[w] = counts.get(w, 0) + 1
    for ch in text:
        if ch != " ":
            counts[ch] = counts.get(ch, 0) + 1
    for i in range(n):
        counts["the"] += 1
    return sorted(counts.items())


print(string_key_inplace(1000))


def errors():
    out = []
    for case in range(3):
        try:
            if case == 0:
                d = {}
                d["missing"] += 1
            elif case == 1:
                t = (1, 2)
                t[0] += 1
            else:
                o = object()
                o.attr += 1
        except (KeyError, TypeError, AttributeError) as e:
            out.append(f"{type(e).__name__}: {e}")
    return out


print(errors())
