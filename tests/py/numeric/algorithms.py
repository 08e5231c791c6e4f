# krait: expect hook_frames >= 1
# Benchmark-style kernels (small sizes): n-body, spectral norm, fannkuch,
# dynamic programming (LCS / knapsack / edit distance), Dijkstra with heapq,
# and a tiny stack-machine interpreter.  Pure hot loops whose exact float
# results catch any reordering of floating-point operations.
import heapq


def nbody(steps):
    bodies = [
        [0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 39.47841760435743],
        [4.84, -1.16, -0.10, 0.606, 2.81, -0.02, 0.037],
        [8.34, 4.12, -0.40, -1.01, 1.82, 0.008, 0.011],
        [12.89, -15.11, -0.22, 1.08, 0.868, -0.01, 0.0017],
        [15.37, -25.91, 0.17, 0.979, 0.594, -0.034, 0.002],
    ]
    dt = 0.01
    n = len(bodies)
    for _ in range(steps):
        for i in range(n):
            bi = bodies[i]
            for j in range(i + 1, n):
                bj = bodies[j]
                dx, dy, dz = bi[0] - bj[0], bi[1] - bj[1], bi[2] - bj[2]
                d2 = dx * dx + dy * dy + dz * dz
                mag = dt / (d2 * d2 ** 0.5)
                mi, mj = bi[6] * mag, bj[6] * mag
                bi[3] -= dx * mj
                bi[4] -= dy * mj
                bi[5] -= dz * mj
                bj[3] += dx * mi
                bj[4] += dy * mi
                bj[5] += dz * mi
        for b in bodies:
            b[0] += dt * b[3]
            b[1] += dt * b[4]
            b[2] += dt * b[5]
    e = 0.0
    for i, b in enumerate(bodies):
        e += 0.5 * b[6] * (b[3] ** 2 + b[4] ** 2 + b[5] ** 2)
        for b2 in bodies[i + 1:]:
            d = ((b[0] - b2[0]) ** 2 + (b[1] - b2[1]) ** 2 + (b[2] - b2[2]) ** 2) ** 0.5
            e -= b[6] * b2[6] / d
    return e


print("nbody energy", nbody(600))


def spectral_norm(n):
    def a(i, j):
        return 1.0 / ((i + j) * (i + j + 1) / 2 + i + 1)

    def mul_av(v):
        return [sum(a(i, j) * v[j] for j in range(n)) for i in range(n)]

    def mul_atv(v):
        return [sum(a(j, i) * v[j] for j in range(n)) for i in range(n)]

    u = [1.0] * n
    for _ in range(5):
        v = mul_atv(mul_av(u))
        u = mul_atv(mul_av(v))
    vbv = sum(x * y for x, y in zip(u, v))
    vv = sum(x * x for x in v)
    return (vbv / vv) ** 0.5


print("spectral norm", spectral_norm(40))


def fannkuch(n):
    perm1 = list(range(n))
    count = [0] * n
    max_flips = checksum = 0
    r = n
    perm_count = 0
    while True:
        while r != 1:
            count[r - 1] = r
            r -= 1
        perm = perm1[:]
        flips = 0
        k = perm[0]
        while k:
            perm[:k + 1] = perm[k::-1]
            flips += 1
            k = perm[0]
        max_flips = max(max_flips, flips)
        checksum += flips if perm_count % 2 == 0 else -flips
        while True:
            if r == n:
                return checksum, max_flips
            p0 = perm1[0]
            perm1[:r] = perm1[1:r + 1]
            perm1[r] = p0
            count[r] -= 1
            if count[r] > 0:
                break
            r += 1
        perm_count += 1


print("fannkuch(7)", fannkuch(7))


def lcs(a, b):
    prev = [0] * (len(b) + 1)
    for ca in a:
        cur = [0]
        for j, cb in enumerate(b):
            cur.append(prev[j] + 1 if ca == cb else max(prev[j + 1], cur[j]))
        prev = cur
    return prev[-1]


def edit_distance(a, b):
    dp = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        prev, dp[0] = dp[0], i
        for j, cb in enumerate(b, 1):
            prev, dp[j] = dp[j], min(dp[j] + 1, dp[j - 1] + 1, prev + (ca != cb))
    return dp[-1]


def knapsack(items, cap):
    best = [0] * (cap + 1)
    for w, v in items:
        for c in range(cap, w - 1, -1):
            best[c] = max(best[c], best[c - w] + v)
    return best[cap]


s1 = "".join(chr(97 + (i * 7) % 26) for i in range(120))
s2 = "".join(chr(97 + (i * 11) % 26) for i in range(110))
print("lcs", lcs(s1, s2), "edit distance", edit_distance(s1, s2))
print("knapsack", knapsack([(w, (w * 37) % 23 + 1) for w in range(1, 40)], 200))


def dijkstra(n):
    graph = {i: [((i * 7 + k) % n, (i * k) % 13 + 1) for k in range(1, 5)] for i in range(n)}
    dist = {0: 0}
    pq = [(0, 0)]
    while pq:
        d, u = heapq.heappop(pq)
        if d > dist.get(u, float("inf")):
            continue
        for v, w in graph[u]:
            nd = d + w
            if nd < dist.get(v, float("inf")):
                dist[v] = nd
                heapq.heappush(pq, (nd, v))
    return len(dist), sum(dist.values()), max(dist.values())


print("dijkstra", dijkstra(2000))


def run_vm(program, steps_limit=100000):
    stack, pc, steps, out = [], 0, 0, []
    regs = {}
    while pc < len(program) and steps < steps_limit:
        op, *args = program[pc]
        steps += 1
        pc += 1
        if op == "push":
            stack.append(args[0])
        elif op == "load":
            stack.append(regs.get(args[0], 0))
        elif op == "store":
            regs[args[0]] = stack.pop()
        elif op == "add":
            b, a = stack.pop(), stack.pop()
            stack.append(a + b)
        elif op == "mul":
            b, a = stack.pop(), stack.pop()
            stack.append(a * b)
        elif op == "lt":
            b, a = stack.pop(), stack.pop()
            stack.append(a < b)
        elif op == "jz":
            if not stack.pop():
                pc = args[0]
        elif op == "jmp":
            pc = args[0]
        elif op == "print":
            out.append(stack.pop())
    return out, steps, regs


# s = sum(i * i for i in range(1000)), then print s.
prog = [
    ("push", 0), ("store", "i"), ("push", 0), ("store", "s"),
    ("load", "i"), ("push", 1000), ("lt",), ("jz", 19),                   # 4: loop test
    ("load", "s"), ("load", "i"), ("load", "i"), ("mul",), ("add",), ("store", "s"),
    ("load", "i"), ("push", 1), ("add",), ("store", "i"), ("jmp", 4),
    ("load", "s"), ("print",),                                           # 19: exit
]
print("vm", run_vm(prog))
