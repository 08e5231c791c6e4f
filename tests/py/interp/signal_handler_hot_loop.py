# krait: expect interp_frames >= 1
# A Python signal handler (SIGUSR1) triggered by os.kill from inside a hot
# loop: it must run right after the os.kill call returns, before the next
# statement of the loop, and see the interrupted frame (name and line).
# A handler that raises aborts the loop at exactly that point.
import os
import signal

log = []
state = {"i": None}


def handler(signum, frame):
    log.append((signal.Signals(signum).name, state["i"], frame.f_code.co_name, frame.f_lineno))
    print("handler", state["i"], frame.f_code.co_name, frame.f_lineno)


signal.signal(signal.SIGUSR1, handler)


def hot(n):
    total = 0
    for i in range(n):
        state["i"] = i
        total += i
        if i % 1000 == 500:
            os.kill(os.getpid(), signal.SIGUSR1)
            state["i"] = -i          # the handler must not see this value
        total ^= i << 1
    return total


print(hot(5000))
print(log)


class Stop(Exception):
    pass


def raising(signum, frame):
    raise Stop(f"stopped in {frame.f_code.co_name} at line {frame.f_lineno}")


signal.signal(signal.SIGUSR2, raising)


def interrupted(n):
    done = 0
    try:
        for i in range(n):
            done += 1
            if i == n // 2:
                os.kill(os.getpid(), signal.SIGUSR2)
            done += 1
    except Stop as e:
        return done, str(e)
    return done, None


print(interrupted(3000))


def handler_in_while(n):
    hits = []

    def h(signum, frame):
        hits.append((k, frame.f_lineno))

    old = signal.signal(signal.SIGUSR1, h)
    k = 0
    while k < n:
        k += 1
        if k % 700 == 0:
            signal.raise_signal(signal.SIGUSR1)
    signal.signal(signal.SIGUSR1, old)
    return hits


print(handler_in_while(3000))


def uncaught(n):
    for i in range(n):
        if i == n - 1:
            os.kill(os.getpid(), signal.SIGUSR2)


uncaught(1000)
