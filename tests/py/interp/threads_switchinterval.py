# krait: expect interp_frames >= 1
# krait: timeout 20
# sys.setswitchinterval with threads running hot Python loops: a tiny
# interval forces very frequent GIL hand-offs (at loop back-edges and
# calls), a large one makes them rare; results must be exact either way and
# a thread waiting on an Event must be woken.
import sys
import threading


def run(interval):
    sys.setswitchinterval(interval)
    results = {}
    started = threading.Event()

    def work(k):
        started.wait()
        acc = 0
        for i in range(30000):
            acc = (acc + i * k) % 1000003
        results[k] = acc

    ts = [threading.Thread(target=work, args=(k,)) for k in range(4)]
    for t in ts:
        t.start()
    spins = 0
    for i in range(10000):
        spins += 1
    started.set()
    for t in ts:
        t.join()
    return sorted(results.items()), spins


print(sys.getswitchinterval())
for interval in (1e-6, 0.0001, 0.005, 0.5):
    print(interval, run(interval))
print(sys.getswitchinterval())
sys.setswitchinterval(0.005)

stop = threading.Event()
ticks = []


def ticker():
    n = 0
    while not stop.is_set():
        n += 1
    ticks.append(n > 0)


sys.setswitchinterval(1e-5)
t = threading.Thread(target=ticker)
t.start()
total = 0
for i in range(200000):
    total += i
stop.set()
t.join()
print(total, ticks)
try:
    sys.setswitchinterval(0)
except ValueError as e:
    print("ValueError:", e)
