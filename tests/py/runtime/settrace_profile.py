# sys.settrace / sys.setprofile while functions are hot: installing a trace
# function must take effect immediately (line events from code that has
# already been compiled), f_trace_lines / f_trace_opcodes, and removing the
# tracer returns to normal execution.
import sys


def work(n):
    total = 0
    for i in range(n):
        total += i * 2
    return total


# Warm it up first so any compiled trace exists before tracing starts.
for _ in range(50):
    work(100)

events = []


def tracer(frame, event, arg):
    if frame.f_code.co_name == "work":
        events.append((event, frame.f_lineno - work.__code__.co_firstlineno))
    return tracer


sys.settrace(tracer)
r = work(3)
sys.settrace(None)
print("result", r)
print("events", events)
print("gettrace after removal:", sys.gettrace())

counts = {}


def counting_tracer(frame, event, arg):
    if frame.f_code.co_name == "work":
        counts[event] = counts.get(event, 0) + 1
    return counting_tracer


sys.settrace(counting_tracer)
work(2000)
sys.settrace(None)
print("line event counts", sorted(counts.items()))

# The tracer sees live locals of a loop that was hot before tracing began:
# record what it observes of `total` every 500 steps.
observed = []


def observer(frame, event, arg):
    if frame.f_code.co_name == "work" and event == "line":
        i = frame.f_locals.get("i")
        if i is not None and i % 500 == 0:
            observed.append((i, frame.f_locals["total"]))
    return observer


sys.settrace(observer)
work(2001)
sys.settrace(None)
print("observed", sorted(set(observed)))

prof = []


def profiler(frame, event, arg):
    if event in ("call", "return") and frame.f_code.co_name in ("work", "helper"):
        prof.append((event, frame.f_code.co_name, arg if event == "return" else None))
    elif event in ("c_call", "c_return") and getattr(arg, "__name__", "") == "sorted":
        prof.append((event, arg.__name__))


def helper():
    return work(10) + len(sorted([3, 1, 2]))


sys.setprofile(profiler)
helper()
sys.setprofile(None)
print("profile", prof)


def opcode_tracer(frame, event, arg):
    if frame.f_code.co_name == "tiny":
        frame.f_trace_opcodes = True
        frame.f_trace_lines = False
        if event == "opcode":
            counts_op[0] += 1
    return opcode_tracer


def tiny():
    a = 1
    b = a + 2
    return b


counts_op = [0]
sys.settrace(opcode_tracer)
tiny()
sys.settrace(None)
print("opcode events in tiny:", counts_op[0])

# Exceptions seen by the tracer.
exc_events = []


def exc_tracer(frame, event, arg):
    if event == "exception" and frame.f_code.co_name == "raiser":
        exc_events.append((arg[0].__name__, str(arg[1])))
    return exc_tracer


def raiser():
    for i in range(5):
        try:
            raise KeyError(i)
        except KeyError:
            pass


sys.settrace(exc_tracer)
raiser()
sys.settrace(None)
print("exception events", exc_events)
print("after tracing", work(3000))
