# krait: expect traces_compiled >= 1
# krait: expect exits_breaker >= 1
# krait: expect trace_entries >= 2
# Two threads, each running the same compiled loop (one trace, two TraceStates), with a short switch interval: both make
# progress (the GIL is handed over at the traces' back-edge checks) and get exact results.
import sys
import threading

sys.setswitchinterval(0.0005)
results = {}


def work(name, n, step):
    s = 0
    for i in range(n):
        s = (s + i * step) % 1000000007
    results[name] = s


ts = [threading.Thread(target=work, args=("a", 3000000, 3)),
      threading.Thread(target=work, args=("b", 3000000, 5))]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(sorted(results.items()))
