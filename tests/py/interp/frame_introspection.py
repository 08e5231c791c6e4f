# krait: expect interp_frames >= 1
# sys._getframe().f_lineno / f_locals / f_back / f_lasti-derived line and
# locals() read inside hot loops: the frame seen from inside (and from a
# callee via f_back) must show the current line, current local values,
# cells and free variables, and unbound locals left out.
import sys


def lines(n):
    seen = []
    for i in range(n):
        a = sys._getframe().f_lineno
        b = sys._getframe().f_lineno
        if i % 1000 == 0:
            seen.append((a, b))
    return seen


print(lines(3000))


def caller_line():
    f = sys._getframe(1)
    return f.f_code.co_name, f.f_lineno, sorted(k for k in f.f_locals if not k.startswith("_"))


def from_callee(n):
    out = []
    for i in range(n):
        x = i
        if i % 500 == 0:
            out.append(caller_line())
        y = -i
    return out


for row in from_callee(1500):
    print(row)


def f_locals_snapshots(n):
    snaps = []
    captured = 0

    def inner():
        return captured

    for i in range(n):
        captured = i * 2
        if i % 400 == 0:
            fl = sys._getframe().f_locals
            snaps.append({k: fl[k] for k in sorted(fl) if k not in ("inner", "fl", "snaps")})
        if i == 1000:
            later = "bound now"  # noqa: F841
    return snaps, inner()


for s in f_locals_snapshots(1300)[0]:
    print(s)


def locals_in_loop(n):
    out = []
    for i in range(n):
        t = i % 3
        if i % 250 == 0:
            loc = locals()
            out.append(sorted((k, v) for k, v in loc.items() if k in ("i", "t", "n")))
    return out


print(locals_in_loop(1000))


def write_to_f_locals_is_ignored(n):
    v = 1
    for i in range(n):
        if i == 10:
            sys._getframe().f_locals["v"] = 999
        v += 1
    return v


print(write_to_f_locals_is_ignored(100))


def gen_frame(n):
    def g():
        acc = 0
        for k in range(n):
            acc += k
            yield sys._getframe().f_lineno, acc
    it = g()
    out = []
    for item in it:
        if item[1] % 10000 == 0:
            out.append((item, it.gi_frame.f_lineno, it.gi_frame.f_locals["k"]))
    return out[:4], it.gi_frame


print(gen_frame(2000))


def f_back_chain(depth):
    names = []
    for _ in range(1):
        if depth:
            names = f_back_chain(depth - 1)
            continue
        f = sys._getframe()
        while f is not None:
            names.append((f.f_code.co_name, f.f_lineno))
            f = f.f_back
    return names


print(f_back_chain(4))


def lasti_monotonic(n):
    out = []
    for i in range(n):
        out.append(sys._getframe().f_lasti)
    return len(set(out)), out[0] == out[-1]


print(lasti_monotonic(500))
