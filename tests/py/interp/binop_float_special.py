# krait: expect interp_frames >= 1
# Float arithmetic in hot loops: nan, inf, -0.0, mixed int/float, true and
# floor division by zero (error messages), % and // sign rules, ** edge cases.
import math


def fmt(x):
    if isinstance(x, float):
        if math.isnan(x):
            return "nan"
        return repr(x)
    return repr(x)


def table(a, b):
    out = []
    for _ in range(1):
        for op in range(7):
            try:
                if op == 0:
                    r = a + b
                elif op == 1:
                    r = a - b
                elif op == 2:
                    r = a * b
                elif op == 3:
                    r = a / b
                elif op == 4:
                    r = a // b
                elif op == 5:
                    r = a % b
                else:
                    r = a ** b
            except (ZeroDivisionError, OverflowError, ValueError) as e:
                r = f"{type(e).__name__}: {e}"
            out.append(fmt(r) if not isinstance(r, str) else r)
    return out


vals = [0.0, -0.0, 1.5, -1.5, 2.0, -7.25, 3, -3, math.inf, -math.inf, math.nan, 1e308, 5e-324, True]
for a in vals:
    for b in vals:
        print(fmt(a), fmt(b), table(a, b))


def hot_float(n):
    x = 0.0
    y = 1.0
    z = -0.0
    for i in range(n):
        x += 0.1
        y *= 1.0001
        y -= 1e-5
        z = z * -1.0
        x = x / 1.0000001
    return x, y, z, math.copysign(1.0, z)


print(hot_float(20000))


def fast_path_division(n):
    # Float / float with the fast path, then a zero divisor mid-loop.
    out = []
    for i in range(n):
        d = float(n - 1 - i)
        try:
            out.append(1.0 / d)
        except ZeroDivisionError as e:
            out.append(str(e))
    return out[-3:]


print(fast_path_division(1000))


def zero_div_messages():
    msgs = []
    for a, b in [(1, 0), (1.0, 0), (1, 0.0), (1.0, -0.0), (0, 0)]:
        for op in ("/", "//", "%", "divmod"):
            try:
                if op == "/":
                    a / b
                elif op == "//":
                    a // b
                elif op == "%":
                    a % b
                else:
                    divmod(a, b)
            except ZeroDivisionError as e:
                msgs.append(f"{a!r}{op}{b!r}: {e}")
    return msgs


for m in zero_div_messages():
    print(m)


def sign_rules(n):
    out = []
    for i in range(n):
        a = (i - n // 2) * 1.25
        for b in (2.5, -2.5, 0.75, -0.75):
            out.append((a // b, a % b))
    return out


print(sign_rules(9))
print((-0.0) % 5.0, 0.0 % -5.0, -1e-300 % 1.0, (-7.0) // math.inf, 7.0 % -math.inf)
print(0.0 ** 0.0, (-8.0) ** (1 / 3) if False else "skip", 2.0 ** -1074, (-2.0) ** 3)
try:
    print(0.0 ** -1.0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    print(10.0 ** 400)
except OverflowError as e:
    print("OverflowError:", e)
print((-8.0) ** 0.5)
