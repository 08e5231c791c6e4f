# krait: expect hook_frames >= 1
# Arithmetic-only hot loops, the bread and butter of a tracing JIT: every
# binary/unary operator on ints and floats, comparisons chained and mixed,
# augmented assignment, overflow into big ints mid-trace, negative
# floor-division/modulo/shift semantics, and loops whose counters are
# floats or negative steps.


def int_ops(n):
    add = sub = mul = fdiv = mod = shl = shr = band = bor = bxor = neg = inv = 0
    for i in range(-n, n):
        j = (i % 17) - 8 or 3
        add += i + j
        sub += i - j
        mul += i * j
        fdiv += i // j
        mod += i % j
        shl += (i & 0xFF) << (j & 7)
        shr += i >> (j & 7)
        band += i & j
        bor += i | j
        bxor += i ^ j
        neg += -i
        inv += ~i
    return add, sub, mul, fdiv, mod, shl, shr, band, bor, bxor, neg, inv


print("int ops", int_ops(3000))


def float_ops(n):
    s = p = q = 0.0
    m = 1.0
    for i in range(1, n):
        x = i * 0.37
        s += x
        p += x * x - x / 3.0
        q += x % 2.5 - x // 1.5
        m = m * 1.0001 if i % 2 else m / 1.00005
    return s, p, q, m


print("float ops", float_ops(4000))


def mixed(n):
    acc = 0
    for i in range(n):
        if i % 3 == 0:
            acc += i          # int + int
        elif i % 3 == 1:
            acc += i * 0.5    # becomes float from here on
        else:
            acc -= i // 2
    return acc, type(acc).__name__


print("mixed", mixed(3000))


def compare_chain(n):
    hits = [0] * 6
    for i in range(n):
        a, b, c = i % 7, i % 11, i % 13
        if a < b < c:
            hits[0] += 1
        if a <= b == c:
            hits[1] += 1
        if not (a != b):
            hits[2] += 1
        if a > 3 and b > 5 or c == 0:
            hits[3] += 1
        if 2.5 < a < 5.5:
            hits[4] += 1
        if a is b:  # small ints are cached: identity equals equality here
            hits[5] += 1
    return hits


print("compare chains", compare_chain(5000))


def collatz_longest(limit):
    best, best_n = 0, 0
    for start in range(1, limit):
        n, steps = start, 0
        while n != 1:
            n = n // 2 if n % 2 == 0 else 3 * n + 1
            steps += 1
        if steps > best:
            best, best_n = steps, start
    return best_n, best


print("collatz", collatz_longest(3000))


def overflow_in_loop(n):
    v = 1
    history = []
    for i in range(n):
        v = v * 3 + 1
        if i % 20 == 19:
            history.append(v.bit_length())
    return history, v % 1000000007


print("overflow", overflow_in_loop(200))


def float_counter():
    x, steps = 0.0, 0
    while x < 100.0:
        x += 0.1
        steps += 1
    return x, steps


print("float counter", float_counter())


def negative_steps():
    total = 0
    for i in range(3000, -3000, -7):
        total += i // 7 + i % 7 + (i >> 2)
    return total


print("negative steps", negative_steps())


def gcd_loop(n):
    s = 0
    for a in range(1, n):
        b = (a * 7919) % 1000 + 1
        x, y = a, b
        while y:
            x, y = y, x % y
        s += x
    return s


print("gcd loop", gcd_loop(3000))


def bool_and_none(n):
    t = f = 0
    flag = None
    for i in range(n):
        flag = (flag is None) or (not flag)
        if flag:
            t += 1
        else:
            f += 1
    return t, f, flag


print("bool toggling", bool_and_none(4001))


def aug_assign_all(n):
    x = 1
    for i in range(1, n):
        x += i
        x -= i // 2
        x *= 3
        x //= 2
        x %= 10 ** 12
        x **= 1
        x <<= 1
        x >>= 1
        x |= 1
        x &= ~2
        x ^= i
    y = 1.0
    for i in range(1, n):
        y += i
        y /= 1.5
        y **= 1.0
    return x, y


print("augmented", aug_assign_all(3000))


def abs_min_max(n):
    s = 0
    for i in range(-n, n):
        s += abs(i) + max(i, 0) - min(i, 0) + (i > 0) - (i < 0)
    return s


print("builtins in loop", abs_min_max(2500))
