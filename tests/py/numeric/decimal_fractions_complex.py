# decimal (context precision, rounding modes, quantize, signals),
# fractions (exact arithmetic, limit_denominator), complex numbers and
# cmath, and exact-arithmetic hot loops.
import cmath
import decimal
import fractions
import math
from decimal import Decimal as D
from fractions import Fraction as F

print(D("0.1") + D("0.2"), D(0.1), D("1.10") * 3, D("7") / D("3"), D(1) / D(8), D("-0"), D("1e3"), D("1E+3").normalize())
ctx = decimal.getcontext()
print(ctx.prec, ctx.rounding)
with decimal.localcontext() as lc:
    lc.prec = 50
    print("50 digits", D(1) / D(7), D(2).sqrt())
    lc.rounding = decimal.ROUND_DOWN
    print("round down", D(2) / D(3))
print(D("2.675").quantize(D("0.01")), D("2.675").quantize(D("0.01"), rounding=decimal.ROUND_HALF_UP), round(D("2.5")), round(D("3.5")))
print(D("123.456").as_tuple(), D("-1.5").copy_abs(), D("NaN").is_nan(), D("Infinity") > 10 ** 100, D(10) ** -2, D("1.000").normalize())
print(sorted([D("1.1"), D("0.9"), D("1.10"), D(1)]), D("1.1") == D("1.10"), D(1) == 1, D("0.5") < 0.6, hash(D(2)) == hash(2))
try:
    D(1) / D(0)
except decimal.DivisionByZero as e:
    print("DivisionByZero:", type(e).__name__, e.__class__.__mro__[1].__name__)
try:
    D("abc")
except decimal.InvalidOperation as e:
    print("InvalidOperation", type(e).__name__)
try:
    D("1.5") + 1.5
except TypeError as e:
    print("TypeError:", e)

print(F(1, 3) + F(1, 6), F(3, 4) * F(2, 3), F(5, 10), F("0.125"), F(0.1), F(0.1).limit_denominator(100), F(-7, 3) // 2, F(-7, 3) % 2)
print(F(1, 3) < 0.34, F(1, 2) == 0.5, float(F(22, 7)), int(F(-7, 2)), round(F(5, 2)), round(F(7, 2)), F(2, 3) ** 3, F(4, 9) ** F(1, 2))
print(math.floor(F(-7, 2)), math.ceil(F(7, 2)), F(10, 4).as_integer_ratio(), F(6, 2).denominator == 1, abs(F(-1, 5)))
try:
    F(1, 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)

z = 3 + 4j
print(z, abs(z), z.real, z.imag, z.conjugate(), z * 1j, z / (1 - 1j), z ** 2, (1j) ** 2, complex("1-2j"), -z, complex(0, -0.0))
print(cmath.sqrt(-1), cmath.exp(1j * math.pi), cmath.phase(-1), cmath.phase(complex(-1, -0.0)), cmath.polar(z), cmath.rect(2, math.pi / 2))
print(cmath.isclose(cmath.exp(1j * math.pi), -1), cmath.log(-1), cmath.sqrt(2j), 1j == complex(0, 1), complex(1, 2) == (1 + 2j))
try:
    z < 1j
except TypeError as e:
    print("TypeError:", e)
try:
    (1 + 0j) / 0
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
print(complex(float("inf"), float("nan")), repr(complex(-0.0, 0.0)), 0j ** 0, abs(complex(3e200, 4e200)))

# Hot loops with exact arithmetic.
h = F(0)
for i in range(1, 300):
    h += F(1, i)
print("harmonic(299) as fraction: denominator digits", len(str(h.denominator)), "float", float(h))
e_approx = D(0)
fact = D(1)
with decimal.localcontext() as lc:
    lc.prec = 60
    for k in range(60):
        if k:
            fact *= k
        e_approx += D(1) / fact
    print("e to 60 digits", e_approx)
money = D("0.00")
for i in range(5000):
    money += D("0.01") * (i % 3)
print("money", money, money.quantize(D("1.")), f"{money:,.2f}")
c = 0j
for i in range(3000):
    c = c * 0.5 + complex(math.cos(i), math.sin(i))
print("complex accumulation", c, abs(c))
mandel = 0
for y in range(-12, 12):
    for x in range(-30, 10):
        cz = complex(x / 15, y / 10)
        zz = 0j
        for it in range(40):
            zz = zz * zz + cz
            if abs(zz) > 2:
                break
        else:
            mandel += 1
print("mandelbrot points inside", mandel)
