# krait: expect interp_frames >= 1
# krait: expect-unless-chaos spec_load_method_hits >= 4000
# krait: expect-unless-chaos spec_load_global_hits >= 8000
# krait: expect-unless-chaos spec_binary_op_hits >= 3000
# krait: expect-unless-chaos spec_compare_op_hits >= 1000
# krait: expect-unless-chaos spec_binary_subscr_hits >= 2000
# krait: expect-unless-chaos spec_call_hits >= 8000
# krait: expect-unless-chaos spec_for_iter_hits >= 1000
# krait: krait-env KRAIT_SPEC_STATS=1
# The interpreter's specialized paths against CPython's semantics, in hot loops: dict
# subscripts (KeyError, keys whose __hash__/__eq__ run exactly once per lookup, subclasses
# with __missing__), list and dict stores (negative and out-of-range indices, bools as
# indices, key side effects), str equality, direct calls of builtin functions and method
# descriptors (METH_O, METH_NOARGS, METH_FASTCALL, with keywords, wrong argument counts,
# wrong self types), and list/range iteration (lists growing and shrinking while iterated,
# huge and negative ranges). Ends with an uncaught KeyError traceback.
class Key:
    calls = 0

    def __init__(self, v):
        self.v = v

    def __hash__(self):
        Key.calls += 1
        return hash(self.v)

    def __eq__(self, other):
        Key.calls += 1
        return isinstance(other, Key) and self.v == other.v


class Defaulting(dict):
    def __missing__(self, key):
        return ("missing", key)


def dicts(n):
    d = {Key(i): i for i in range(10)}
    plain = {"a": 1, 2: "b", (1, 2): [3]}
    dd = Defaulting(x=1)
    out = []
    for i in range(n):
        out.append(d[Key(i % 10)])
        try:
            out.append(d[Key(100 + i % 3)])
        except KeyError as e:
            out.append(("keyerror", e.args[0].v))
        out.append(plain["a"] + len(plain[(1, 2)]))
        try:
            plain[[i]]
        except TypeError as e:
            out.append(str(e))
        out.append(dd["x"] if i % 2 else dd[i])
        d[Key(i % 12)] = -i
        plain[i % 4] = i
    return out, Key.calls, sorted((k.v, v) for k, v in d.items()), sorted(map(str, plain))


def lists(n):
    lst = list(range(8))
    out = []
    for i in range(n):
        lst[i % 8] = i
        lst[-1] = -i
        lst[True] = "t"
        try:
            lst[8 + i % 2] = 0
        except IndexError as e:
            out.append(str(e))
        try:
            lst[2 ** 70] = 1
        except IndexError as e:
            out.append(str(e))
        out.append(tuple(lst))
    return out


def strings(n):
    words = ["alpha", "beta", "alpha" + "", "".join(["al", "pha"]), "é", "\u00e9", "x" * 3]
    out = 0
    for i in range(n):
        a = words[i % len(words)]
        b = words[(i * 3) % len(words)]
        if a == b:
            out += 1
        if a != "alpha":
            out += 10
        out += (a == 5) + (a != None)  # noqa: E711
    return out


def builtins(n):
    out = []
    s = "Hello, World"
    lst = []
    for i in range(n):
        out.append(s.lower())
        out.append(s.startswith("Hell"))
        out.append(s.split(", ", 1))
        out.append(s.replace("l", "L", i % 3))
        out.append(len(s) + abs(-i) + max(i, 3) + min(1, 2, i))
        out.append(isinstance(i, int))
        out.append(sorted([3, 1, 2], reverse=True))
        lst.append(i)
        out.append(lst.pop())
        out.append(divmod(i, 7))
        out.append(int("12", base=8))
        try:
            s.lower(1)
        except TypeError as e:
            out.append(str(e))
        try:
            str.upper(5)
        except TypeError as e:
            out.append(str(e))
        try:
            lst.append()
        except TypeError as e:
            out.append(str(e))
        try:
            lst.append(x=1)
        except TypeError as e:
            out.append(str(e))
        try:
            len(5)
        except TypeError as e:
            out.append(str(e))
        try:
            abs("x")
        except TypeError as e:
            out.append(str(e))
    return out


def iterate(n):
    out = []
    lst = [1, 2, 3]
    for x in lst:
        if len(lst) < n:
            lst.append(x + 1)
        if x == 5:
            del lst[:2]
        out.append(x)
    for r in (range(2 ** 62, 2 ** 62 + 5), range(10, -10, -3), range(-5, 300, 37),
              range(2 ** 64, 2 ** 64 + 2)):
        for v in r:
            out.append(v)
    it = iter([1, 2])
    for v in it:
        out.append(v)
    out.append(list(it))
    return out


a = dicts(300)
print(a[0][:30], a[1], a[2], a[3])
b = lists(200)
print(b[:6], b[-3:])
print(strings(400))
c = builtins(100)
print(len(c), c[:20], c[-16:])
print(iterate(200)[-60:])
{1: 2}[3]
