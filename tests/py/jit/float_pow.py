# krait: expect traces_compiled >= 6
# krait: expect exits_taken >= 5
# krait: expect abort_op_BINARY_OP == 0
# Float ** in compiled loops (float ** float, float ** int, int ** float, ** 0.5 and **=), with
# float_pow's special cases: signed zeros (0.0 ** 0.5 and -0.0 ** 0.5 are +0.0, unlike sqrt),
# infinities, NaNs, negative bases with integer exponents, and, after thousands of iterations,
# the cases CPython does not answer with a float: 0.0 ** negative raises ZeroDivisionError,
# a negative base with a fractional exponent gives a complex, 10.0 ** 400 raises
# OverflowError. The trace exits before the operation and CPython's own code runs it.
import math


def roots(vals):
    out = []
    for v in vals:
        out.append(v ** 0.5)
    return out


def powers(bases, e):
    acc = 0.0
    for b in bases:
        acc += b ** e
    return acc


def table(bases, exps):
    out = []
    for b in bases:
        for e in exps:
            out.append(b ** e)
    return out


def inplace(n, x):
    t = 0.0
    for i in range(n):
        y = x
        y **= 1.5
        t += y + i ** 0.25 + (i % 5 - 2.0) ** 2
    return t


def spread(vals):
    # The results are kept as written: a complex one becomes part of the list.
    out = []
    for v in vals:
        out.append(v ** (1 / 3))
    return out


def fmt(xs):
    return [x.hex() if isinstance(x, float) else repr(x) for x in xs]


inf, nan = math.inf, math.nan
print(fmt(roots([float(i) for i in range(3000)])[-3:]))
print(fmt(roots([4.0] * 3000 + [0.0, -0.0, inf, 1e-320, 2.0, nan])[-6:]))
print(powers([1.0 + i / 1000 for i in range(3000)], 2), powers([1.0 + i / 1000 for i in range(3000)], -1.5))
print(powers([float(i) for i in range(3000)], 3), powers(list(range(1, 3000)), 0.5))
special = [0.0, -0.0, 1.0, -1.0, 0.5, -0.5, inf, -inf, nan, 1e-300, -1e-300, 2.0, -2.0]
safe = [0.0, -0.0, 1.0, 2.0, 3.0, 0.5, 2.5, inf, nan, 5, 1e20]
print(fmt(table([0.5] * 1000 + special[2:9] + [3.0], [-1.0, -2, -inf, -0.5, -3])[-40:]))
print(fmt(table([0.75] * 1000 + special[:11], safe)[-11 * len(safe):]))
print(inplace(3000, 2.0).hex())

for e, label in [(-1.0, "0.0 ** -1.0"), (-2, "0.0 ** -2"), (-0.5, "0.0 ** -0.5")]:
    try:
        powers([1.5] * 3000 + [0.0, 3.0], e)
    except ZeroDivisionError as ex:
        print(label, "ZeroDivisionError:", ex)
try:
    powers([1.0001] * 3000 + [10.0], 400)
except OverflowError as ex:
    print("OverflowError:", ex)
try:
    powers([1.0001] * 3000 + [-10.0], 401.0)
except OverflowError as ex:
    print("OverflowError:", ex)
r = spread([8.0] * 3000 + [-8.0, 27.0, -0.0, -inf])
print(len(r), fmt(r[2998:]))
print(fmt(table([1.5] * 2000 + [-2.0, -8.0], [2.0, 3, -1.0, 0.5]))[-8:])
