# krait: expect trace_new_lists >= 200
# krait: expect trace_empty_loops >= 1
# krait: expect abort_op_BUILD_LIST == 0
# Compiled loops that create lists (`x = []`: the new list goes straight into the local's
# frame slot, the old value released) and run inner for loops over empty sequences without
# an iterator (a length guard). Observable behaviour must stay CPython's: reference counts of
# the lists' items and of the replaced values, finalizers of replaced values and of cyclic
# garbage (a collection is left to the interpreter), ints that outgrow int64 after being
# appended, and leaving the loop right after an append.
import gc
import sys


def memo_walk(limit):
    # collatz.py's memoised_total: most starts meet a known value at once (empty path).
    known = [0] * limit
    total = 0
    for start in range(2, limit):
        path = []
        n = start
        while n >= limit or (n != 1 and known[n] == 0):
            path.append(n)
            n = n >> 1 if n & 1 == 0 else 3 * n + 1
        steps = known[n] if n < limit else 0
        for m in reversed(path):
            steps += 1
            if m < limit:
                known[m] = steps
        total += known[start]
    return total


def chunks(values, size):
    # A new list per chunk, handed out to another list (it must survive the next `cur = []`).
    out = []
    cur = []
    for v in values:
        if len(cur) == size:
            out.append(cur)
            cur = []
        cur.append(v)
    out.append(cur)
    return out


def last_of_many(n, obj):
    # The replaced lists hold `obj`: every release drops one reference.
    keep = None
    for i in range(n):
        keep = []
        keep.append(obj)
        keep.append(i)
    return keep


class Noisy:
    def __init__(self, tag):
        self.tag = tag

    def __del__(self):
        print("del", self.tag)


def replace_noisy(n):
    # The first old value has a finalizer: the trace must not release it itself.
    x = Noisy("first")
    for i in range(n):
        x = []
        x.append(i)
    return x


def replace_list_of_noisy(n):
    # An old list whose only reference is the slot, holding an object with a finalizer.
    x = [Noisy("inner")]
    total = 0
    for i in range(n):
        x = []
        x.append(i)
        total += len(x)
    return total, x


def shared(n):
    # The old list is also held by another local (only in the trace's registers): not
    # released early.
    a = []
    b = None
    for i in range(n):
        b = a
        a = []
        a.append(i)
        b.append(-i)
    return a, b


def empty_inner(rows):
    # Inner loops over empty and non-empty lists and tuples.
    total = 0
    for r in rows:
        for x in r:
            total += x
        for x in reversed(r) if type(r) is list else r:
            total -= 1
    return total


def grow_past_int64(n):
    out = []
    x = 3
    for i in range(n):
        row = []
        row.append(x)
        out.append(row)
        x = x * 7 + i
    return out


def stop_after_append(values, stop):
    out = []
    for v in values:
        cur = []
        cur.append(v * 2)
        out.append(cur)
        if v == stop:
            break
    return out


def item_across(n):
    # An item read from the list that `cur = []` releases, used after the release.
    cur = [10**15 + 1]
    total = 0
    for i in range(n):
        x = cur[0]
        total += x
        cur = []
        cur.append(x + i)
    return total, cur


def head_across(n):
    # An item of the new list carried into the next iteration, whose `cur = []` releases it.
    i = 0
    head = 0
    s = 0
    while i < n:
        cur = []
        cur.append(i * 10**9 + 7)
        head = cur[0]
        s += head
        i += 1
    return s, head, cur


class Cycle:
    count = 0

    def __init__(self):
        self.me = self

    def __del__(self):
        Cycle.count += 1


def with_collections(n):
    # Cyclic garbage with finalizers while lists are created: collections run, and finish,
    # where CPython runs them.
    seen = []
    for i in range(n):
        c = Cycle()
        c = None
        lst = []
        lst.append(Cycle.count)
        seen.append(lst)
    return seen


print(memo_walk(3000))
cs = chunks(list(range(1000)), 7)
print(len(cs), cs[0], cs[-1], sum(len(c) for c in cs))
token = object()
base = sys.getrefcount(token)
k = last_of_many(500, token)
print(k[0] is token, k[1], sys.getrefcount(token) - base)
del k
print(sys.getrefcount(token) - base)
print(replace_noisy(300))
print(replace_list_of_noisy(300))
a, b = shared(200)
print(a, len(b), b[:3], b[-3:])
rows = [[], (), [1, 2], (3,), [], (), [], [4], ()] * 40
print(empty_inner(rows))
g = grow_past_int64(60)
print(len(g), g[10], g[30], g[-1][0] % 1000003, sys.getrefcount(g[-1]))
print(stop_after_append(list(range(500)), 321)[-3:])
print(item_across(300))
print(head_across(300))
gc.collect()
old = gc.get_threshold()
gc.set_threshold(10)
s = with_collections(600)
gc.set_threshold(*old)
print([x[0] for x in s[::50]], Cycle.count)
