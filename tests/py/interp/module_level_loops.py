# krait: expect interp_frames >= 1
# Module-level code with loops (LOAD_NAME/STORE_NAME on the module dict):
# accumulations, rebinding a builtin name at module level mid-loop, `del`
# of module names, comprehensions at module level, and nested loops.
total = 0
for i in range(5000):
    total += i * i
print(total)

words = []
for i in range(300):
    if i % 100 == 0:
        words.append(str(i))
    if i == 150:
        str = lambda x: "shadowed"      # noqa: A001
    if i == 250:
        del str
print(words)

grid = [[0] * 10 for _ in range(10)]
for r in range(10):
    for c in range(10):
        grid[r][c] = r * c
        if c > r:
            break
    else:
        print("row without break", r)
print(sum(map(sum, grid)))

k = 0
while k < 10000:
    k += 3
else:
    print("while-else", k)

names = {}
for n in range(100):
    names[f"n{n % 10}"] = n
    globals()[f"dyn{n % 3}"] = n
print(sorted(names.items()), dyn0, dyn1, dyn2)  # noqa: F821

del total
try:
    print(total)
except NameError as e:
    print("NameError:", e)

fib = [0, 1]
for _ in range(200):
    fib.append(fib[-1] + fib[-2])
print(fib[-1] % 1000000007, len(str(fib[-1])))

acc = ""
for ch in "module-level-string" * 50:
    acc += ch.upper() if ch in "aeiou" else ch
print(len(acc), acc[:25])
