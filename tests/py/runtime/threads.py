# threading: lock-protected shared counters, per-thread results joined in a
# fixed order, Condition-based handoff, ThreadPoolExecutor, thread-locals,
# Barrier and Semaphore.  All output is independent of scheduling.
import concurrent.futures
import queue
import threading

counter = 0
lock = threading.Lock()


def bump(n):
    global counter
    for _ in range(n):
        with lock:
            counter += 1


threads = [threading.Thread(target=bump, args=(5000,)) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("counter", counter)

results = [None] * 6


def compute(idx):
    # Pure per-thread work written to its own slot: no ordering dependence.
    acc = 0
    for i in range(4000):
        acc = (acc * 31 + i * idx) % 1000003
    results[idx] = acc


ts = [threading.Thread(target=compute, args=(i,)) for i in range(6)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print("results", results)

# Strict ping-pong between two threads via a Condition.
cond = threading.Condition()
turn = ["ping"]
transcript = []


def player(me, other, rounds):
    for _ in range(rounds):
        with cond:
            cond.wait_for(lambda: turn[0] == me)
            transcript.append(me)
            turn[0] = other
            cond.notify_all()


p1 = threading.Thread(target=player, args=("ping", "pong", 50))
p2 = threading.Thread(target=player, args=("pong", "ping", 50))
p1.start()
p2.start()
p1.join()
p2.join()
print("ping-pong", len(transcript), transcript[:4], all(transcript[i] != transcript[i + 1] for i in range(99)))

# Producer/consumer over a Queue; the sum is order-independent.
q = queue.Queue()


def produce():
    for i in range(3000):
        q.put(i)
    q.put(None)


def consume(out):
    s = 0
    while (item := q.get()) is not None:
        s += item
    out.append(s)


out = []
tp, tc = threading.Thread(target=produce), threading.Thread(target=consume, args=(out,))
tc.start()
tp.start()
tp.join()
tc.join()
print("queue sum", out)

with concurrent.futures.ThreadPoolExecutor(max_workers=3) as ex:
    squares = list(ex.map(lambda x: sum(i * x for i in range(1000)), range(10)))
    futs = {ex.submit(pow, 3, k, 1000007): k for k in range(5)}
    by_key = sorted((futs[f], f.result()) for f in concurrent.futures.as_completed(futs))
print("pool map", squares)
print("pool submit", by_key)

local = threading.local()
seen = {}
seen_lock = threading.Lock()


def use_local(name):
    local.name = name
    local.count = 0
    for _ in range(1000):
        local.count += 1
    with seen_lock:
        seen[name] = (local.name, local.count)


ts = [threading.Thread(target=use_local, args=(f"t{i}",)) for i in range(4)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print("thread locals", sorted(seen.items()), hasattr(local, "name"))

barrier = threading.Barrier(3)
phases = []
phase_lock = threading.Lock()


def phased(i):
    with phase_lock:
        phases.append(("before", i))
    barrier.wait()
    with phase_lock:
        phases.append(("after", i))


ts = [threading.Thread(target=phased, args=(i,)) for i in range(3)]
for t in ts:
    t.start()
for t in ts:
    t.join()
# Every "before" precedes every "after", whatever the interleaving.
print("barrier ok", [p[0] for p in phases] == ["before"] * 3 + ["after"] * 3)

sem = threading.BoundedSemaphore(2)
active = [0]
peak = [0]


def limited():
    with sem:
        with lock:
            active[0] += 1
            peak[0] = max(peak[0], active[0])
        for _ in range(2000):
            pass
        with lock:
            active[0] -= 1


ts = [threading.Thread(target=limited) for _ in range(5)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print("semaphore peak <= 2:", peak[0] <= 2, "active", active[0])
try:
    sem.release()
except ValueError as e:
    print("ValueError:", e)
print("main thread", threading.current_thread().name, threading.active_count())
