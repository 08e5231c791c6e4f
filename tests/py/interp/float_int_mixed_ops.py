# krait: expect interp_frames >= 1
# Mixed float/int arithmetic in hot loops (`+ - * /` with one exact float and one int): the
# same doubles as float's own methods produce, incl. -0.0, inf, nan, ints at and beyond one
# 30-bit digit, bools, int and float subclasses, and both ZeroDivisionErrors. Ends with an
# uncaught ZeroDivisionError.
import math


class F(float):
    def __add__(self, o):
        return "F.add"


class I(int):
    def __radd__(self, o):
        return "I.radd"


def loop(n):
    out = []
    floats = [0.0, -0.0, 1.5, -2.25, 1e308, float("inf"), float("-inf"), float("nan"), 1e-310]
    ints = [0, 1, -1, 7, 2**30 - 1, -(2**30 - 1), 2**30, 2**53 + 1, -(2**62), True, False]
    for i in range(n):
        f = floats[i % len(floats)]
        k = ints[i % len(ints)]
        r = [f + k, k + f, f - k, k - f, f * k, k * f]
        try:
            r.append(f / k)
        except ZeroDivisionError as e:
            r.append(str(e))
        try:
            r.append(k / f)
        except ZeroDivisionError as e:
            r.append(str(e))
        out.append(tuple(repr(v) if isinstance(v, float) and math.isnan(v) else v for v in r))
        out.append(math.copysign(1.0, (-0.0) * k if k else -0.0))
        out.append((F(1.0) + k, f + I(3), 3 + F(2.0)))
    total = 0.0
    sign = 1.0
    for k in range(n):
        total += sign / (2 * k + 1)
        sign = -sign
    out.append(total)
    return out


res = loop(400)
print(len(res))
for item in res[:60]:
    print(item)
print(res[-1])
print(1.5 / 0)
