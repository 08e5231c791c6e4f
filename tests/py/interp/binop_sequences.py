# krait: expect interp_frames >= 1
# BINARY_OP on str, bytes, list, tuple, set, frozenset and dict: concatenation,
# repetition (incl. negative and bool counts), set algebra, dict merge,
# % formatting, and the TypeError messages for unsupported combinations.
def seq_ops(n):
    s = ""
    l = []
    t = ()
    b = b""
    for i in range(n):
        s = s + chr(97 + i % 26)
        l = l + [i]
        t = t + (i,)
        b = b + bytes([i % 256])
    return len(s), s[-30:], sum(l), t[-5:], b[-5:]


print(seq_ops(2000))


def repeat(n):
    out = []
    for k in range(-2, n):
        out.append(("ab" * k, [0] * k, (1, 2) * k, b"x" * k, k * "z"))
    out.append(("q" * True, [1] * False))
    return out


print(repeat(4))


def setalg(n):
    a = set()
    fz = frozenset()
    for i in range(n):
        a = a | {i % 50}
        a = a - {i % 7}
        fz = fz ^ frozenset({i % 13})
        a = a & set(range(40)) | {99}
    return sorted(a), sorted(fz), type(fz | a).__name__, type(a | fz).__name__


print(setalg(3000))


def dict_merge(n):
    d = {}
    for i in range(n):
        d = d | {i % 10: i}
        d |= {"k": i}
    return d


print(dict_merge(500))


def percent(n):
    out = []
    for i in range(n):
        out.append("%d-%s-%r-%05.2f|%x" % (i, "s", "r", i / 3, i * 255))
        out.append(b"%d:%s" % (i, b"b"))
    out.append("%(a)s/%(b)d" % {"a": "A", "b": 5})
    return out[-5:]


print(percent(200))


def type_errors():
    res = []
    cases = [("a", 1), (1, "a"), ([1], (1,)), ((1,), [1]), ({1}, [1]), ({}, []), (b"x", "x"),
             ("x", None), (None, None), ([1], 2.5), ("a", 2.0), (1.5, "b")]
    for a, b in cases:
        for op in range(5):
            try:
                if op == 0:
                    a + b
                elif op == 1:
                    a - b
                elif op == 2:
                    a * b
                elif op == 3:
                    a | b
                else:
                    a @ b
            except TypeError as e:
                res.append(str(e))
    return res


for m in type_errors():
    print(m)


def inplace_alias(n):
    a = [1]
    alias = a
    t = (1,)
    talias = t
    s = {1}
    salias = s
    for i in range(n):
        a += [i]
        t += (i,)
        s |= {i}
    return len(alias), alias is a, len(talias), talias is t, len(salias), salias is s


print(inplace_alias(1000))
