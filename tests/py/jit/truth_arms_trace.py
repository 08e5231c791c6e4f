# krait: expect traces_compiled >= 1
# krait: expect exits_taken >= 1
# A loop whose trace is compiled; one call's condition object switches tracing on from its
# __bool__ inside the closing conditional jump itself (the back-edge then sees tracing on at a
# header with a trace; it once counted that header as a hot-loop counter, corrupting the index
# of its trace, and a later call crashed); later calls must run the same trace.
import sys

calls = []


def tracer(frame, event, arg):
    if event == "call":
        calls.append(frame.f_code.co_name)
    return None


class Arming:
    def __bool__(self):
        sys.settrace(tracer)
        return True


def work(n, arm_at):
    i = 0
    total = 0
    c = True
    while c:
        total += i * 3
        i += 1
        c = i < n
        if i == arm_at:
            c = Arming()
    sys.settrace(None)
    return total


for r in range(8):
    print(work(300, 100 + r if r % 2 else -1))
print(work(20000, -1))
print(sorted(set(calls)))
