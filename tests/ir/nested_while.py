# A while loop nested in a range loop: the inner loop is the root trace; its end (n <= 0)
# grows a side trace (trace 2) that passes the outer loop's back-edge and FOR_ITER, computes
# the new n and links straight into the inner loop (LINK: the range iterator's index store
# cannot alias anything the inner loop hoisted), so the whole nest runs compiled; the outer
# loop's r, which the inner loop neither reads nor carries, is written back to its frame slot
# (SSTORE). n // 4 is a shift, n % 4 a mask.
def g(rows):
    total = 0
    for r in range(rows):
        n = r * 64 + 4096
        while n > 0:
            total += n % 4
            n = n // 4
    return total


print(g(400))
