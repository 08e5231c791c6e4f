# krait: expect interp_frames >= 1
# Plain Python-to-Python calls made from hot loops (which Krait runs inside
# its own loop, pushing and popping frames like CPython's inlined calls):
# frame objects captured in the callee and inspected after it returned
# (f_back, f_lineno, f_locals), tracebacks through several such levels,
# exceptions caught inside the callee, defaults, closures, RecursionError
# caught mid-chain and the loop continuing, and generators created by
# callees.
import sys
import traceback

saved = []


def leaf(a, b=10):
    f = sys._getframe()
    saved.append(f)
    return a + b


def mid(a):
    total = 0
    for k in range(2):
        total += leaf(a, k)
    return total + leaf(a)


def hot(n):
    acc = 0
    for i in range(n):
        acc += mid(i)
    return acc


print(hot(1000))
print(len(saved))
last = saved[-1]
print(last.f_code.co_name, last.f_lineno, sorted(last.f_locals), last.f_locals["a"],
      last.f_back.f_code.co_name, last.f_back.f_lineno,
      last.f_back.f_back.f_code.co_name, last.f_back.f_back.f_lineno)
first = saved[0]
print({k: v for k, v in first.f_locals.items() if k != "f"}, first.f_back.f_locals["a"], first.f_back.f_back.f_locals["i"])
saved.clear()


def boom(x):
    return {}[x]


def level2(x):
    y = x * 2
    return boom(y) + 1


def level1(x):
    return level2(x + 1)


def driver(n):
    caught = 0
    for i in range(n):
        try:
            level1(i)
        except KeyError as e:
            caught += 1
            if i == n - 1:
                tb = traceback.extract_tb(e.__traceback__)
                print([(f.name, f.lineno, f.line) for f in tb])
                t = e.__traceback__
                frames = []
                while t:
                    frames.append((t.tb_frame.f_code.co_name, sorted(t.tb_frame.f_locals)))
                    t = t.tb_next
                print(frames)
    return caught


print(driver(500))


def safe_div(a, b):
    try:
        return a / b
    except ZeroDivisionError:
        return "inf"
    finally:
        saved.append(b)


def uses_safe(n):
    out = []
    for i in range(n):
        out.append(safe_div(i, i % 3))
    return out[:6], len(saved)


print(uses_safe(300))
saved.clear()


def make_counter():
    count = 0

    def inc(step=1):
        nonlocal count
        count += step
        return count
    return inc


def closures(n):
    inc = make_counter()
    total = 0
    for i in range(n):
        total += inc() + inc(2)
    return total, inc.__closure__[0].cell_contents


print(closures(2000))


def rec(n):
    return rec(n + 1) if n < 10**6 else n


def recursion_mid_loop(n):
    results = []
    for i in range(n):
        try:
            rec(0)
        except RecursionError as e:
            results.append(str(e))
        results.append(mid(i))
    return results[:4], len(results)


print(recursion_mid_loop(5))


def gen_factory(k):
    for i in range(k):
        yield i * i


def make_gen(k):
    return gen_factory(k)


def consume_gens(n):
    total = 0
    for i in range(n):
        total += sum(make_gen(i % 10))
    return total


print(consume_gens(2000))


def method_chain(n):
    class Acc:
        def __init__(self):
            self.v = 0

        def add(self, x):
            self.v += x
            return self

        def get(self):
            return self.v
    a = Acc()
    for i in range(n):
        a.add(i).add(1)
    return a.get()


print(method_chain(3000))


def uncaught(n):
    for i in range(n):
        level1(i) if i == n - 1 else mid(i)


uncaught(100)
