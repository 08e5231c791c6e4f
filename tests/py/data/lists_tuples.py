# list / tuple semantics: methods, slice assignment and deletion with
# steps, sort stability and key/reverse, comparisons, aliasing vs copying,
# plus deque, bisect, heapq and array, and list-heavy hot loops.
import array
import bisect
import collections
import heapq

lst = [5, 3, 8, 1]
lst.append(9)
lst.extend((2, 7))
lst.insert(2, 0)
lst.insert(-1, 42)
lst.insert(100, -1)
print(list(lst), lst.index(8), lst.count(3), lst.pop(), lst.pop(0), lst)
lst.remove(42)
lst.sort()
print(lst, sorted(lst, reverse=True), lst[::-1], list(reversed(lst)))
lst[1:3] = ["a", "b", "c"]
print(lst)
lst[::2] = [0] * len(lst[::2])
print(lst)
try:
    lst[::2] = [1]
except ValueError as e:
    print("ValueError:", e)
del lst[1::2]
print(lst, lst * 2, [0] * 3 + [1], lst[10:20], lst[-100:1])
try:
    [].pop()
except IndexError as e:
    print("IndexError:", e)
try:
    [1].remove(2)
except ValueError as e:
    print("ValueError:", e)
try:
    sorted([1, "a"])
except TypeError as e:
    print("TypeError:", e)

alias = copy = [[1], [2]]
copy = list(alias)
alias[0].append("shared")
alias.append([3])
print(alias, copy, alias == copy, alias[0] is copy[0])
grid = [[0] * 3] * 2
grid[0][0] = 1
print("aliased rows", grid)
print([1, 2, 3] < [1, 2, 4], [1, 2] < [1, 2, 0], (1, "a") < (1, "b"), [] == [], [0] == [False], (1,) + (2, 3))

t = (1, [2, 3], "x")
t[1].append(4)
print(t, t.count(1), t.index("x"), len(t), t[1:], (1,) * 3, tuple("ab"), () == tuple())
try:
    t[0] = 5
except TypeError as e:
    print("TypeError:", e)
try:
    hash(t)
except TypeError as e:
    print("TypeError:", e)
print(hash((1, 2)) == hash((1, 2)), (1, 2) == (1.0, 2.0), hash(1) == hash(1.0))

recs = [("b", 2), ("a", 2), ("c", 1), ("a", 1)]
print(sorted(recs), sorted(recs, key=lambda r: r[1]), sorted(recs, key=lambda r: r[1], reverse=True))
recs.sort(key=lambda r: r[0])
print("stable", recs)

dq = collections.deque([1, 2, 3], maxlen=5)
dq.appendleft(0)
dq.extend([4, 5, 6])
print(list(dq), dq.popleft(), dq.pop(), dq)
dq.rotate(2)
print(dq, dq[1], len(dq), dq.maxlen, dq.count(4))
dq.rotate(-3)
print(dq, list(reversed(dq)))

srt = []
for v in [50, 10, 40, 20, 30, 20]:
    bisect.insort(srt, v)
print(srt, bisect.bisect_left(srt, 20), bisect.bisect_right(srt, 20), bisect.bisect(srt, 35))
grades = [bisect.bisect([60, 70, 80, 90], s) for s in (33, 99, 77, 70, 89, 90, 100)]
print("grades", ["FDCBA"[g] for g in grades])
h = [9, 4, 7, 1, 8]
heapq.heapify(h)
print(list(h), heapq.heappushpop(h, 3), heapq.heapreplace(h, 10), sorted(h), heapq.nsmallest(2, h))
print(list(heapq.merge([1, 4, 9], [2, 3, 10])))

arr = array.array("i", range(10))
arr.append(100)
arr[0] = -5
print(arr, arr.typecode, arr.itemsize, arr.tolist()[:3], sum(arr), array.array("d", [1.5, 2.5]))
try:
    arr.append(2 ** 40)
except OverflowError as e:
    print("OverflowError:", e)

# Hot loops: in-place updates, append/pop stacks, matrix multiply.
vals = list(range(3000))
for i in range(len(vals)):
    vals[i] = (vals[i] * vals[i]) % 1013
print("squares mod", sum(vals), vals[:5], vals.index(max(vals)))
stack = []
balance_ok = True
for ch in "([{}])" * 800 + "(()":
    if ch in "([{":
        stack.append(ch)
    else:
        top = stack.pop() if stack else None
        if (top, ch) not in (("(", ")"), ("[", "]"), ("{", "}")):
            balance_ok = False
print("balanced", balance_ok, "left on stack", len(stack))
n = 30
A = [[(i + j) % 7 for j in range(n)] for i in range(n)]
B = [[(i * j) % 5 for j in range(n)] for i in range(n)]
C = [[sum(A[i][k] * B[k][j] for k in range(n)) for j in range(n)] for i in range(n)]
print("matmul trace", sum(C[i][i] for i in range(n)), C[3][:5])
bubble = [(i * 37) % 101 for i in range(120)]
for i in range(len(bubble)):
    for j in range(len(bubble) - 1 - i):
        if bubble[j] > bubble[j + 1]:
            bubble[j], bubble[j + 1] = bubble[j + 1], bubble[j]
print("bubble sorted", bubble == sorted(bubble), bubble[:5], bubble[-3:])
