"""Generator pipelines: chains of generator functions and generator
expressions (source -> filter -> map -> sliding window -> reduce), recursive
`yield from` traversal of a binary tree, and a send()-driven coroutine that
keeps running statistics.

The hot path is generator creation, suspension and resumption (including
nested `yield from` delegation): frames that outlive a single call, which a
tracing JIT has to handle without falling back to the interpreter.

Self-check: every pipeline result is compared with a closed-form formula or
with a plain loop over the same numbers; the tree walk must visit every node
in sorted order.
"""

import sys

N = 1_000_000
TREE_DEPTH = 15
ROUNDS = 2


def numbers(n):
    i = 0
    while i < n:
        yield i
        i += 1


def evens(source):
    for x in source:
        if x % 2 == 0:
            yield x


def squares(source):
    for x in source:
        yield x * x


def windows(source, size):
    """Sliding windows as tuples, one per input item once the window fills."""
    window = []
    for x in source:
        window.append(x)
        if len(window) > size:
            del window[0]
        if len(window) == size:
            yield tuple(window)


def pipeline(n):
    total = 0
    count = 0
    for w in windows(squares(evens(numbers(n))), 3):
        total += w[2] - w[0]
        count += 1
    return total, count


def expression_pipeline(n):
    odd_cubes = (x * x * x for x in range(n) if x % 2)
    return sum(c % 1000 for c in odd_cubes)


class Node:
    def __init__(self, value, left, right):
        self.value = value
        self.left = left
        self.right = right


def build_tree(lo, hi):
    """Balanced binary search tree over lo..hi-1."""
    if lo >= hi:
        return None
    mid = (lo + hi) // 2
    return Node(mid, build_tree(lo, mid), build_tree(mid + 1, hi))


def in_order(node):
    if node is not None:
        yield from in_order(node.left)
        yield node.value
        yield from in_order(node.right)


def running_stats():
    """Coroutine: send numbers in, get (count, total, maximum) back."""
    count = total = 0
    maximum = None
    while True:
        x = yield count, total, maximum
        count += 1
        total += x
        if maximum is None or x > maximum:
            maximum = x


def fail(msg):
    sys.exit("generators: self-check FAILED: " + msg)


def main():
    for _ in range(ROUNDS):
        total, count = pipeline(N)
        evens_count = (N + 1) // 2
        last = 2 * (evens_count - 1)
        # Telescoping: the sum of w[2] - w[0] over all windows is the sum of
        # the last two squares minus the sum of the first two (0 and 4).
        want = last * last + (last - 2) * (last - 2) - 0 - 4
        if count != evens_count - 2 or total != want:
            fail("pipeline gave (%d, %d), expected (%d, %d)"
                 % (total, count, want, evens_count - 2))

        got = expression_pipeline(N)
        want = 0
        for x in range(1, N, 2):
            want += (x * x * x) % 1000
        if got != want:
            fail("generator expression gave %d, expected %d" % (got, want))

    size = 2 ** TREE_DEPTH - 1
    tree = build_tree(0, size)
    visited = 0
    for expected, value in enumerate(in_order(tree)):
        if value != expected:
            fail("tree walk yielded %d at position %d" % (value, expected))
        visited += 1
    if visited != size:
        fail("tree walk visited %d of %d nodes" % (visited, size))

    stats = running_stats()
    next(stats)
    for x in range(N):
        result = stats.send((x * 7919) % 10007)
    want_total = sum((x * 7919) % 10007 for x in range(N))
    if result != (N, want_total, 10006):
        fail("coroutine gave %r, expected %r" % (result, (N, want_total, 10006)))

    print("generators: n=%d pipeline=%d tree=%d stats_total=%d"
          % (N, total, visited, want_total))


if __name__ == "__main__":
    main()
