# krait: expect traces_compiled >= 1
# krait: expect exits_taken >= 1
# Globals and builtins read in a compiled loop, then rebound from inside the loop (through a
# call on a rarely taken branch) and from outside between runs; a builtin shadowed by a global.
SCALE = 3
OFFSET = 1


def rebind(v):
    global SCALE
    SCALE = v


def run(n, switch_at):
    s = 0
    for i in range(n):
        s += i * SCALE + OFFSET
        if i == switch_at:
            rebind(SCALE + 1)
    return s


def lengths(rows):
    t = 0
    for r in rows:
        t += len(r)
    return t


print(run(10000, -1), SCALE)
print(run(10000, 4000), SCALE)
SCALE = 2.5
print(run(3000, -1))
rows = [[1, 2], (3,), [], [4, 5, 6]] * 500
print(lengths(rows))
len = lambda r: 7  # noqa: E731  (shadows the builtin for lengths())
print(lengths(rows))
del len
print(lengths(rows))
