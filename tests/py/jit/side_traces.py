# krait: expect side_traces >= 2
# krait: expect traces_compiled >= 3
# krait: expect side_traces_patched >= 2
# krait: expect side_traces_linked >= 1
# Exits that stay hot grow side traces: a branch taken every third iteration, a list whose
# items alternate between int and float, and a side exit inside a side trace; every result
# must match CPython exactly.
def thirds(n):
    a = b = 0
    for i in range(n):
        if i % 3 == 0:
            a += i
        else:
            b -= i
    return a, b


def mixed(items):
    s = 0.0
    for x in items:
        s = s * 0.5 + x
    return s


def nested(n):
    c = [0, 0, 0, 0]
    for i in range(n):
        if i % 2 == 0:
            if i % 4 == 0:
                c[0] += 1
            else:
                c[1] += i
        else:
            c[2] += 1
            c[3] = c[3] + i * 2
    return c


def side_appends(n):
    out = []
    total = 0
    for i in range(n):
        if i % 4 == 3:
            out.append(i)
        else:
            total += i
    return total, len(out), out[-2:]


def side_rebinds_read_slot(n):
    i = j = 0
    while i < n and (j < n or i % 2):
        i += 1
        j += 2 if i % 3 else 0
    return i, j


print(thirds(30000))
print(side_appends(20000))
print(side_rebinds_read_slot(5000))
print(mixed([1, 2.5, 3, 4.25] * 3000))
print(mixed([k if k % 5 else k / 4 for k in range(12000)]))
print(nested(40000))
