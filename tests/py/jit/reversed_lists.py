# krait: expect traces_compiled >= 4
# krait: expect exits_taken >= 4
# `for x in reversed(a_list)` runs compiled (the list's reverse iterator counts down). Edge
# cases: the list shrinking inside the loop (the iterator stops early, as CPython's), the list
# growing (not seen: the index only goes down), an item of another type, big ints, and an
# exception raised in the body.


def backfill(path, table):
    steps = 0
    for m in reversed(path):
        steps += 1
        if m < len(table):
            table[m] = steps
    return steps


def shrinking(xs):
    seen = 0
    for x in reversed(xs):
        seen += x
        if x % 97 == 0:
            xs.pop()
            xs.pop()
    return seen, len(xs)


def growing(xs):
    total = 0
    for x in reversed(xs):
        total = total * 3 % 1000003 + x
        if len(xs) < 4000:
            xs.append(x)
    return total, len(xs)


def summed(xs):
    s = 0
    for x in reversed(xs):
        s += x
    return s


def raising(xs):
    out = 0
    try:
        for x in reversed(xs):
            out += 100 // x
    except ZeroDivisionError as e:
        return "raised", out, str(e)
    return out


table = [0] * 500
print(backfill(list(range(1000)), table), sum(table), table[:5], table[-3:])
print(shrinking(list(range(1, 3000))))
print(growing(list(range(2000))))
print(summed(list(range(3000))), summed([1] * 1000 + [2.5] + [1] * 1000))
print(summed([1] * 1500 + [2**80] + [1] * 1500))
print(raising(list(range(0, 3000))))
print(list(reversed([])), [x for x in reversed([1, 2, 3])])
