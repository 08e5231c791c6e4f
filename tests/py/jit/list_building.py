# krait: expect traces_compiled >= 6
# krait: expect abort_op_LIST_APPEND == 0
# Loops that build lists and read closures: comprehensions (LIST_APPEND), list.append in a
# loop (including appending to the list being iterated, bounded), tuple/list unpacking,
# int()/float() conversions, and a comprehension reading its enclosing function's variables.
import math


def squares(n):
    return [i * i for i in range(n)]


def scaled(a, k):
    off = 0.5
    return [x * k + off for x in a]


def evens(a):
    out = []
    for x in a:
        if x % 2 == 0:
            out.append(x)
        else:
            out.append(-x)
    return out


def grow(a, limit):
    for x in a:
        if len(a) < limit:
            a.append(x + 1)
    return len(a), a[-3:]


def pairs(ps):
    s = 0
    t = 0.0
    for a, b in ps:
        s += a
        t += b
    return s, t


def conversions(n):
    acc = 0
    f = 0.0
    for i in range(n):
        acc += int(i * 0.75)
        f += float(i) / 3
    return acc, f


print(sum(squares(5000)), squares(3000)[-1])
print(scaled([1, 2, 3] * 1000, 2.0)[-4:])
print(sum(evens(list(range(4000)))))
print(grow([1, 2, 3], 3000))
print(pairs([(i, i / 8) for i in range(3000)]))
print(pairs([[i, -i * 0.5] for i in range(3000)]))
print(conversions(5000))
try:
    conversions_list = [int(x) for x in [1.5] * 3000 + [math.inf]]
except OverflowError as e:
    print("OverflowError:", e)
try:
    [int(x) for x in [2.5] * 3000 + [math.nan]]
except ValueError as e:
    print("ValueError:", e)
print([int(x) for x in [1e18, -1e18, 9.2e18, -9.2e18] * 700][-4:])
print([int(x) for x in [1.0] * 3000 + [1e30]][-1])
