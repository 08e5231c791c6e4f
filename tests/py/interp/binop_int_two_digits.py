# krait: expect-unless-chaos spec_binary_op_hits >= 52000
# krait: expect-unless-chaos spec_binary_op_misses <= 13000
# krait: krait-env KRAIT_SPEC_STATS=1
# Ints of up to two 30-bit digits (|v| < 2**60) take the interpreter's inline paths for
# + - * % // & | ^ >> << (runtime/interp_inline.h int60): every operator at the digit
# boundaries (2**30, 2**60), negative values, products and shifts that overflow into big ints,
# zero divisors and negative shift counts (CPython's errors), results in the small-int cache
# (identity), a 32-bit LCG (a product of two-digit values masked back), and results reusing a
# temporary operand.
import operator

EDGES = [0, 1, -1, 2, 255, 256, 257, -5, -6, 2**30 - 1, 2**30, 2**30 + 1, -(2**30), -(2**30) - 1,
         2**31, 2**45 + 12345, -(2**45) - 7, 2**59, 2**60 - 1, -(2**60) + 1, 2**60, -(2**60),
         2**61 + 3, 2**63, -(2**63) - 1, 2**64 + 5]
SHIFTS = [0, 1, 2, 5, 29, 30, 31, 32, 33, 59, 60, 61, 62, 63, 64, 100]

ops = [("+", operator.add), ("-", operator.sub), ("*", operator.mul), ("%", operator.mod),
       ("//", operator.floordiv), ("&", operator.and_), ("|", operator.or_),
       ("^", operator.xor)]


def table(a, b):
    out = []
    for _ in range(3):  # the loop makes the code warm and the paths specialized
        row = [a + b, a - b, a * b, a & b, a | b, a ^ b]
        try:
            row.append(a % b)
            row.append(a // b)
        except ZeroDivisionError as e:
            row.append(str(e))
        out.append(tuple(row))
    return out[-1]


checksum = 0
for a in EDGES:
    for b in EDGES:
        row = table(a, b)
        for (name, fn), got in zip(ops, (row[0], row[1], row[2], row[6] if len(row) > 7 else None,
                                         row[7] if len(row) > 7 else None, row[3], row[4],
                                         row[5])):
            if got is None:
                continue
            want = fn(a, b)
            if got != want or type(got) is not int:
                print("MISMATCH", a, name, b, got, want)
        checksum = (checksum * 31 + hash(row)) % (2**61 - 1)
print("table checksum", checksum)


def shifts(a, n):
    out = []
    for _ in range(3):
        try:
            out.append((a << n, a >> n))
        except ValueError as e:
            out.append(str(e))
    return out[-1]


for a in EDGES:
    print(a, [shifts(a, n) for n in SHIFTS][:4], hash(tuple(shifts(a, n) for n in SHIFTS)))
print("negative count", shifts(5, -1), shifts(2**40, -3))


def lcg(seed, n):
    state = seed & 0xFFFFFFFF
    out = 0
    for _ in range(n):
        state = (state * 1664525 + 1013904223) & 0xFFFFFFFF
        out ^= (state >> 8) % 1000
    return state, out


print("lcg", lcg(12345, 50000))


def small_identity(n):
    # Results in -5..256 are CPython's cached small ints: `is` sees the same object.
    same = 0
    seven, hundred = int("7"), int("100")
    for i in range(n):
        big = 2**40 + i
        x = big - (2**40 + i) + 7        # 7 from two-digit operands
        y = (big * 3) // (big * 3) + 99  # 100
        same += (x is seven) + (y is hundred)
    return same


print("identity", small_identity(1000))


def products(n):
    # Two-digit products overflowing int64 become big ints, exactly.
    t = 0
    a = 2**40 + 1
    for i in range(n):
        t += (a + i) * (a - i) - (a * a - i * i)
        t += ((a + i) * (2**29 + i)) % 97
    return t


print("products", products(3000))
