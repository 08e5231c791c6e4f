# krait: expect interp_frames >= 1
# A callee switches tracing/profiling on and then raises: the exception
# unwinds into the caller's hot loop, which catches it and keeps looping.
# The caller's frame started before tracing was on, so it must get no
# 'call' event (and no line events, its f_trace being unset); only the
# frames it calls afterwards are traced.
import sys

events = []


def tracer(frame, event, arg):
    events.append(("trace", event, frame.f_code.co_name, frame.f_lineno))
    return tracer


def prof(frame, event, arg):
    events.append(("prof", event, frame.f_code.co_name))


def enable_and_raise(mode):
    if mode == "trace":
        sys.settrace(tracer)
    else:
        sys.setprofile(prof)
    raise ValueError(mode)


def after():
    return 1


def caller(mode, n):
    total = 0
    for i in range(n):
        try:
            if i == n - 3:
                enable_and_raise(mode)
        except ValueError:
            total += 100
        total += i
    total += after()
    return total


print(caller("trace", 2000))
sys.settrace(None)
for e in events:
    print(e)
events.clear()

print(caller("profile", 2000))
sys.setprofile(None)
for e in events:
    print(e)
events.clear()


def gen_caller(n):
    def g():
        for k in range(n):
            if k == n - 2:
                sys.settrace(tracer)
            yield k
    s = 0
    for v in g():
        s += v
    sys.settrace(None)
    return s


print(gen_caller(500))
for e in events:
    print(e)
events.clear()


def caller_with_f_trace(n):
    sys._getframe().f_trace = tracer      # inert until tracing is switched on
    total = 0
    for i in range(n):
        try:
            if i == n - 2:
                enable_and_raise("trace")
        except ValueError:
            total += 100
        total += i
    sys.settrace(None)
    return total


print(caller_with_f_trace(1000))
for e in events:
    print(e)
events.clear()


def unwinds_while_traced(n):
    def inner(k):
        if k == n - 1:
            sys.setprofile(prof)
            raise KeyError(k)
        return k

    def middle(k):
        return inner(k) + 1

    total = 0
    for i in range(n):
        total += middle(i)
    return total


try:
    unwinds_while_traced(500)
except KeyError as e:
    sys.setprofile(None)
    print("KeyError", e)
for e in events:
    print(e)
