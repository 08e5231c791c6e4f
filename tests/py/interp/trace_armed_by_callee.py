# krait: expect interp_frames >= 1
# A callee sets its caller's f_trace and switches sys.settrace on, then
# returns into the caller's hot loop (a frame Krait may be running, with
# the callee called inside the same interpreter loop); a later callee
# switches tracing off.  From the callee's return on, the caller must get
# line events exactly as under CPython, callees must get call/line/return
# events while tracing is on, and nothing afterwards.
import sys
ev = []
def tracer(frame, event, arg):
    ev.append((event, frame.f_code.co_name, frame.f_lineno))
    return tracer
def arm():
    sys._getframe(1).f_trace = tracer
    sys.settrace(tracer)
def disarm():
    sys.settrace(None)
def work(x):
    return x + 1
def caller(n):
    t = 0
    for i in range(n):
        if i == 5:
            arm()
        t += work(i)
        if i == 7:
            disarm()
    return t
def outer():
    s = 0
    for k in range(3):
        s += caller(10)
    return s
print(outer())
for e in ev: print(e)


def gen_armed(n):
    def g():
        for k in range(n):
            if k == 3:
                arm()
            yield k
            if k == 5:
                disarm()
    return sum(g())


ev.clear()
print(gen_armed(8))
for e in ev:
    print(e)
