# krait: expect hook_frames >= 1
# Arbitrary-precision ints: factorials, Fibonacci, pow with modulus
# (including negative exponents = modular inverse), bit operations on huge
# and negative numbers, int<->str in several bases, the 4300-digit str
# conversion limit, floor division/modulo signs, and int/float mixing.
import math
import sys

f = 1
for i in range(1, 301):
    f *= i
print("300! digits", len(str(f)), str(f)[:30], str(f)[-5:], f == math.factorial(300))
print("trailing zeros", len(str(f)) - len(str(f).rstrip("0")), f.bit_length(), f % 1000003)
a, b = 0, 1
for _ in range(1000):
    a, b = b, a + b
print("fib(1000) mod 10**12", a % 10 ** 12, "digits", len(str(a)))

p = 2 ** 127 - 1
print("mersenne", p, pow(3, p - 1, p), pow(2, 10 ** 18, 10 ** 9 + 7), pow(7, -1, 10 ** 9 + 7))
print("inverse check", (7 * pow(7, -1, 10 ** 9 + 7)) % (10 ** 9 + 7), pow(-3, 3), pow(2, -2), pow(-2, 3, 5))
try:
    pow(2, -1, 4)
except ValueError as e:
    print("ValueError:", e)
try:
    pow(2, 3, 0)
except ValueError as e:
    print("ValueError:", e)

big = 3 ** 200
print(big & (2 ** 64 - 1), big | 1, big ^ (big >> 1) > 0, ~big < 0, -big >> 100, (-big) & 0xFFFF)
print(big >> 300, 1 << 200, (-1) >> 1000, -(2 ** 100) >> 99, (1 << 100) - 1 == 2 ** 100 - 1)
print(bin(-37), oct(2 ** 70), hex(-(2 ** 65)), (2 ** 70).bit_count(), (-255).bit_length())
print(int("z" * 20, 36), int("-0x" + "f" * 30, 16), int("1_000_000"), int(" -12 "), int("0o777", 0))
print(format(2 ** 100, "x"), format(10 ** 30, ","), f"{-(2 ** 80):_d}", str(-(10 ** 25)))
n = 7 ** 5000
s = str(n)[:4000]
print("str/int roundtrip within limit", int(s) == int(s), sys.get_int_max_str_digits())
try:
    str(10 ** 5000)
except ValueError as e:
    print("ValueError:", e)
sys.set_int_max_str_digits(0)
print("unlimited", len(str(10 ** 5000)))
sys.set_int_max_str_digits(4300)

print("floor div/mod", [(x // y, x % y) for x, y in [(7, 2), (-7, 2), (7, -2), (-7, -2), (10 ** 30 + 1, -7), (-(10 ** 30), 7)]])
print("divmod", divmod(-(2 ** 100), 3), divmod(2 ** 100, -3), (-(2 ** 100)) % 3, -(2 ** 100) // 3)
print("truediv", (10 ** 30) / 7, (2 ** 1000) / (2 ** 999), 1 / 3, 2 ** 53 + 1 == float(2 ** 53 + 1))
try:
    float(2 ** 2000)
except OverflowError as e:
    print("OverflowError:", e)
try:
    (2 ** 2000) / 3
except OverflowError as e:
    print("OverflowError:", e)
print((2 ** 2000) // (2 ** 1990), round(10 ** 20 / 3), int(1e20), int(-2.9), int(2.9), round(2 ** 70 + 0.5) == 2 ** 70)
print(math.isqrt(10 ** 100), math.gcd(2 ** 100, 6 ** 50), math.comb(200, 100) % 10 ** 9, abs(-(10 ** 40)))
print(sum(range(10 ** 6)), sum(i * i for i in range(1, 1001)), max(2 ** 64, 2 ** 63 * 2 + 1), -(2 ** 63) - 1)
print(True + True, True * 10, 5 // True, int(True), -True, ~False, 3 - False)
print(10 ** 18 * 10 ** 18, 9223372036854775807 + 1, -9223372036854775808 - 1, 4611686018427387904 * 2)

# Hot loop: LCG with big modulus and a digit-sum over growing numbers.
x = 12345
for _ in range(5000):
    x = (x * 6364136223846793005 + 1442695040888963407) % 2 ** 64
print("lcg", x)
acc = 1
digits = 0
for i in range(1, 400):
    acc = acc * i + 1
    digits += acc % 10
print("digit accumulation", digits, acc.bit_length())
c = 0
for i in range(4000):
    c += (i << 40) >> 38
    c ^= i << 63
print("shift mix", c)
