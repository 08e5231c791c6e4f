# Globals and builtins in a loop: the frame's globals/builtins are guarded once, each name by
# its dict's keys version; len() of a list is its size field.
K = 3


def k(rows):
    t = 0
    for r in rows:
        t += len(r) * K
    return t


print(k([[1, 2], [3], []] * 20))
