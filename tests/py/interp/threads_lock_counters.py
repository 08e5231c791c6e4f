# krait: expect interp_frames >= 1
# Several threads increment shared counters in hot loops: with a Lock the
# totals are exact; with per-thread slots and a Condition/Event/Barrier
# hand-off the results are deterministic too.
import threading

N_THREADS = 6
N_ITERS = 20000

lock = threading.Lock()
shared = {"count": 0, "sum": 0}


def locked_worker(k):
    for i in range(N_ITERS):
        with lock:
            shared["count"] += 1
            shared["sum"] += i % (k + 2)


threads = [threading.Thread(target=locked_worker, args=(k,)) for k in range(N_THREADS)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(shared)

slots = [0] * N_THREADS


def slot_worker(k):
    local = 0
    for i in range(N_ITERS):
        local += i * k
        if i % 5000 == 0:
            slots[k] = local
    slots[k] = local


threads = [threading.Thread(target=slot_worker, args=(k,)) for k in range(N_THREADS)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(slots)

barrier = threading.Barrier(4)
order = []
order_lock = threading.Lock()


def phased(k):
    for phase in range(3):
        acc = 0
        for i in range(2000 * (k + 1)):
            acc += i
        with order_lock:
            order.append((phase, acc))
        barrier.wait()


threads = [threading.Thread(target=phased, args=(k,)) for k in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
phases = [p for p, _ in order]
print(phases == sorted(phases), sorted(order))

cond = threading.Condition()
queue = []
consumed = []


def producer():
    for i in range(500):
        with cond:
            queue.append(i)
            cond.notify()
    with cond:
        queue.append(None)
        cond.notify()


def consumer():
    while True:
        with cond:
            while not queue:
                cond.wait()
            item = queue.pop(0)
        if item is None:
            break
        consumed.append(item * 2)


tc = threading.Thread(target=consumer)
tp = threading.Thread(target=producer)
tc.start()
tp.start()
tp.join()
tc.join()
print(len(consumed), sum(consumed), consumed[:5])
