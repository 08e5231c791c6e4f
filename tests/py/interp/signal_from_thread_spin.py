# krait: expect interp_frames >= 1
# krait: timeout 20
# A helper thread sends SIGUSR1 to the process while the main thread spins
# in a call-free loop waiting for the handler to set a flag.  Signal
# handlers run in the main thread at its next eval-breaker check, which in
# these loops is only the loop's backward jump: every loop shape must let
# the handler run (and the program terminate).
import os
import signal
import threading

state = {"flag": 0, "box": None, "node": object()}


def on_usr1(signum, frame):
    state["flag"] = 1
    state["box"] = "filled"
    state["node"] = None
    print("handler in", frame.f_code.co_name)


signal.signal(signal.SIGUSR1, on_usr1)


go = threading.Event()


def sender():
    go.wait()
    s = 0
    for i in range(50000):
        s += i
    os.kill(os.getpid(), signal.SIGUSR1)


def spin_flag():
    n = 0
    while not state["flag"]:
        n += 1
    return "flag"


def spin_is_none():
    n = 0
    while state["box"] is None:
        n += 1
    return "box"


def spin_not_none():
    n = 0
    while state["node"] is not None:
        n += 1
    return "node"


for spinner, reset in ((spin_flag, ("flag", 0)), (spin_is_none, ("box", None)),
                       (spin_not_none, ("node", object()))):
    state[reset[0]] = reset[1]
    go.clear()
    t = threading.Thread(target=sender)
    t.start()
    go.set()
    print(spinner())
    t.join()
