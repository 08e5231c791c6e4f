# krait: expect traces_compiled >= 2
# krait: expect exits_taken >= 100
# krait: expect exit_numbers_in_place >= 1000
# Leaving a trace boxes unboxed ints into the frame; a slot whose old int only the frame
# references takes the new value in place when both have as many 30-bit digits (one or two).
# Ints the program still holds elsewhere (an alias taken before the loop, a list it appended
# to, a dict value, a default argument) keep their values; results in CPython's small-int
# range are CPython's shared objects; values of three digits and sign changes are boxed
# anew or in place as they fit.
import sys


def walk(rows, scale):
    out = []
    s = 1000
    before = s
    alias = None
    seen = {}
    for row in rows:
        for v in row:
            s = (s * 3 + v * scale) % 1000003 - 500000
        out.append(s)
        seen[len(out) % 3] = s
        alias = s
        same = alias is s
    return out[-3:], before, alias is s, same, sorted(seen.items())


def exits(vals, acc=123456):
    hold = acc
    for v in vals:
        acc = acc + v
        if v < 0:
            break
    return acc, hold, acc is hold


def small_results(n):
    # Each run leaves with a value in the shared small-int range: it must be the shared one.
    got = []
    for k in range(n):
        x = 10**6 + k
        for j in range(40):
            x = x - 25000 - k
        got.append((x, x is int(str(x))))
    return got[:2], got[-2:]


def digits(n):
    # Values of one, two and three digits (2**30, 2**60) and negative ones through one slot.
    got = []
    x = 1
    for i in range(n):
        for j in range(5):
            x = x * 3 + j
        if x > 2**62:
            x = -x // 7
        got.append(x)
        if i % 7 == 0:
            x = 5
    return got[-4:], [g.bit_length() for g in got[:12]], sys.getrefcount(got[-1]) > 1


rows = [[i % 5, 2, -1] for i in range(2000)]
print(walk(rows, 3))
for k in range(200):
    r = exits([5] * 40 + [-1] + [3])
print(r, exits([7] * 10))
print(small_results(300))
print(digits(400))
