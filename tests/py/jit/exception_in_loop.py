# krait: expect traces_compiled >= 1
# krait: expect exits_taken >= 1
# Exceptions raised inside compiled loops: an index past the end, a type error, an overflow
# caught inside the loop body, and one escaping with a traceback.
def walk(a, n):
    s = 0
    for i in range(n):
        s += a[i]
    return s


def guarded(a):
    s = 0
    bad = 0
    for i in range(len(a) + 3):
        try:
            s += a[i]
        except IndexError:
            bad += 1
    return s, bad


data = list(range(5000))
print(walk(data, 5000))
try:
    walk(data, 5001)
except IndexError as e:
    print("IndexError:", e)
print(guarded(data))
print(walk(data, -1), walk(data[::-1], 10))
walk(data + [None], 5001)
