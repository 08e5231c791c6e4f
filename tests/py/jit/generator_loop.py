# krait: expect traces_compiled >= 1
# Compiled loops inside generators: a computing loop between yields, resumed many times, and
# a generator abandoned mid-way.
def rows(n, width):
    for k in range(n):
        s = 0
        for i in range(width):
            s += (i * k) % 7
        yield k, s


def running(limit):
    total = 0.0
    i = 0
    while True:
        while total < limit:
            total += 0.5 * i
            i += 1
        yield i, total
        limit *= 2


print(sum(s for k, s in rows(200, 300)))
g = running(10.0)
print([next(g) for _ in range(12)])
g.close()
print(list(rows(3, 5000)))
