# krait: expect interp_frames >= 1
# Generators resumed thousands of times, abandoned mid-way (finally blocks
# and context managers must run at the same point when the last reference
# goes), generators kept in containers, generator expressions in loops, and
# generators that are garbage collected in a cycle.
import gc


class Tracker:
    log = []

    def __init__(self, name):
        self.name = name

    def __enter__(self):
        Tracker.log.append(("enter", self.name))
        return self

    def __exit__(self, *exc):
        Tracker.log.append(("exit", self.name, exc[0].__name__ if exc[0] else None))
        return False


def numbers(name, limit):
    with Tracker(name):
        try:
            i = 0
            while i < limit:
                yield i
                i += 1
        finally:
            Tracker.log.append(("finally", name, i))


def resumed_many(n):
    total = 0
    for v in numbers("full", n):
        total += v
    return total


print(resumed_many(20000))


def abandon(n):
    results = []
    for k in range(n):
        g = numbers(f"g{k}", 100)
        for v in g:
            if v == k:
                break
        results.append(v)
        Tracker.log.append(("before-drop", k))
        del g                                   # finally runs right here
        Tracker.log.append(("after-drop", k))
    return results


print(abandon(5))
for entry in Tracker.log:
    print(entry)
Tracker.log.clear()


def genexp_num(n):
    acc = 0
    for i in range(n):
        acc += sum(x * x for x in range(i % 20))
        acc += any(x > 15 for x in range(i % 17))
        acc += len(list(y for y in (1, 2, 3) if y != i % 3))
    return acc


print(genexp_num(3000))


def partially_consumed(n):
    gens = [numbers(f"p{k}", 10) for k in range(n)]
    for k, g in enumerate(gens):
        for _ in range(k % 4):
            next(g)
    started = sum(1 for e in Tracker.log if e[0] == "enter")
    gens.clear()                              # unstarted ones never entered the with
    return started, sorted(Tracker.log)[:6], len(Tracker.log)


print(partially_consumed(8))
Tracker.log.clear()


def cyclic(n):
    class Node:
        pass
    for k in range(n):
        node = Node()
        node.gen = numbers(f"c{k}", 5)
        next(node.gen)
        node.gen.gi_frame.f_locals       # touch the frame
        node.self_ref = node
        del node
    before = len(Tracker.log)
    gc.collect()
    return before, len(Tracker.log), sorted(set(e[0] for e in Tracker.log))


print(cyclic(10))


def interleaved(n):
    gs = [iter(numbers(f"i{k}", n)) for k in range(4)]
    out = 0
    for step in range(n):
        for g in gs:
            out += next(g) * (step % 3)
    for g in gs:
        g.close()
    return out, len(Tracker.log)


print(interleaved(3000))
