# krait: expect traces_compiled >= 6
# krait: expect side_traces >= 4
# krait: expect side_traces_outer >= 1
# krait: expect side_traces_patched >= 4
# Inner `for` loops over lists that start anew in every outer iteration (nbody's kick and drift
# loops inside `for _ in range(steps)`, rows of a matrix): the end of each inner loop grows a side
# trace through the outer body that reuses the exhausted iterator for the next loop's list and
# enters that loop's trace. Everything observable stays CPython's: finalizers of items held only
# by the inner loop's list run when CPython runs them, empty and changing rows, lists swapped
# between outer iterations, an iterator kept by name, and the loop ending in the middle. Inner
# `for j in range(...)` loops reuse the previous range iterator the same way (empty, negative
# and huge bounds, a bound that stops being an int, range with a step).


class Noisy:
    def __init__(self, tag):
        self.tag = tag

    def __del__(self):
        print("del", self.tag)


def step(bodies, pairs, steps):
    for _ in range(steps):
        for a, b in pairs:
            d = a[0] - b[0]
            a[1] -= d * 0.001
            b[1] += d * 0.001
        for b in bodies:
            b[0] += b[1] * 0.01
    return [round(b[0], 9) for b in bodies]


def row_sums(rows):
    out = []
    for row in rows:
        s = 0
        for x in row:
            s += x
        out.append(s)
    return out


def two_inner(rows, scale):
    t = 0.0
    for row in rows:
        for x in row:
            t += x * scale
        for x in row:
            t -= x
    return t


def fresh_lists(n):
    # Each inner list is made in the outer body (only the iterator holds it afterwards).
    total = 0
    for i in range(n):
        for x in [i, i + 1, i + 2]:
            total += x
    return total


def finalizers(n):
    for i in range(n):
        for x in [Noisy(i)]:
            pass
        if i % 500 == 499:
            print("after", i)


def grid(n, m, lo, hi):
    t = 0
    for i in range(n):
        for j in range(m):
            t += i * j
        for j in range(lo + i % 3, hi):
            t -= j
    return t


def stepped(n):
    t = 0
    for i in range(n):
        for j in range(i % 4):
            t += j
        for j in range(0, 6, 2):
            t += j
    return t


big = 2**62
print(grid(300, 7, 0, 7), grid(300, 0, -5, 0), grid(300, 3, -10, -12), grid(200, 4, big, big + 4))
print(grid(300, 6, 2, 6), stepped(2000))
try:
    grid(300, 5, 2.5, 5)
except TypeError as e:
    print("TypeError", e)


bodies = [[float(i), 0.5 * i] for i in range(5)]
pairs = [(bodies[i], bodies[j]) for i in range(5) for j in range(i + 1, 5)]
print(step(bodies, pairs, 2000))

rows = [[i * j for j in range(i % 7)] for i in range(3000)]
print(sum(row_sums(rows)), row_sums(rows)[:10])
rows[2500] = [1.5, 2.5]
print(sum(row_sums(rows)))
rows[2800] = (1, 2, 3)
print(sum(row_sums(rows)))
print(two_inner([[1.0, 2.0, 3.0]] * 2000 + [[], [4.0]], 2.0))
print(fresh_lists(3000))
finalizers(1000)
print("done")
