# krait: expect interp_frames >= 1
# gc.collect() and counts of a specific class's live instances after hot
# loops that build cyclic structures, drop them, keep some, and run with
# the collector disabled; gc.get_referrers/referents on loop-built objects.
import gc


class Node:
    def __init__(self, v):
        self.v = v
        self.peers = []


def live():
    return sum(1 for o in gc.get_objects() if type(o) is Node)


def build(n, keep_every):
    kept = []
    for i in range(n):
        a = Node(i)
        b = Node(-i)
        a.peers.append(b)
        b.peers.append(a)
        a.peers.append(a)
        if keep_every and i % keep_every == 0:
            kept.append(a)
    return kept


gc.collect()
gc.disable()
print("start", live())
kept = build(2000, 100)
print("after build", live())
print("collected", gc.collect() >= 2 * (2000 - 20), live())
del kept
gc.collect()
print("after del", live())
gc.enable()


def tree(depth):
    node = Node(depth)
    if depth:
        for _ in range(2):
            child = tree(depth - 1)
            child.peers.append(node)
            node.peers.append(child)
    return node


root = tree(8)
print("tree", live())
del root
gc.collect()
print("tree gone", live())


def referrers(n):
    target = Node("target")
    holders = []
    for i in range(n):
        holders.append([target, i])
    refs = [r for r in gc.get_referrers(target) if isinstance(r, list) and len(r) == 2]
    return len(refs), len(gc.get_referents(holders[0]))


print(referrers(50))


def thresholds(n):
    old = gc.get_threshold()
    gc.set_threshold(10, 5, 5)
    made = 0
    for i in range(n):
        a = Node(i)
        a.peers.append(a)
        made += 1
    gc.set_threshold(*old)
    gc.collect()
    return made, live()


print(thresholds(5000))
print(gc.isenabled(), gc.is_tracked(Node(1)), gc.is_tracked(1), gc.is_tracked([]))
