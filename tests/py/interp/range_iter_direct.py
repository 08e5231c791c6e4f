# krait: expect-unless-chaos interp_range_iters >= 60
# `for x in range(...)` with one, two and three int arguments: the interpreter makes the
# range iterator straight from the arguments (no range object). Empty and reversed ranges,
# bounds at the edges of a C long (where CPython switches to its long range iterator), a
# zero step, non-int and big-int arguments (the generic call raises or builds a long
# iterator), a shadowed `range`, and ranges that are kept (not iterated at once).
import sys

M = sys.maxsize


def sums(n, a, b, c):
    out = []
    for i in range(n):
        out.append(i)
    for i in range(a, b):
        out.append(i)
    for i in range(a, b, c):
        out.append(i)
    return out[:5], out[-5:], len(out), sum(out)


def edges():
    out = []
    for lo, hi, step in [(M - 2, M, 1), (-M - 1, -M + 2, 1), (0, M, M), (M - 5, M, 2),
                         (-M, -M - 1, -1), (M, M - 3, -1), (-5, 5, 4), (9, 2, -3),
                         (2, 9, 3), (0, 10, -1), (5, 5, 1), (-M - 1, M, M)]:
        got = []
        for i in range(lo, hi, step):
            got.append(i)
            if len(got) > 4:
                break
        out.append((lo, hi, step, got))
    for hi in [0, 1, -7, M]:
        n = 0
        for i in range(hi):
            n += 1
            if n > 3:
                break
        out.append((hi, n))
    return out


def errors():
    out = []
    for args in [(1, 2, 0), (1.5,), ("a",), (True, 3), (2**70,), (1, 2**64), (0, 2, 2**63),
                 (-2**64, 0, 2**62)]:
        got = []
        try:
            if len(args) == 1:
                for i in range(args[0]):
                    got.append(i)
                    if len(got) > 2:
                        break
            elif len(args) == 2:
                for i in range(args[0], args[1]):
                    got.append(i)
                    if len(got) > 2:
                        break
            else:
                for i in range(args[0], args[1], args[2]):
                    got.append(i)
                    if len(got) > 2:
                        break
            out.append(("ok", args, got))
        except Exception as e:
            out.append((type(e).__name__, str(e), got))
    return out


def kept():
    rs = []
    for k in range(3):
        r = range(k, 10)
        rs.append((type(r).__name__, len(r), r[1], list(r)[:2]))
    it = iter(range(4))
    rs.append((type(it).__name__, next(it), list(it)))
    return rs


def shadowed():
    range = lambda n: [n, n + 1]  # noqa: A001
    out = []
    for x in range(7):
        out.append(x)
    return out


for _ in range(30):
    r1 = sums(20, 3, 17, 4)
    r2 = edges()
print(r1)
print(r2)
print(errors())
print(kept())
print(shadowed())
