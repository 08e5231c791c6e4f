# krait: expect traces_compiled >= 1
# krait: expect exits_taken >= 1
# Float division, modulo and floor division inside a compiled loop, with signed zeros,
# infinities and NaNs, until a zero divisor: the trace exits and the interpreter raises
# ZeroDivisionError with CPython's message and traceback.
import math


def series(n):
    acc = 0.0
    for i in range(1, n):
        acc += 1.0 / i - (i % 7) / (i + 0.5)
    return acc


def mods(vals, d):
    out = []
    for v in vals:
        out.append((v % d, v // d))
    return out


def divide_all(vals):
    s = 0.0
    for v in vals:
        s += 100.0 / v
    return s


print(series(4000))
vals = [x * 0.75 - 40.0 for x in range(200)] + [-0.0, 0.0, math.inf, -math.inf]
r = mods(vals, 3.5) + mods(vals, -2.25)
print(len(r), r[:3], r[-6:])
print(sum(a for a, b in r if a == a), [repr(b) for a, b in r[196:204]])
print(divide_all([float(i) for i in range(1, 3000)]))
try:
    divide_all([float(i) for i in range(1, 3000)] + [0.0])
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
divide_all([float(i) for i in range(1, 3000)] + [-0.0])
