# krait: expect interp_frames >= 1
# while loops in every shape: while/else with and without break, while True
# with break, conditions on None (compiled to POP_JUMP_*_IF_NONE), on
# objects with __bool__/__len__, nested while/for with else clauses, and
# continue statements.
def collatz_max(n):
    best = (0, 0)
    for start in range(1, n):
        x = start
        steps = 0
        while x != 1:
            x = x // 2 if x % 2 == 0 else 3 * x + 1
            steps += 1
        else:
            if steps > best[1]:
                best = (start, steps)
    return best


print(collatz_max(3000))


def while_else_break(n):
    out = []
    for target in (7, n + 5):
        i = 0
        while i < n:
            if i == target:
                out.append(("break", i))
                break
            i += 1
        else:
            out.append(("else", i))
    return out


print(while_else_break(1000))


class Node:
    def __init__(self, v, nxt):
        self.v, self.nxt = v, nxt


def linked(n):
    head = None
    for i in range(n):
        head = Node(i, head)
    total = 0
    node = head
    while node is not None:
        total += node.v
        node = node.nxt
    cur = head
    hops = 0
    while cur.nxt is not None:
        cur = cur.nxt
        hops += 1
    sentinel = [None] * 5 + [1]
    k = 0
    while sentinel[k] is None:
        k += 1
    return total, hops, k


print(linked(5000))


class Shrinking:
    def __init__(self, n):
        self.n = n

    def __len__(self):
        return self.n


def truthy_conditions(n):
    s = Shrinking(n)
    loops = 0
    while s:
        s.n -= 1
        loops += 1
    lst = list(range(n))
    while lst:
        lst.pop()
        loops += 1
    text = "x" * 100
    while text and text[0] == "x":
        text = text[1:]
    return loops, text


print(truthy_conditions(2000))


def while_true(n):
    i = 0
    acc = 0
    while True:
        i += 1
        if i % 2:
            continue
        acc += i
        if i >= n:
            break
    return acc


print(while_true(10000))


def nested_else(n):
    primes = []
    k = 2
    while len(primes) < n:
        d = 2
        while d * d <= k:
            if k % d == 0:
                break
            d += 1
        else:
            primes.append(k)
        k += 1
    return primes[-5:], len(primes)


print(nested_else(500))


def and_or_conditions(n):
    i = j = 0
    while i < n and (j < n or i % 2) and not (i == j == 999):
        i += 1
        j += 2 if i % 3 else 0
    return i, j


print(and_or_conditions(5000))
