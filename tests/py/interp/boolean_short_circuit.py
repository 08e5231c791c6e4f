# krait: expect interp_frames >= 1
# and / or / not / conditional expressions in hot loops (JUMP_IF_FALSE_OR_POP,
# JUMP_IF_TRUE_OR_POP, POP_JUMP_*), with operands that count their
# evaluations and __bool__ calls, values that are not bools, and __bool__
# raising in the middle of a chain.
calls = {"bool": 0, "val": 0}


class B:
    def __init__(self, v):
        self.v = v

    def __bool__(self):
        calls["bool"] += 1
        return self.v

    def __repr__(self):
        return f"B({self.v})"


def val(x):
    calls["val"] += 1
    return x


def chains(n):
    out = []
    for i in range(n):
        a = B(i % 2 == 0)
        b = B(i % 3 == 0)
        r1 = a and b
        r2 = a or b
        r3 = val(i % 4) and val("x") or val([])
        r4 = not (a and not b)
        r5 = (val(0) or val("") or val(None) or val(i)) if a else (b or "fallback")
        r6 = val(i) if i % 5 else val(-i)
        if a and (b or i % 7 == 0):
            out.append((r1, r2, r3, r4, r5, r6))
    return out[:4], len(out), dict(calls)


print(chains(3000))


class Bad:
    def __bool__(self):
        raise ZeroDivisionError("bool failed")


def raising(n):
    caught = 0
    for i in range(n):
        try:
            x = (i % 2 == 0) and Bad() and 1
            if x:
                pass
        except ZeroDivisionError:
            caught += 1
        try:
            y = [] or Bad() or 2
            while y:
                break
        except ZeroDivisionError:
            caught += 1
    return caught


print(raising(1000))


def values(n):
    acc = []
    for i in range(n):
        acc.append((i and "t") or 0)
        acc.append(i > 5 and i < 8 or None)
        acc.append([] or {} or () or "" or 0 or 0.0 or None)
    return acc[-6:], acc[:6]


print(values(10))


def nested_conditions(n):
    count = 0
    for i in range(n):
        if (i % 2 and i % 3) or (not i % 5 and i % 7):
            count += 1
        elif not (i % 11 or i % 13):
            count += 100
        count += 1 if i % 17 == 0 else 0
    return count


print(nested_conditions(20000))


def uncaught(n):
    for i in range(n):
        if i == n - 1 and Bad():
            pass


uncaught(50)
