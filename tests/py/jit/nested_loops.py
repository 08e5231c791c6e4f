# krait: expect side_traces_outer >= 3
# krait: expect side_traces_other_loop >= 1
# krait: expect side_traces_linked >= 2
# krait: expect traces_compiled >= 6
# krait: expect exits_taken >= 1
# Outer loops run compiled: the inner loop's exit grows a side trace through the rest of the
# outer body and its back-edge into the inner loop again. Covers a while loop in a range loop
# (linked straight into the inner loop), three levels of while loops over floats (an outer
# body changing what the inner loop only reads), outer bodies that skip the inner loop, an
# accumulator of the outer loop overflowing into big ints and turning into a float, an
# exception and a break in the outer body, and the int shifts and power-of-two // and % the
# inner loops use (negative values, counts past 63, a negative count raising). Where an
# enclosing loop has a trace of its own, a side trace ends at its header instead of going
# round it (side_traces_other_loop).


def chain_steps(limit):
    total = 0
    best = (0, 0)
    for start in range(1, limit):
        n = start
        steps = 0
        while n > 1:
            if n % 2:
                n = 3 * n + 1
            else:
                n //= 2
            steps += 1
        total += steps
        if steps > best[1]:
            best = (start, steps)
    return total, best


def grid(width, height, max_iter):
    inside = 0
    mags = 0.0
    j = 0
    while j < height:
        ci = (j - height / 2) * 0.05
        i = 0
        while i < width:
            cr = -2.0 + i * 0.04
            zr = zi = 0.0
            n = 0
            while n < max_iter and zr * zr + zi * zi <= 4.0:
                zr, zi = zr * zr - zi * zi + cr, 2.0 * zr * zi + ci
                n += 1
            if n == max_iter:
                inside += 1
            else:
                mags += zr * zr + zi * zi
            i += 1
        j += 1
    return inside, mags


def skipping(n):
    # The inner loop does not run for multiples of 5: the outer back-edge comes round twice.
    out = 0
    for k in range(n):
        m = k % 5
        while m > 0:
            out += m
            m -= 1
    return out


def growing(n):
    # The outer accumulator becomes a big int, then a float.
    acc = 1
    for k in range(n):
        j = 0
        while j < 3:
            j += 1
        acc = acc * 3 + j
        if k == n - 20:
            acc = acc / 7.0
    return acc


def raising(n):
    total = 0
    try:
        for k in range(n):
            j = k
            while j > 0:
                j -= 2
            total += 10 // (k - (n - 7)) + j
    except ZeroDivisionError as e:
        return "raised", total, repr(e)
    return total


def breaking(n):
    found = None
    for k in range(1, n):
        j = k
        c = 0
        while j > 1:
            j = j >> 1
            c += 1
        if c == 9:
            found = k
            break
    return found


def shifts(n):
    acc = 0
    for k in range(-n, n):
        acc += (k >> 3) + (k >> 70) + (k // 8) + (k % 16) + (k // -4) + (k % -8)
    big = 1 << 80
    acc += big >> 3
    try:
        acc += 5 >> (n - 2 * n)
    except ValueError as e:
        print("shift:", e)
    return acc


print(chain_steps(3000))
print(grid(60, 41, 40))
print(skipping(4000))
print(growing(400))
print(raising(3000))
print(breaking(5000))
print(shifts(3000))
