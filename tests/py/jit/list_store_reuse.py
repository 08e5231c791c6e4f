# krait: expect traces_compiled >= 5
# krait: expect exits_taken >= 5
# List stores of ints and floats from compiled code may give the new value to the old item
# in place when only the list references it. Everything observable must stay CPython's: items
# also referenced elsewhere keep their value, a value read from the list before the store and
# used after it is the old one, small ints are still CPython's cached objects, ints change
# digit counts (past 2**30 and 2**60) and signs, and floats shared by many slots stay shared.


def counts_of(data, bins):
    counts = [0] * bins
    for x in data:
        counts[x % bins] += 1
    return counts


def keep_old(values):
    total = 0
    for i in range(len(values)):
        old = values[i]
        values[i] = old * 3 - 7
        total += old
    return total


def swing(values, steps):
    # Each slot walks through the small-int range, negatives and past 2**30 and 2**60.
    for k in range(steps):
        for i in range(len(values)):
            values[i] = values[i] * -5 + k
    return values


def small_ints(n):
    a = [1000] * 4 + [1000 + k for k in range(4)]
    for k in range(n):
        a[k % 8] = k % 300 - 20
    return a


def floats(n):
    means = [0.0] * 8
    total = 0.0
    for i in range(n):
        total += i * 0.5
        means[i % 8] = total / (i + 1)
    return means


data = [(i * 7919) % 1013 for i in range(20000)]
c = counts_of(data, 16)
print(c, sum(c))
alias = [10**6 + k for k in range(300)]
extra = alias[:]  # every item also referenced from another list
held = alias[5]
print(keep_old(alias), alias[:3], extra[:3], held, alias[5] is held)
print(swing([1, 2, 3, -4, 2**29, 2**59], 30)[:6])
sa = small_ints(5000)
print(sa, [x is (int(str(x))) for x in sa if -5 <= x <= 256])
fl = floats(5000)
print(fl, fl[0] is fl[1])
zeros = [0.0] * 5
z0 = zeros[0]
print(floats(10), z0, zeros)
