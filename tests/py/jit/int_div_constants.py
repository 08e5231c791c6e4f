# krait: expect traces_compiled >= 3
# `//` and `%` by constant divisors in compiled loops (the x86-64 backend multiplies by a
# reciprocal instead of dividing): Python's floor semantics for negative dividends, the
# extremes of int64 (where the loop then leaves for big ints), digit loops, and divisors
# from 2 up to 2**31 - 1.


def digit_sums(lo, hi):
    out = 0
    for n in range(lo, hi):
        m = n if n >= 0 else -n
        while m:
            out += m % 10
            m //= 10
    return out


def mixed(xs):
    acc = 0
    for x in xs:
        acc += x // 7 + x % 7 + x // 1000 - x % 1000 + x // 641 + x % 3 + x // 2147483647
        acc += x % 2147483647 + (x // 6) * 6 + x % 6 - x
    return acc


def floor_steps(n):
    c = 0
    while n != 0 and c < 100:
        n = n // 3 if n > 0 else -((-n) // 3) - 1
        c += 1
    return c, n


big = 2 ** 63 - 1
xs = [i * 7919 - 500000 for i in range(2000)] + [big, big - 1, -big, -big - 1, 0, -1, 1]
print(digit_sums(0, 3000), digit_sums(-2000, 0))
print(mixed(xs), mixed([-x for x in xs]))
print([floor_steps(n) for n in (0, 1, -1, 10 ** 12, -(10 ** 12), big, -big - 1)])
print([(x // 10, x % 10) for x in xs[-7:]])
