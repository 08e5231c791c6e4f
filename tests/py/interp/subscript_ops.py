# krait: expect interp_frames >= 1
# BINARY_SUBSCR / STORE_SUBSCR / DELETE_SUBSCR / BUILD_SLICE in hot loops:
# list and tuple fast paths (incl. index boundaries, negative and bool
# indices), dict, str, bytes, range, slices with steps (negative, None,
# huge), slice assignment/deletion, custom __getitem__/__setitem__/
# __delitem__/__index__/__missing__, and the exact error messages.
def fastpath(n):
    lst = list(range(100))
    tup = tuple(lst)
    s = 0
    for i in range(n):
        j = i % 100
        s += lst[j] + tup[j] + lst[-1 - j] + tup[-(j + 1)]
        s += lst[True] + tup[False]
        lst[j] = lst[j] + 1
    return s, lst[:5], lst[-3:]


print(fastpath(10000))


def dicts_strs(n):
    d = {}
    s = "abcdefghij"
    b = b"0123456789"
    r = range(5, 500, 7)
    acc = []
    for i in range(n):
        d[i % 17] = d.get(i % 17, 0) + 1
        d[(i % 3, "t")] = s[i % 10] + s[-(i % 10) - 1]
        acc.append(b[i % 10] + r[i % len(r)] + r[-1])
    return sorted(d.items(), key=repr)[:6], sum(acc), len(d)


print(dicts_strs(3000))


def slicing(n):
    data = list(range(30))
    s = "0123456789abcdefghij"
    out = []
    for i in range(n):
        a, b, c = (i % 7) - 3, (i % 11) - 5, (i % 5) - 2 or None
        out.append((data[a:b:c], s[a:b:c], tuple(data)[b:a:c], data[::c], s[a:], s[:b]))
    return out


res = slicing(400)
print(len(res))
for row in res[:12]:
    print(row)
print([1, 2, 3][-100:100], "abc"[10**20:], "abc"[-(10**20)::-1], [1, 2, 3][::2**70])


def slice_assign(n):
    data = list(range(20))
    for i in range(n):
        k = i % 5
        data[k:k + 2] = [i, -i, i * 2]
        del data[k + 1]
        data[::4] = data[::4][::-1]
        if len(data) > 25:
            del data[::3]
    return data


print(slice_assign(2000))


class Idx:
    def __init__(self, v):
        self.v = v

    def __index__(self):
        return self.v


class Grid:
    def __init__(self):
        self.cells = {}
        self.log = []

    def __getitem__(self, key):
        self.log.append(("get", type(key).__name__))
        if isinstance(key, slice):
            return ("slice", key.start, key.stop, key.step)
        return self.cells.get(key, 0)

    def __setitem__(self, key, value):
        self.cells[key] = value

    def __delitem__(self, key):
        del self.cells[key]


class Defaulting(dict):
    def __missing__(self, key):
        return f"missing:{key}"


def custom(n):
    g = Grid()
    dd = Defaulting(a=1)
    lst = list(range(10))
    acc = 0
    for i in range(n):
        g[i % 4, i % 3] = g[i % 4, i % 3] + i
        acc += lst[Idx(i % 10)]
        if i % 100 == 0:
            del g[0, 0]
            g[0, 0] = 0
    return sorted(g.cells.items()), acc, g[1:2:3], g[::], dd["a"], dd["zz"], len(g.log)


print(custom(1000))


def errors():
    out = []
    lst = [1, 2, 3]
    tup = (1, 2, 3)
    d = {"a": 1, (1, 2): 3}
    for case in range(16):
        try:
            if case == 0:
                lst[3]
            elif case == 1:
                tup[-4]
            elif case == 2:
                "abc"[5]
            elif case == 3:
                d["missing"]
            elif case == 4:
                d[(1, 2, 3)]
            elif case == 5:
                d[[1]]
            elif case == 6:
                lst["x"]
            elif case == 7:
                lst[1.0]
            elif case == 8:
                lst[3] = 0
            elif case == 9:
                del lst[7]
            elif case == 10:
                tup[0] = 5
            elif case == 11:
                del d["nope"]
            elif case == 12:
                five = 5
                five[0]
            elif case == 13:
                nothing = None
                nothing[0]
            elif case == 14:
                lst[::0]
            else:
                "abc"[0] = "z"
        except (IndexError, KeyError, TypeError, ValueError) as e:
            out.append(f"{type(e).__name__}: {e!r}")
    return out


for m in errors():
    print(m)


def uncaught_key(n):
    table = {i: i * i for i in range(n - 1)}
    total = 0
    for i in range(n):
        total += table[i]
    return total


uncaught_key(1000)
