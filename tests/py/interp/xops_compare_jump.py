# krait: krait-env KRAIT_SPEC_STATS=1
# krait: expect-unless-chaos spec_compare_op_hits >= 4000
# COMPARE_OP followed by a forward conditional jump, one dispatch form per operator and jump
# (runtime/interp_xops.def XOP_COMPARE): `if a < b`, `if not a < b`, `while`, and `elif`
# chains as a dispatch loop writes them. Exact ints (one- and two-digit, negative, past
# 2**60 where the medium-int path ends), floats with NaN and signed zeros, and everything the
# generic COMPARE_OP must take: mixed int/float, bools, big ints, strs, objects whose rich
# comparisons run Python code (and return non-bools), and a comparison that raises (its
# traceback points at its own line). Ends with an uncaught TypeError from an `if`.
import math

OPS = ["<", "<=", "==", "!=", ">", ">="]


def branches(a, b):
    out = 0
    if a < b:
        out |= 1
    if a <= b:
        out |= 2
    if a == b:
        out |= 4
    if a != b:
        out |= 8
    if a > b:
        out |= 16
    if a >= b:
        out |= 32
    if not a < b:
        out |= 64
    if not a <= b:
        out |= 128
    if not a == b:
        out |= 256
    if not a != b:
        out |= 512
    if not a > b:
        out |= 1024
    if not a >= b:
        out |= 2048
    return out


def dispatch(code):
    # An if/elif chain on ints, as a bytecode interpreter written in Python has it.
    acc = 0
    for op in code:
        if op == 0:
            acc += 1
        elif op == 1:
            acc -= 2
        elif op == 2:
            acc *= 3
        elif op != 3:
            acc //= 2
        else:
            acc ^= 5
    return acc


def countdown(n, step):
    c = 0
    while n > 0:
        n -= step
        c += 1
    return c


class Odd:
    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        return "yes" if self.v < other else ""

    def __le__(self, other):
        return [1] if self.v <= other else []

    def __gt__(self, other):
        return self.v > other

    def __ge__(self, other):
        return self.v >= other

    def __ne__(self, other):
        return 0 if self.v == other else 2

    def __eq__(self, other):
        return self.v == other

    __hash__ = None


values = [0, 1, -1, 2, 2 ** 30, -(2 ** 30), 2 ** 59, 2 ** 60, 2 ** 62, -(2 ** 62), 2 ** 64,
          0.0, -0.0, 1.5, -2.5, math.inf, -math.inf, math.nan, True, False]
total = 0
for a in values:
    for b in values:
        total = total * 31 + branches(a, b) & 0xFFFFFFFFFFFF
print("numbers", total)
strs = ["", "a", "b", "ab", "a" * 40]
print("strs", [branches(x, y) for x in strs for y in strs][:12], sum(
    branches(x, y) for x in strs for y in strs))
print("objects", [branches(Odd(v), 3) for v in (1, 3, 5)])
print("dispatch", dispatch([i % 5 for i in range(3000)]), dispatch([3, 4, 0, 0, 2] * 50))
print("countdown", countdown(1000, 3), countdown(10.5, 0.25), countdown(0, 1), countdown(-1, 1))
try:
    branches(1, "x")
except TypeError as e:
    print("TypeError:", e)
for a, b in ((1, None), (None, 1)):
    try:
        if a < b:
            print("unreachable")
    except TypeError as e:
        print("TypeError:", e)
if [] < 1:
    print("unreachable")
