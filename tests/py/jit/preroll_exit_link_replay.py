# krait: expect side_traces_linked >= 1
# krait: expect exits_taken <= 18000
# krait: expect traces_compiled >= 3
# Side traces from exits in a root trace's pre-roll (the peeled first iteration) continue in
# the root's loop by a register LINK after computing again, at the loop header, what the loop
# body takes from the pre-roll beyond their exit: loads and values it keeps in registers and
# guards it no longer repeats (jit/record.cpp replay_root_preroll). The inner `for` over
# `reversed(chain)` is recorded through the store; its first iteration often leaves at
# `u < limit`, before the pre-roll has loaded and checked `depth`. Then what those replayed
# guards check changes between calls: `depth` becomes a dict, `limit` a float,
# the global SCALE a float; such links leave at the loop header and the results stay exact.

SCALE = 1


def depth_total(limit, depth):
    # depth[v]: steps from v down to 0 by v -> v - 1 (odd) or v >> 1 (even), filled in from
    # each chain's end; a chain starts above the table for most v0.
    total = 0
    for v0 in range(1, limit):
        chain = []
        v = 3 * v0 + 1
        while v >= limit or (v > 0 and depth[v] == 0):
            chain.append(v)
            v = v - 1 if v & 1 else v >> 1
        level = depth[v] if v < limit else 0
        for u in reversed(chain):
            level += SCALE
            if u < limit:
                depth[u] = level
        total += level
    return total


print(depth_total(3000, [0] * 3000))
print(depth_total(2000, [0] * 3000))
print(depth_total(2000, {k: 0 for k in range(3000)}))
SCALE = 2
print(depth_total(1500, [0] * 3000))
SCALE = 0.5
print(depth_total(1000, [0] * 3000))
SCALE = 1
try:
    print(depth_total(1000.0, [0] * 3000))
except TypeError as e:
    print("TypeError", e)
print(depth_total(600, [0] * 600))
