# krait: expect hook_frames >= 1
# signal.signal handlers run by the main thread at the next bytecode
# boundary after os.kill / raise_signal returns, i.e. before the following
# statement: a hot loop records the exact iteration each handler ran in.
import os
import signal

events = []
state = {"i": -1, "usr2_budget": None}


def on_usr1(signum, frame):
    events.append(("USR1", state["i"], frame.f_code.co_name))


def on_usr2(signum, frame):
    events.append(("USR2", state["i"], signal.Signals(signum).name))
    if state["usr2_budget"] is not None:
        state["usr2_budget"] -= 1
        if state["usr2_budget"] < 0:
            raise RuntimeError("handler raised")


old = signal.signal(signal.SIGUSR1, on_usr1)
print("old handler is default:", old is signal.SIG_DFL)
signal.signal(signal.SIGUSR2, on_usr2)


def loop(n):
    acc = 0
    for i in range(n):
        state["i"] = i
        acc += i
        if i % 700 == 0:
            os.kill(os.getpid(), signal.SIGUSR1)
            # The handler has already run at this point.
            events.append(("after-kill", i, len(events)))
        if i % 1500 == 1:
            signal.raise_signal(signal.SIGUSR2)
    return acc


print("loop", loop(5000))
for e in events:
    print(e)

events.clear()
state["usr2_budget"] = 4
try:
    loop(100000)
except RuntimeError as e:
    print("RuntimeError from handler:", e, "at i =", state["i"])
print("events before raise", len(events))

signal.signal(signal.SIGUSR1, signal.SIG_IGN)
os.kill(os.getpid(), signal.SIGUSR1)
print("ignored SIGUSR1, still alive")
signal.signal(signal.SIGUSR1, signal.SIG_DFL)
print("getsignal", signal.getsignal(signal.SIGUSR2) is on_usr2, signal.getsignal(signal.SIGUSR1))

# Blocked signals stay pending until unblocked, then the handler runs.
signal.signal(signal.SIGUSR1, on_usr1)
signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGUSR1})
os.kill(os.getpid(), signal.SIGUSR1)
print("pending", signal.SIGUSR1 in signal.sigpending(), "events", len(events))
state["i"] = "unblocked"
signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGUSR1})
print("after unblock", events[-1])
