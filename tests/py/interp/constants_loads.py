# krait: expect interp_frames >= 1
# LOAD_CONST of every constant kind in hot loops: ints (small, negative,
# huge), floats, complex, str, bytes, None/True/False/Ellipsis, tuples and
# frozensets folded by the compiler, code objects (nested lambdas).
def consts(n):
    acc = []
    s = 0
    for i in range(n):
        s += 7 + -3 + 123456789012345678901234567890 % 97
        s += int(2.5 * 4) + int((1 + 2j).imag)
        t = (1, 2.5, "x", b"y", None, (3, (4, 5)), frozenset({1, 2}))
        if i % 1000 == 0:
            acc.append((t, ..., True, False, None, "\u00e9\U0001f600", b"\x00\xff"))
        f = lambda: 42
        s += f()
    return s, acc


s, acc = consts(5000)
print(s)
for item in acc:
    print(item)


def const_identity(n):
    same = 0
    for i in range(n):
        a = (1, 2, 3)
        b = (1, 2, 3)
        if a is b:
            same += 1
        c = "interned"
        d = "interned"
        if c is d:
            same += 1
    return same


print(const_identity(3000))


def big_const_arith(n):
    x = 0
    for i in range(n):
        x = (x * 31 + 2**100 + 10**30) % (2**127 - 1)
    return x


print(big_const_arith(3000))
print(1e308 * 10, -1e308 * 10, 1e-320, 0.1 + 0.2)
