# Floats: repr (shortest round-trip), nan/inf/-0.0 semantics, comparisons,
# ZeroDivisionError messages, round() (banker's + ndigits), divmod and %
# sign rules, math module functions and error cases, float.hex /
# as_integer_ratio, and float accumulation in hot loops.
import math

nan, inf = float("nan"), float("inf")
print(0.1 + 0.2, 1 / 3, 2 / 3, 1e16, 1e-7, 123456789012345678.0, 1.5e300 * 1e10, -1e-320, 5e-324)
print(repr(0.1), str(1.0), repr(-0.0), 1e22, 1e23, 100.0, 1.0e-4, 0.0001234, float("1_000.5"))
print(nan, inf, -inf, nan == nan, nan != nan, nan < 1, nan > 1, inf > 1e308, -inf < -1e308, inf == inf)
print(math.isnan(nan), math.isinf(-inf), math.isfinite(1.0), inf - inf, inf * 0, 0 * -1.0, -0.0 == 0.0)
print(math.copysign(1, -0.0), math.copysign(1, 0.0), 1 / inf, -1 / inf, abs(-0.0), -(0.0), 0.0 * -1)
print(max(nan, 1), max(1, nan), min(-0.0, 0.0), min(0.0, -0.0), sorted([3, nan, 1]), [nan] == [nan])
x = nan
print("identity beats equality in containers:", x in [x], [x] == [x], x in {x}, float("nan") in [nan])
print(hash(inf), hash(-inf), hash(0.0) == hash(-0.0), hash(1.5), float("-inf"), float("  InFiNiTy "), float("-nan"))

errors = [
    ("1.0 / 0", lambda: 1.0 / 0), ("1 / 0", lambda: 1 / 0), ("1.0 // 0", lambda: 1.0 // 0),
    ("1.0 % 0", lambda: 1.0 % 0), ("divmod(1.0, 0)", lambda: divmod(1.0, 0)), ("0.0 ** -1", lambda: 0.0 ** -1),
    ("math.sqrt(-1)", lambda: math.sqrt(-1)), ("math.log(0)", lambda: math.log(0)), ("math.exp(1000)", lambda: math.exp(1000)),
    ("10.0 ** 400", lambda: 10.0 ** 400), ("int(nan)", lambda: int(nan)), ("int(inf)", lambda: int(inf)),
    ("math.factorial(2.5)", lambda: math.factorial(2.5)), ("float('x')", lambda: float("x")), ("round(inf)", lambda: round(inf)),
    ("math.acos(2)", lambda: math.acos(2)), ("(-8) ** (1/3)", lambda: (-8) ** (1 / 3)), ("math.fmod(1, 0)", lambda: math.fmod(1, 0)),
]
for label, fn in errors:
    try:
        print(label, "=", fn())
    except Exception as e:
        print(label, "->", type(e).__name__ + ":", e)

print("round", [round(v) for v in (0.5, 1.5, 2.5, -0.5, -1.5, 2.675)], round(2.675, 2), round(1234.5678, -2), round(-0.4), round(0.125, 2))
print("round types", type(round(2.5)).__name__, type(round(2.5, 0)).__name__, round(7, -1), round(15, -1), round(25, -1))
print("floor/ceil/trunc", [(math.floor(v), math.ceil(v), math.trunc(v), int(v)) for v in (2.7, -2.7, -0.5)])
print("mod signs", 7.5 % 2, -7.5 % 2, 7.5 % -2, -7.5 % -2, math.fmod(-7.5, 2), -0.0 % 5, 0.0 % -5)
print("int mod signs", 7 % 3, -7 % 3, 7 % -3, -7 % -3, 7 // -3, -7 // 3)
print("divmod", divmod(7.5, 2), divmod(-7.5, 2), divmod(1e300, 1e-300)[1], divmod(-0.0, 1.0), divmod(5, -0.5))
print("floordiv", 7.0 // 2, -7.0 // 2, 1e300 // 1e-10, -1 // 3.0, 0.3 // 0.1, 0.3 % 0.1)
print("pow", 2.0 ** 0.5, (-2.0) ** 2, (-8.0) ** 3, 0.0 ** 0, nan ** 0, 1 ** nan, inf ** -1, (-inf) ** 3, 2 ** -1074)
print("math", math.sqrt(2), math.exp(1), math.log(100, 10), math.log2(1024), math.log10(0.001), math.log1p(1e-20))
print("trig", math.sin(math.pi), math.cos(math.pi), math.tan(math.pi / 4), math.atan2(-0.0, -1), math.atan2(0.0, -1), math.degrees(math.pi))
print("misc", math.hypot(3, 4), math.fsum([0.1] * 10), sum([0.1] * 10), math.prod([1.5, 2, 4]), math.dist((0, 0), (1, 1)))
print("ulp", math.ulp(1.0), math.nextafter(1.0, 2.0), math.frexp(8.0), math.ldexp(0.5, 4), math.modf(-3.25), math.remainder(7, 4))
print("isclose", math.isclose(0.1 + 0.2, 0.3), math.isclose(1e-10, 0), math.isclose(1e-10, 0, abs_tol=1e-9), math.gamma(5), math.lgamma(0.5), math.erf(1))
print("hex", (0.1).hex(), float.fromhex("0x1.999999999999ap-4"), (-0.0).hex(), inf.hex(), (1.5).as_integer_ratio(), (0.1).as_integer_ratio())
print("is_integer", (2.0).is_integer(), (2.5).is_integer(), float(2 ** 53) + 1, float(10 ** 16 + 1), 9007199254740993.0)
print("conversions", float(True), float("  -3.5e2 "), float(2 ** 63), int(1e19), int(-1.999), complex(1, -0.0), float("1e-400"), float("1e400"))
print("comparisons", 1 == 1.0, 2 ** 53 + 1 == 2.0 ** 53 + 1, 2 ** 53 + 1 > 2.0 ** 53, 0.1 + 0.2 > 0.3, 1e308 * 10 == inf, -0.0 < 0.0)

# Hot loops: summation error, Newton iteration, harmonic series, Kahan sum.
total = 0.0
for i in range(1, 6001):
    total += 1.0 / i
print("harmonic 6000", total)
naive = 0.0
kahan, comp = 0.0, 0.0
for i in range(5000):
    v = 0.1 * (i % 7) + 1e-9
    naive += v
    y = v - comp
    t = kahan + y
    comp = (t - kahan) - y
    kahan = t
print("naive", naive, "kahan", kahan, "difference", naive - kahan)
r = 10.0
for _ in range(50):
    r = 0.5 * (r + 2.0 / r)
print("newton sqrt2", r, r == math.sqrt(2))
mix = 0.0
for i in range(4000):
    mix += (-1.0) ** i / (2 * i + 1)
print("leibniz pi/4 * 4", mix * 4)
lg = [math.log(i) * math.sin(i) for i in range(1, 3001)]
print("sum log*sin", sum(lg), math.fsum(lg), max(lg), min(lg))
