# krait: expect interp_frames >= 1
# krait: expect-unless-chaos spec_binary_op_hits >= 2000000
# krait: krait-env KRAIT_SPEC_STATS=1
# The medium-int fast paths of the operators CPython 3.11 leaves generic (% // & | ^ >> <<,
# and their in-place forms): every sign combination, values at and beyond one 30-bit digit,
# shifts by 0..100 and by negative counts, zero divisors, bools (whose & | ^ stay bools) and
# int subclasses (their own methods), compared with CPython's results and errors. Ends with
# an uncaught ZeroDivisionError from a hot loop.
import itertools
vals = [0, 1, -1, 2, -2, 3, -3, 7, -7, 255, 256, 257, -256, -257, 1000, -1000, 2**30-1, -(2**30-1), 2**29, -2**29, 2**30, -2**30, 2**31, 12345678, -12345678]
shifts = [0, 1, 2, 5, 29, 30, 31, 32, 33, 40, 62, 63, 64, 65, 100, -1]
out = []
for a, b in itertools.product(vals, vals):
    for op in ("%", "//", "&", "|", "^"):
        try:
            r = eval(f"a {op} b")
            out.append((a, b, op, r, type(r).__name__))
        except Exception as e:
            out.append((a, b, op, type(e).__name__, str(e)))
for a, b in itertools.product(vals, shifts):
    for op in (">>", "<<"):
        try:
            r = eval(f"a {op} b")
            out.append((a, b, op, r))
        except Exception as e:
            out.append((a, b, op, type(e).__name__, str(e)))
def hot(n):
    s = 0
    for i in range(-n, n):
        s += (i % 7) + (i // 3) + (i & 5) + (i | 2) + (i ^ 9) + (i >> 2) + (i << 3) + (i % -4) + (i // -5)
        x = i; x %= 11; x //= 2; x &= 3; x |= 8; x ^= 1; x >>= 1; x <<= 2
        s += x
    return s
print(hot(50000))
import hashlib; print(len(out), hashlib.sha1(repr(out).encode()).hexdigest())
for o in out[:50]: print(o)
print([x for x in out if "Error" in str(x)][:20])


class I(int):
    def __mod__(self, o):
        return "I.mod"

    def __rshift__(self, o):
        return "I.rshift"


def odd_types(n):
    r = []
    for i in range(n):
        b = i % 2 == 0
        r.append((b & True, b | False, b ^ True, I(i) % 3, I(i) >> 1, 7 % I(3), True << 3, 5 // True))
    return r[-2:]


print(odd_types(200))


def zero_div(n):
    t = 0
    for i in range(n, -1, -1):
        t += 1000 // i + 1000 % (i or 1)
    return t


zero_div(3000)
