# String formatting: %-formatting, str.format (positional, named, index,
# attribute, nested specs), f-strings (conversions, `=`, nested, format
# specs for ints/floats/strings), format() builtin and __format__.
import datetime


class Temp:
    def __init__(self, c):
        self.c = c

    def __format__(self, spec):
        if spec.endswith("F"):
            return format(self.c * 9 / 5 + 32, spec[:-1] + "f") + "°F"
        return format(self.c, spec or "g") + "°C"

    def __repr__(self):
        return f"Temp({self.c})"

    def __str__(self):
        return f"{self.c} degrees"


t = Temp(21.5)
print("%s %r %d %5.2f %-6s| %06.1f %x %X %o %e %g %%" % ("str", "repr", 42, 3.14159, "left", -2.5, 255, 255, 8, 12345.678, 0.00001234))
print("%(name)s is %(age)03d" % {"name": "krait", "age": 7}, "%c%c" % (75, "r"), "%+d %+d" % (5, -5), "% d" % 3)
print("%.3s|%10.4f|%-10d|%*d" % ("abcdef", 2.718281828, 99, 6, 7))
print("{} {} {}".format(1, "two", 3.0), "{1} {0} {1}".format("a", "b"), "{x}-{y}".format(x=1, y=2))
print("{0[1]} {0[k]} {1.c}".format({1: "one", "k": "kay"}, t), "{:>{w}.{p}f}".format(3.14159, w=10, p=3))
print("{!r} {!s} {!a}".format("é", t, "é"), "{{literal}}".format(), "{:*^15}".format("mid"))
n = 1234567.891
print(f"{n:,.2f} {n:_.1f} {n:e} {n:.3g} {n:15.2f}| {n:<15.1f}| {-n:+.0f} {n:%}")
i = 48879
print(f"{i:b} {i:o} {i:x} {i:X} {i:#x} {i:#o} {i:#b} {i:,} {i:_x} {i:08d} {i:+d} {i:c}")
print(f"{0.1 + 0.2} {0.1 + 0.2!r} {1e16} {1e-5} {123456789.0} {1.0} {2.5e-7:.2e} {float('inf'):f} {float('nan'):>6}")
print(f"{'text':>10}|{'text':<10}|{'text':^10}|{'text':.2}|{'x' * 3!r}")
name, width = "krait", 12
print(f"{name=} {width=} {name!r:>{width}} {len(name) * 2 = } {name.upper()=!s}")
print(f"{t} {t!r} {t:.1f} {t:.1F} {format(t, '08.2f')}")
print(f"{'nested ' + f'{1 + 1}'} {[f'{k}:{v}' for k, v in {'a': 1, 'b': 2}.items()]}")
print(f"{3.14159:{'.3f'}} {True:d} {True!s} {None!r} {3 + 4j} {(3 + 4j).real:.1f} {-0.0} {1/3:.30f}")
print(format(255, "#06x"), format(0.5, ".0%"), format(1234.5, "n"), format("s", "3"), format(-7, " d"))
print(f"{12:=+8d} {-12:=8d} {12:^+8d} {0.000123:.2g} {123456:.2g} {1.5:g} {100000000.0:g}")
print(f"{1/7:.17f} {2/3:.0f} {0.5:.0f} {1.5:.0f} {2.5:.0f} {-0.5:.0f} {1e300 * 1e10:f}")
d = datetime.date(2024, 2, 29)
dt = datetime.datetime(2023, 12, 31, 23, 59, 58, 123456)
print(f"{d} {d:%A %d %B %Y} {dt:%Y-%m-%dT%H:%M:%S.%f} {dt + datetime.timedelta(seconds=3)} {d.isoformat()}")
try:
    f"{i:z}"
except ValueError as e:
    print("ValueError:", e)
try:
    "{} {}".format(1)
except IndexError as e:
    print("IndexError:", e)
try:
    "%d" % "x"
except TypeError as e:
    print("TypeError:", e)

# Hot loop building formatted lines.
lines = []
for k in range(3000):
    lines.append(f"{k:05d}|{k * 1.5:8.2f}|{k:#x}|{'even' if k % 2 == 0 else 'odd':>4}")
print(len(lines), lines[0], lines[1234], lines[-1])
rows = ["%-5s%6.2f%%" % (chr(65 + k % 26), k / 7) for k in range(2000)]
print(rows[7], rows[-1], sum(len(r) for r in rows))
print(str.format_map("{a}+{b}", {"a": 1, "b": 2}), "{:,}".format(10 ** 20), "{:.2%}".format(1 / 3))
