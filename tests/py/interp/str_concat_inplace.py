# krait: expect interp_frames >= 1
# `s += t` / `s = s + t` on str in hot loops: CPython (and Krait) append in
# place when the local holds the only reference.  An alias held by another
# variable, a container, a closure cell, a global or a default argument must
# never see the string change.
import sys


def build(n):
    s = ""
    for i in range(n):
        s += str(i % 10)
    return s


r = build(10000)
print(len(r), r[:20], r[-20:], hash(r) == hash(str(r)))


def aliased_local(n):
    s = "start:"
    snapshots = []
    for i in range(n):
        if i % 500 == 0:
            alias = s            # second reference: must not be mutated
            snapshots.append(alias)
        s += "ab"
        s = s + "c"
    return len(s), [len(x) for x in snapshots], snapshots[1][-6:], alias[-3:]


print(aliased_local(3000))


def alias_in_container(n):
    s = "x"
    box = []
    for i in range(n):
        s += "y"
        if i in (10, 100, 1000):
            box.append(s)
            d = {"k": s}
    return [len(b) for b in box], len(d["k"]), len(s)


print(alias_in_container(2000))


def alias_is_other_local(n):
    s = "q" * 3
    t = s
    for i in range(n):
        s = t + "z"     # lhs is t, which is also what... no: s is rebound
        t = s if i % 2 else t
    return len(s), len(t)


print(alias_is_other_local(1000))


GLOBAL_S = "g"


def global_alias(n):
    s = GLOBAL_S
    for i in range(n):
        s += "!"
    return len(s), GLOBAL_S


print(global_alias(1000))


def default_alias(n, s="def"):
    for i in range(n):
        s += "."
    return len(s)


print(default_alias(100), default_alias(100), default_alias.__defaults__)


def closure_alias(n):
    s = "c"

    def peek():
        return s

    out = []
    for i in range(n):
        s += "+"
        if i % 300 == 0:
            out.append(len(peek()))
    return out, len(s)


print(closure_alias(1000))


def s_plus_s(n):
    s = "ab"
    for i in range(n):
        s = s + s if len(s) < 5000 else s[:2]
    return len(s), s[:6]


print(s_plus_s(300))


def mixed_types(n):
    s = ""
    errs = 0
    for i in range(n):
        try:
            s += i if i % 250 == 249 else "k"
        except TypeError as e:
            errs += 1
            msg = str(e)
    return len(s), errs, msg


print(mixed_types(1000))


class S(str):
    pass


def subclass_concat(n):
    s = S("sub")
    for i in range(n):
        s += "x"
    return type(s).__name__, len(s)


print(subclass_concat(500))


def refcount_of_alias(n):
    base = "ref-" + str(n)
    before = sys.getrefcount(base)
    s = base
    for i in range(n):
        s += "."
    return sys.getrefcount(base) - before, base, len(s)


print(refcount_of_alias(1000))


def unicode_widths(n):
    s = "a"
    for i in range(n):
        s += ["b", "\u00e9", "\u4e2d", "\U0001f600"][i % 4]
    return len(s), s[-8:], s.encode("utf-8")[-12:]


print(unicode_widths(2000))
