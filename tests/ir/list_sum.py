# Iterating a list and storing into another: the list's size and item pointer are loop
# invariant; the stored int is boxed by the store helper, whose guard exits before the store
# when the old item is not a number.
def h(a, out):
    i = 0
    for x in a:
        out[i] = x + 1
        i += 1
    return out


print(sum(h(list(range(50)), [0] * 50)))
