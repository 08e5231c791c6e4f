# krait: expect interp_frames >= 1
# sys.setprofile switched on and off in the middle of a hot loop in the
# same frame: the profiler sees c_call/c_return for builtins called by the
# running frame, call/return of Python callees, and the 'return' of the
# running frame itself once it finishes while profiling is still on.
import sys

events = []


def prof(frame, event, arg):
    name = getattr(arg, "__name__", None) if event.startswith("c_") else None
    events.append((event, frame.f_code.co_name, name))


def callee(x):
    t = 0
    for k in range(x):
        t += k
    return t


def hot(n):
    total = 0
    for i in range(n):
        total += i
        if i == n - 20:
            sys.setprofile(prof)
        if i >= n - 20 and i % 7 == 0:
            total += len([i]) + callee(3)
        if i == n - 10:
            sys.setprofile(None)
    return total


print(hot(5000))
for e in events:
    print(e)
events.clear()


def stays_on(n):
    total = 0
    for i in range(n):
        total += abs(-i)
        if i == n - 3:
            sys.setprofile(prof)
    return total


print(stays_on(3000))
sys.setprofile(None)
for e in events:
    print(e)
events.clear()


def threaded_profile_in_callee(n):
    def enable():
        sys.setprofile(prof)

    out = 0
    for i in range(n):
        if i == n - 2:
            enable()
        out += i
    sys.setprofile(None)
    return out


print(threaded_profile_in_callee(1000))
for e in events:
    print(e)
