# krait: expect traces_compiled >= 3
# krait: expect side_traces_patched >= 2
# krait: expect exits_taken >= 100
# Side traces from exits in a root trace's pre-roll (the first, unrolled iteration, before
# the loop's invariants are in their registers): an inner loop that usually ends in its
# first iteration. Such a side trace is entered from the patched exit stub with the parent's
# registers; when it reaches the root's header it may continue in the root's loop by a
# register LINK only after computing again what the body takes from the pre-roll beyond its
# exit (the root keeps a list's size and items, a global's value and an unboxed float across
# its loop, loaded in the pre-roll: jit/branch_flip, jit/new_lists and
# jit/side_trace_to_enclosing_trace crash or print wrong results when such a side trace LINKs
# without that), or else leaves through the runtime, which enters the root from the frame.
# Grandchild side traces inherit that. (jit/preroll_exit_link_replay.py: the replay itself.)

TABLE = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8, 9, 7, 9, 3, 2, 3, 8, 4] * 10
SCALE = 2


def walk(n, limit):
    # Inner while loop: walks down until a known (non-zero) entry; most starts stop at once.
    known = [0] * limit
    total = 0
    acc = 0.5
    for start in range(1, limit):
        m = start
        steps = 0
        while m >= limit or known[m] == 0:
            steps += SCALE * TABLE[m % len(TABLE)]
            acc += 0.25
            if m % 3 == 0:
                m = m // 3
            else:
                m = m - 1
            if m == 0:
                break
        known[start] = steps + 1
        total += steps + (known[m] if m < limit else 0)
    return total, acc


def nested_lists(rows):
    # The inner for loop over a short row ends in its first iteration for most rows.
    out = 0
    for row in rows:
        for x in row:
            out += x * SCALE
            if x > 5:
                break
        out += len(row)
    return out


print(walk(0, 3000))
print(walk(1, 5000))
rows = [[i % 7] if i % 4 else [i % 11, 1, 2, 3] for i in range(4000)]
print(nested_lists(rows))
SCALE = 3  # a rebound global: the traces' guards leave, the results stay exact
print(walk(0, 2000), nested_lists(rows))
