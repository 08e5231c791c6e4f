# krait: expect interp_frames >= 1
# sys.settrace switched on in the middle of a hot loop (in the same frame)
# and switched off again a few iterations later.  The running frame has no
# f_trace, so only frames called while tracing is on report call/line/
# return events; a second loop also sets f_trace on the running frame first
# so its own line events must appear from the next instruction on.
import sys

events = []


def tracer(frame, event, arg):
    events.append((event, frame.f_code.co_name, frame.f_lineno,
                   arg if event == "return" else None))
    return tracer


def helper(k):
    s = 0
    for j in range(k):
        s += j
    return s


def hot(n):
    total = 0
    for i in range(n):
        total += i
        if i == n // 2:
            sys.settrace(tracer)
        if n // 2 <= i < n // 2 + 3:
            total += helper(2)
        if i == n // 2 + 3:
            sys.settrace(None)
    return total


print(hot(10000))
for e in events:
    print(e)
events.clear()


def hot_with_f_trace(n):
    frame = sys._getframe()
    total = 0
    for i in range(n):
        total += i
        if i == 5000:
            frame.f_trace = tracer
            sys.settrace(tracer)
            total += 1
        if i == 5002:
            sys.settrace(None)
            del frame.f_trace
    return total


print(hot_with_f_trace(10000))
for e in events:
    print(e)
events.clear()


def trace_lines_off(n):
    frame = sys._getframe()
    total = 0
    for i in range(n):
        if i == 100:
            frame.f_trace_lines = False
            frame.f_trace_opcodes = False
            frame.f_trace = tracer
            sys.settrace(tracer)
        total += i
        if i == 103:
            sys.settrace(None)
    return total


print(trace_lines_off(2000))
for e in events:
    print(e)
events.clear()


def resumed_generator_under_trace(n):
    def g():
        for k in range(n):
            yield k
    it = g()
    acc = 0
    for v in it:
        acc += v
        if v == n - 3:
            sys.settrace(tracer)
    sys.settrace(None)
    return acc


print(resumed_generator_under_trace(1000))
for e in events:
    print(e)
events.clear()
print(sys.gettrace())
