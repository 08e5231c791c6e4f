# `row = []` in a loop: one NEWLIST (the list goes into the local's slot, which releases the
# previous one), appends to it, and an inner loop over an empty list recorded as a length
# guard (no iterator, no loop).
def h(n):
    out = 0
    for i in range(n):
        row = []
        for x in reversed(row):
            out -= x
        row.append(i)
        out += len(row)
    return out


print(h(50))
