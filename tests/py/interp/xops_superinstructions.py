# krait: expect interp_frames >= 1
# Krait's own dispatch forms (runtime/interp_xops.def): BINARY_OP per operator, float and
# one-digit int results written into temporaries only the value stack holds, and the
# super-instructions LOAD_FAST+LOAD_FAST, LOAD_FAST+LOAD_CONST, LOAD_CONST+LOAD_FAST,
# STORE_FAST+LOAD_FAST and STORE_FAST+STORE_FAST, including their second halves failing
# (unbound locals raise at their own line) and a destructor that switches tracing on between
# two stores. Ends with an uncaught UnboundLocalError from a super-instruction's second half.
import sys


def floats(n):
    out = []
    x = 1.5
    y = x * 2.0          # y is held by a local: never reused in place
    keep = y
    total = 0.0
    for i in range(n):
        t = (x * i + 0.25) * (y - i) / (i + 1.0)   # temporaries reused in place
        total += t
        u = y + 1.0
        out.append(x * y + i)                       # a reused temporary escapes into the list
    assert keep is y and y == 3.0 and u == 4.0
    return total, out[:3], out[-1], sys.getrefcount(y), sys.getrefcount(keep)


def ints(n):
    res = []
    k = 0
    for i in range(n):
        k = (i * 3) - 7 + (i * i - i * i)           # medium temporaries reused in place
        small = (i * 2 - i * 2) + 5
        res.append(small is 5)
        big = (i * 40000) * 40000 + 1               # crosses one 30-bit digit
        neg = (i * 3) - (i * 7)
        edge = (i - i) + (1 << 30) - 1              # the largest one-digit value
        over = (i - i) + (1 << 30) - 1 + 1          # one past it: two digits
    return k, all(res), big, neg, edge, over, type(over)


def mixed(n):
    acc = []
    for i in range(n):
        a = 2.5 + i * 2     # float + int temporary
        b = (i * 2) * 0.5   # int temporary * float
        acc.append((a, b, (i + 1) / 2.0, 1.0 / (i + 1)))
    return acc[-1], len(acc)


def unbound_second(which):
    a = 1
    b = 2
    if which == 0:
        del b
        return a, b          # LOAD_FAST a; LOAD_FAST b
    if which == 1:
        del b
        return 7, b          # LOAD_CONST; LOAD_FAST b
    if which == 2:
        del b
        a = 3; c = b         # STORE_FAST a; LOAD_FAST b
        return c
    return a + b


def unbound_first():
    a = 1
    del a
    return a, 5              # LOAD_FAST a (unbound); LOAD_CONST


events = []


def tracer(frame, event, arg):
    if frame.f_code.co_name == "stores":
        events.append((event, frame.f_lineno - stores.__code__.co_firstlineno))
    return tracer


class SetsTrace:
    def __del__(self):
        sys._getframe(1).f_trace = tracer
        sys.settrace(tracer)


def stores(n):
    x = SetsTrace()
    for i in range(n):
        x, y = i, i + 1      # the first store frees SetsTrace: tracing starts
        z = y
    sys.settrace(None)
    return x, y, z


for r in range(3):
    print(floats(2000))
    print(ints(3000))
    print(mixed(1500))
    for which in range(4):
        try:
            print(unbound_second(which))
        except UnboundLocalError as e:
            print(which, type(e).__name__, e, e.__traceback__.tb_next.tb_lineno)
    try:
        unbound_first()
    except UnboundLocalError as e:
        print("first", e, e.__traceback__.tb_next.tb_lineno)
events.clear()
print(stores(3), events[:8], len(events))
unbound_second(0)
