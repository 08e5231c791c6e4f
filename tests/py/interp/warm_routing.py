# krait: expect interp_frames >= 3
# Warm-code routing: functions without loops run in CPython's loop for their first calls,
# then in Krait's interpreter (their call count is kept in the code object's co_extra slot);
# generators, closures and recursion cross that switch mid-way without a difference.
# Ends with a traceback through frames run by both loops.
import sys


def leaf(x, k=3):
    return x * k + 1


def gen(n):
    for i in range(n):
        yield leaf(i)


def make_adder(d):
    def add(v):
        return v + d
    return add


def rec(n):
    if n == 0:
        return [sys._getframe(1).f_code.co_name]
    return rec(n - 1) + [n]


def fail(i):
    if i == 40:
        raise KeyError(i)
    return i


results = []
for i in range(60):
    results.append(leaf(i))
    results.append(make_adder(i)(i))
    results.append(sum(gen(i % 5)))
    results.append(rec(i % 6)[-1])
print(results[:20], results[-20:], sum(results))


def driver():
    # not a loop: warms up through calls
    return fail(len(results) // 6)


print([driver() for _ in range(3)])
results.extend(range(40 * 6 - len(results)))
driver()
