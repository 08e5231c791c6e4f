# krait: expect traces_compiled >= 1
# krait: expect exits_breaker >= 1
# A signal handler that runs while a compiled loop spins: the trace's back-edge check of the
# eval breaker exits, the handler runs, and the loop sees what the handler changed.
import signal

state = [0]


def handler(signum, frame):
    state[0] = 1


def spin():
    n = 0
    flag = state
    while flag[0] == 0:
        n += 1
    return n > 0


signal.signal(signal.SIGALRM, handler)
signal.setitimer(signal.ITIMER_REAL, 0.2)
print(spin(), state[0])
