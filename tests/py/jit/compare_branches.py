# krait: expect traces_compiled >= 4
# krait: expect exits_taken >= 50
# krait: expect side_traces >= 2
# Branches on int and float compares (`if` and `while` conditions): in a trace the compare
# feeds only its guard (the guard's snapshot holds the known outcome), and the x86-64 backend
# branches on the compare's flags. Every operator, both polarities (`if c` and `if not c`),
# NaN (unordered: false for < <= > >=, so `not (x < y)` holds), operands on either side of
# the compare, branches that flip (side traces start from the known bool), and loop
# conditions that end the loop at once or after thousands of iterations.


def floats(xs):
    n = 0
    for x in xs:
        if x > 0.5:
            n += 1
        if x <= 0.25:
            n += 10
        if not (x < 0.75):
            n += 100
        if x >= 0.1:
            n += 1000
        if 0.3 > x:
            n += 10000
        if not (x >= 0.6):
            n += 100000
    return n


def ints(xs, k):
    n = 0
    for x in xs:
        if x < k:
            n += 1
        if x == 7:
            n += 10
        if x != 3:
            n += 100
        if not (x > k):
            n += 1000
        if x >= k:
            n += 10000
        if k <= x:
            n += 100000
    return n


def count_up(limit, step):
    z = 0.0
    c = 0
    while z < limit:
        z += step
        c += 1
    return c


def count_down(n):
    c = 0
    while n > 0:
        n -= 3
        c += 1
    return c, n


nan = float("nan")
xs = [i / 100 for i in range(100)] * 20 + [nan] * 50 + [0.3, nan, 0.9, -0.0, 0.0] * 30
print(floats(xs), floats(xs[::-1]), floats([nan] * 500), floats([0.7] * 500))
ks = [i % 13 for i in range(3000)]
print(ints(ks, 6), ints(ks[::-1], 0), ints(ks, 13), ints([3] * 400 + [7] * 400, 5))
print(count_up(1000.0, 0.5), count_up(nan, 1.0), count_up(-1.0, 1.0), count_up(10.0, 0.25))
for n in (0, 1, 2, 3, 100, 10000, 30001):
    print(count_down(n))
