# krait: expect traces_compiled >= 1
# krait: expect exits_taken >= 2
# Unboxed int64 arithmetic that overflows into big ints: add, multiply, subtract and negate
# crossing 2**63 must give CPython's exact big-int results (the overflow guard exits).
def powers(n):
    x = 1
    out = []
    for i in range(n):
        x = x * 3
        out.append(x % 1000003)
    return x, out[-3:]


def sums(n, start):
    s = start
    for i in range(n):
        s = s + i * 1000000007
    return s


def down(n):
    s = -(2 ** 62)
    for i in range(n):
        s = s - 2 ** 40
    return s, -s


print(powers(60))
print(sums(5000, 2 ** 63 - 10 ** 12))
print(sums(5000, 9))
print(down(6000))
