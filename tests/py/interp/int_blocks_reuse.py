# krait: expect-unless-chaos spec_binary_op_hits >= 100000
# krait: krait-env KRAIT_SPEC_STATS=1
# Dead one- and two-digit ints freed by the interpreter's fast paths keep their blocks for the
# next ints of the same size (runtime/interp_inline.h free_int / pop_int_block): values of
# one and two digits, both signs, survivors kept in lists while neighbours die (no block is
# handed out twice), shrunk results (a two-digit int becoming one digit), ints freed by
# libpython and by the interpreter mixed, reference counts (tracemalloc:
# int_blocks_tracemalloc.py).
import sys


def churn(base, n, keep_every):
    kept = []
    total = 0
    for i in range(n):
        a = base + i
        b = a * 3 - base
        c = b - a  # dies next iteration
        total += c
        if i % keep_every == 0:
            kept.append(c)
    return total, kept


for base in (1000, 2**29 + 5, -(2**29) - 5, 2**31 + 7, 2**45 + 3, -(2**50) - 1, 2**59):
    for _ in range(3):
        total, kept = churn(base, 5000, 7)
    want = [2 * (base + i) - base for i in range(0, 5000, 7)]
    print(base, total, kept == want, len(set(map(id, kept))) == len(kept))


# Shrinking: two-digit operands, one-digit results, and the reverse, through the same loop.
def shrink(n):
    out = []
    x = 2**40
    for i in range(n):
        y = x - 2**40 + i  # one digit from two
        z = y + 2**40  # two digits from one
        out.append((y, z))
    return out


for _ in range(3):
    pairs = shrink(3000)
print("shrink", pairs[:3], pairs[-1], all(z - y == 2**40 for y, z in pairs))

# Ints created by libpython (int(), sum) die in the interpreter and the reverse.
for _ in range(3):
    acc = 0
    for s in map(str, range(10**6, 10**6 + 4000)):
        acc += int(s) * 2
    mixed = sum(i * 2**31 for i in range(2000))
print("mixed", acc, mixed)

# Reference counts of a kept int stay exact while others churn.
keeper = 2**35 + 11
before = sys.getrefcount(keeper)
for _ in range(3):
    churn(2**33, 4000, 10**9)
print("refcount", sys.getrefcount(keeper) - before)
