# krait: expect interp_frames >= 1
# Every BINARY_OP (and its in-place form) on small ints, negatives and bools
# inside hot loops; Krait has its own fast path for int + - *.
OPS = ["+", "-", "*", "/", "//", "%", "**", "<<", ">>", "&", "|", "^"]


def all_ops(a, b):
    r = []
    for _ in range(1):
        r.append(a + b)
        r.append(a - b)
        r.append(a * b)
        r.append(a / b if b else "zd")
        r.append(a // b if b else "zd")
        r.append(a % b if b else "zd")
        r.append(a ** b if 0 <= b < 20 else "big")
        r.append(a << b if 0 <= b < 40 else "neg")
        r.append(a >> b if b >= 0 else "neg")
        r.append(a & b)
        r.append(a | b)
        r.append(a ^ b)
    return r


vals = [0, 1, -1, 2, -2, 3, 7, -7, 13, 255, -256, 2**30 - 1, 2**30, -(2**30), 2**31, True, False]
for a in vals:
    for b in vals:
        print(a, b, all_ops(a, b))


def inplace(n):
    x = 1
    y = 12345
    z = -99
    for i in range(1, n):
        x += i
        x -= i // 2
        x *= 3
        x //= 2
        x %= 1000003
        y ^= i
        y |= i & 15
        y &= 0xFFFFF
        y <<= 1
        y >>= 1
        z **= 1
        z += True
        z -= False
    return x, y, z


print(inplace(5000))


def overflow_boundaries(n):
    # Walk across the one-digit (2**30) and machine-word boundaries.
    out = []
    v = 2**30 - 5
    w = -(2**30) + 5
    for i in range(n):
        v += 1
        w -= 1
        if i % 3 == 0:
            out.append((v, w, v * w, v - w, v * v))
    return out


for row in overflow_boundaries(12):
    print(row)


def bool_arith(n):
    t = 0
    for i in range(n):
        b = i % 2 == 0
        t += b + b * 2 - (not b)
        t += True & b
        t += (b ^ True) | False
    return t, True + True, True * 7, -True, ~True, True << 3


print(bool_arith(5000))


def mixed_neg_rules(n):
    out = []
    for a in range(-n, n + 1):
        for b in (-3, -2, 2, 3):
            out.append((a // b, a % b, divmod(a, b)))
    return out


print(mixed_neg_rules(7))
