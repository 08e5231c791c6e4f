# List/dict/set/generator comprehensions: nesting, filters, walrus, scoping,
# and big comprehensions as hot loops.
n = 60
squares = [i * i for i in range(n)]
print(squares[:10], sum(squares))
evens = [x for x in squares if x % 2 == 0 if x % 3 == 0]
print(evens[:8])
matrix = [[r * 10 + c for c in range(5)] for r in range(4)]
print(matrix)
print("transpose", [[row[i] for row in matrix] for i in range(5)])
print("flat", [v for row in matrix for v in row if v % 7 == 0])
print("pairs", [(a, b) for a in range(4) for b in range(a) if (a + b) % 2])

d = {k: k ** 3 for k in range(10) if k % 2}
print(d)
inv = {v: k for k, v in d.items()}
print(inv)
words = ["apple", "banana", "avocado", "cherry", "blueberry", "cranberry"]
by_letter = {w[0]: [x for x in words if x[0] == w[0]] for w in words}
print(dict(sorted(by_letter.items())))
print("lengths", sorted({len(w) for w in words}))
print("mods", sorted({i % 7 for i in range(1000)}))

gen = (i * 3 for i in range(10))
print(next(gen), next(gen), list(gen))
print("sum gen", sum(x for x in range(100000) if x % 3 == 0))
print("any/all", any(x > 50 for x in squares), all(x >= 0 for x in squares))

# Walrus inside comprehension binds in the enclosing scope.
data = [3, 8, 1, 9, 4]
acc = 0
partial_sums = [acc := acc + x for x in data]
print("partial sums", partial_sums, "acc", acc)
big = [y for x in range(20) if (y := x * x) > 100]
print("walrus filter", big, "last y", y)

# Comprehension variables do not leak.
x = "outer"
_ = [x for x in range(3)]
print("x after", x)

# Nested comprehension inside a function closing over a local.


def table(k):
    return [[i * j % k for j in range(k)] for i in range(k)]


print(table(5))

# Hot: big nested comprehension (several thousand iterations).
grid = [[(i ^ j) & 7 for j in range(80)] for i in range(80)]
print("grid sum", sum(map(sum, grid)), "counts", {v: sum(row.count(v) for row in grid) for v in range(8)})
pyth = [(a, b, c) for c in range(1, 60) for b in range(1, c) for a in range(1, b) if a * a + b * b == c * c]
print("pythagorean", len(pyth), pyth[:5])
print("set of tuples", sorted({(i % 3, i % 5) for i in range(100)})[:6])
print("dict from zip", dict(zip("abc", range(3))), {i: chr(65 + i) for i in range(5)})
print("nested gen", list((i, j) for i in range(3) for j in (i, -i)))
