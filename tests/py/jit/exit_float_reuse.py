# krait: expect traces_compiled >= 2
# krait: expect exits_taken >= 100
# Leaving a trace boxes unboxed floats into the frame; a slot whose old float only the frame
# references takes the new value in place. Floats the program still holds elsewhere (an alias
# taken before the loop, a list it appended to, a dict value, a default argument) must keep
# their values, and identity between names must stay CPython's where the trace did not compute
# the value (`alias is s` after `alias = s` in the interpreter).


def sums(rows, scale):
    out = []
    s = 0.5
    before = s
    alias = None
    seen = {}
    for row in rows:
        for v in row:
            s = s * 0.5 + v * scale
        out.append(s)
        seen[len(out) % 3] = s
        alias = s
        print_it = alias is s
    return out[-3:], before, alias is s, print_it, sorted(seen.items())


def exits(vals, acc=1.25):
    hold = acc
    for v in vals:
        acc = acc + v
        if v < 0:
            break
    return acc, hold


def many_exits(n):
    got = []
    x = 2.0
    for i in range(n):
        for j in range(3):
            x = x * 1.5 - j
        got.append(x)
        if i % 200 == 0:
            x = 2.0
    return got[-2:], len(got)


rows = [[float(i % 5), 0.25, -1.0] for i in range(2000)]
print(sums(rows, 0.75))
for k in range(200):
    r = exits([0.5] * 40 + [-1.0] + [3.0])
print(r, exits([0.25] * 10))
print(many_exits(2000))
