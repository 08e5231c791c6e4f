# krait: expect interp_class_calls >= 100
# __init__ frames of plain class calls run inside Krait's loop (no C recursion): what the
# frame stack looks like from inside (sys._getframe, f_back, tracebacks), constructions
# nested deeper than the interpreter keeps inline, __init__ handed to CPython mid-way by
# sys.settrace, RecursionError entering __init__, __init__ raising after partly running,
# non-None results, and the order in which arguments and the new object are released.
import sys

log = []


class Noisy:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        log.append("del " + self.name)


class Holder:
    def __init__(self, a, b=None, *, fail=False, ret=None):
        self.a = a
        self.caller = sys._getframe(1).f_code.co_name
        self.back = sys._getframe().f_back.f_code.co_name
        if fail:
            raise ValueError(f"fail {a}")
        if ret is not None:
            return ret


class Tree:
    def __init__(self, depth):
        self.kids = [Tree(depth - 1), Tree(depth - 1)] if depth else []
        self.depth = depth


class Chain:
    def __init__(self, n):
        self.next = Chain(n - 1) if n else None


def count_chain(c):
    n = 0
    while c is not None:
        c = c.next
        n += 1
    return n


class Traced:
    def __init__(self, v):
        if v == 7:
            sys.settrace(lambda *a: None)
        self.v = v * 2
        sys.settrace(None)


def loop(n):
    out = []
    for i in range(n):
        h = Holder(i, b=i + 1)
        out.append((h.a, h.caller, h.back))
        try:
            Holder(i, fail=True)
        except ValueError as e:
            out.append((str(e), e.__traceback__.tb_next.tb_frame.f_code.co_name))
        try:
            Holder(i, ret=i + 1)
        except TypeError as e:
            out.append(str(e))
        log.append(f"start {i}")
        try:
            Holder(Noisy(f"arg{i}"), fail=i % 2 == 0)
        except ValueError:
            pass
        log.append(f"end {i}")
        out.append(Traced(i).v)
        if i % 10 == 0:
            out.append(count_chain(Chain(50 + i)))
            t = Tree(4)
            out.append((t.depth, len(t.kids), t.kids[0].kids[1].depth))
    return out


res = loop(60)
print(res[:12])
print(res[-12:])
print(log[:12], len(log))


def nest(k):
    return Chain(k)


limit = sys.getrecursionlimit()
for k in (limit // 2 - 5, limit // 2, limit // 2 + 5, limit):
    try:
        print(k, count_chain(nest(k)))
    except RecursionError as e:
        print(k, "RecursionError", e)
Holder(1, fail=True)
