# krait: expect interp_frames >= 1
# Binary operators on huge ints (many digits), mixed huge/small, negative
# huge values, and the errors only big ints produce.
def huge_ops(n):
    a = 3**200
    b = -(7**150)
    acc = 0
    for i in range(n):
        acc += a
        acc -= b * i
        acc ^= a >> (i % 64)
        acc &= (1 << 700) - 1
        acc |= i
        acc = acc % (2**521 - 1)
    return acc


print(huge_ops(3000))


def huge_table(x, y):
    r = []
    for _ in range(2):
        r = [x + y, x - y, x * y, x // y, x % y, divmod(x, y), x & y, x | y, x ^ y,
             x >> 37, x << 5, -x, abs(y), x == y, x < y, (x * y) // y == x]
    return r


pairs = [
    (10**40, 7), (-(10**40), 7), (10**40, -7), (-(10**40), -7),
    (2**100, 2**64 + 1), (-(2**100), 3**50), (12345678901234567890, -98765432109876543210),
    (2**62, 2**62), (-(2**63), 2**63 - 1),
]
for x, y in pairs:
    print(huge_table(x, y))


def float_conv(n):
    out = []
    x = 2**53
    for i in range(n):
        out.append(x + i + 0.0)
        out.append((x + i) / 3)
    return out[-6:]


print(float_conv(100))


def errors():
    res = []
    for case in range(4):
        try:
            if case == 0:
                v = 10**400 / 3.0 * 1.0
                v = float(10**400)
            elif case == 1:
                v = 2**100 / (2**10 - 1024)
            elif case == 2:
                v = 1 << -1
            else:
                v = 10**400 + 0.5
        except (OverflowError, ZeroDivisionError, ValueError) as e:
            res.append(f"{type(e).__name__}: {e}")
        else:
            res.append(v)
    return res


print(errors())


def pow_mod(n):
    s = 0
    for i in range(1, n):
        s = (s + pow(i, 65537, 2**127 - 1)) % (2**89 - 1)
        s += i ** 3
    return s


print(pow_mod(2000))
