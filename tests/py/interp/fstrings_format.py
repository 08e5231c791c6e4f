# krait: expect interp_frames >= 1
# FORMAT_VALUE and BUILD_STRING: f-strings with !r !s !a, format specs,
# nested (computed) specs, = debugging, custom __format__/__repr__/__str__,
# and format errors, all in hot loops.
import decimal


class P:
    def __init__(self, v):
        self.v = v

    def __repr__(self):
        return f"P<{self.v!r}>"

    def __str__(self):
        return f"p{self.v}"

    def __format__(self, spec):
        return f"[{spec}|{self.v}]"


def hot(n):
    out = []
    for i in range(n):
        x = i * 1.5
        w = i % 12 + 1
        p = P("é" if i % 2 else i)
        s = f"{i}|{i!r}|{x:.2f}|{x:>{w}.{i % 4}f}|{i:#06x}|{i:,}|{p}|{p!s}|{p!r}|{p!a}|{p:spec{i % 3}}"
        s += f"{'str':^{w}}|{-i:+d}|{x:e}|{i % 7:b}|{None}|{True!r:>6}|{[i, 'q']!a}"
        out.append(s)
    return out


res = hot(3000)
print(len(res), sum(map(len, res)))
for line in res[:6] + res[-4:]:
    print(line)


def debug_eq(n):
    out = []
    for i in range(n):
        val = i * 2
        out.append(f"{val=}, {i + 1 = }, {val!r:>5}, {val=:04d}")
    return out[-2:]


print(debug_eq(100))


def nested_specs(n):
    out = []
    for i in range(n):
        fill = "*-+"[i % 3]
        align = "<>^"[i % 3]
        width = 8 + i % 4
        prec = i % 5
        out.append(f"{3.14159265:{fill}{align}{width}.{prec}f}")
        out.append(f"{decimal.Decimal('1.23456'):{width}.{prec}}")
    return out[-6:]


print(nested_specs(300))


def errors():
    out = []
    for case in range(6):
        try:
            if case == 0:
                f"{1:q}"
            elif case == 1:
                f"{'s':d}"
            elif case == 2:
                f"{object():>{'x'}}"
            elif case == 3:
                f"{P(1):{1/0}}"
            elif case == 4:
                f"{1.5:,d}"
            else:
                f"{[1]:x}"
        except (ValueError, TypeError, ZeroDivisionError) as e:
            out.append(f"{type(e).__name__}: {e}")
    return out


for m in errors():
    print(m)


class BadRepr:
    def __repr__(self):
        return 42


def bad_repr():
    for i in range(10):
        if i == 9:
            return f"{BadRepr()!r}"


try:
    bad_repr()
except TypeError as e:
    print("TypeError:", e)


def str_subclass(n):
    class S(str):
        def __format__(self, spec):
            return "S-format"

        def __str__(self):
            return "S-str"
    out = []
    for i in range(n):
        s = S("raw")
        out.append(f"{s}{s!s}{s:}{s!r}")
    return out[-1]


print(str_subclass(50))
