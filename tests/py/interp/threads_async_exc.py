# krait: expect interp_frames >= 1
# krait: timeout 20
# PyThreadState_SetAsyncExc from a helper thread into the main thread while
# the main thread spins in a hot loop with no calls: the asynchronous
# exception is raised at the loop's eval-breaker check (the backward jump),
# so the traceback names the `while` line.
import ctypes
import threading
import traceback
import sys


class Injected(Exception):
    pass


main_id = threading.get_ident()
go = threading.Event()


def injector():
    go.wait()
    s = 0
    for i in range(50000):
        s += i
    ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(main_id), ctypes.py_object(Injected))


def spin():
    n = 0
    while True:
        n += 1


t = threading.Thread(target=injector)
t.start()
go.set()
try:
    spin()
except Injected:
    tb = traceback.extract_tb(sys.exc_info()[2])
    print([(f.name, f.lineno, f.line) for f in tb])
t.join()


def spin_for():
    acc = 0
    for i in range(10**12):
        acc += i


go.clear()
t = threading.Thread(target=injector)
t.start()
go.set()
try:
    spin_for()
except Injected:
    tb = traceback.extract_tb(sys.exc_info()[2])
    print([(f.name, f.lineno, f.line) for f in tb])
t.join()
