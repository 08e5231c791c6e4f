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
def by_constants(n, flip):
    # Divisors that are constants in the trace: non-zero ones are read in place (no exit);
    # a constant -0.0 or 0.0 still raises, first reached in a side trace after `flip`.
    acc = 0.0
    for i in range(1, n):
        x = i * 0.5
        acc += x / 0.25 - x * -0.0 + x / -4.0 + x * 3.0 - x / 7.0
        if i > flip:
            acc += x / -0.0
    return acc


print(by_constants(3000, 10 ** 9))
for flip in (2000, 2500):
    try:
        by_constants(3000, flip)
    except ZeroDivisionError as e:
        print("by constant -0.0:", e)


def by_plus_zero(n):
    acc = 0.0
    for i in range(1, n):
        acc += i * 1.5
        if i == n - 1:
            acc += i / 0.0
    return acc


try:
    by_plus_zero(3000)
except ZeroDivisionError as e:
    print("by constant 0.0:", e)

divide_all([float(i) for i in range(1, 3000)] + [-0.0])
