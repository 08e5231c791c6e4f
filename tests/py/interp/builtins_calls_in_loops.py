# krait: expect interp_frames >= 1
# Builtin functions and methods called from hot loops with positional and
# keyword arguments (vectorcall with kwnames), defaults and errors:
# isinstance/issubclass, getattr/setattr/hasattr with defaults, iter/next
# with sentinel/default, sorted/min/max with key, sum with start,
# zip(strict=True), enumerate(start=), int(base=), str methods, dict.get,
# print(sep=, end=, file=) into a StringIO.
import io


class A:
    x = 1


class B(A):
    pass


def hot(n):
    buf = io.StringIO()
    acc = 0
    objs = [A(), B(), 3, "s", None]
    for i in range(n):
        o = objs[i % 5]
        acc += isinstance(o, A) + isinstance(o, (int, str)) + issubclass(type(o), A)
        acc += getattr(o, "x", 10) + hasattr(o, "x")
        if i % 100 == 0:
            setattr(B, "y", i)
            print(i, o.__class__.__name__, sep="|", end=";", file=buf)
        it = iter([i, i + 1])
        acc += next(it) + next(it) + next(it, 5)
        acc += sum([i, 1], start=2) + max(i, 3, key=lambda v: -v) + min([4, i], default=0)
        acc += len(sorted([3, 1, 2], key=lambda v: v % 3, reverse=True))
        acc += int("z", base=36) + int(str(i % 10), 10)
        acc += "a,b,c".split(",", maxsplit=1).__len__() + "abc".find("c", 1)
        acc += {"k": 1}.get("k", 0) + {}.get("q", 2)
        for a, (b, c) in enumerate(zip("xy", (1, 2), strict=True), start=i):
            acc += a + c
    return acc, buf.getvalue()[:60], B.y


print(hot(3000))


def errors():
    out = []
    cases = [
        lambda: zip([1], [1, 2], strict=True).__next__() and list(zip([1], [1, 2], strict=True)),
        lambda: next(iter([])),
        lambda: getattr(A(), "nope"),
        lambda: min([]),
        lambda: sum(["a"], start=""),
        lambda: int("9", base=8),
        lambda: sorted([1, "a"]),
        lambda: isinstance(1, 5),
        lambda: print(1, sep=5),
        lambda: "x".split(maxsplit="2"),
    ]
    for c in cases:
        for _ in range(3):
            try:
                c()
            except Exception as e:
                msg = f"{type(e).__name__}: {e}"
        out.append(msg)
    return out


for m in errors():
    print(m)


def iter_sentinel(n):
    data = list(range(n)) + [None, 1, 2]
    it = iter(data)
    got = list(iter(lambda: next(it), None))
    return len(got), got[-1]


print(iter_sentinel(5000))
