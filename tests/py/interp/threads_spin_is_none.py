# krait: expect interp_frames >= 1
# krait: timeout 20
# A thread spins in `while box[0] is None:` with a call-free body until a
# worker thread fills the box.  The loop's bottom test compiles to
# POP_JUMP_BACKWARD_IF_NONE, which in CPython 3.11 checks the eval breaker
# (and thus drops the GIL on request): the program must terminate.
# `while x is not None` (POP_JUMP_BACKWARD_IF_NOT_NONE) likewise.
import threading

box = [None]


def fill():
    s = 0
    for i in range(100000):
        s += i
    box[0] = s


def spin_is_none():
    n = 0
    while box[0] is None:
        n += 1
    return n >= 0


def drain():
    s = 0
    for i in range(100000):
        s += i
    box[0] = None


def spin_not_none():
    n = 0
    while box[0] is not None:
        n += 1
    return n >= 0


t = threading.Thread(target=fill)
t.start()
print("is None:", spin_is_none(), box[0])
t.join()

t = threading.Thread(target=drain)
t.start()
print("is not None:", spin_not_none(), box[0])
t.join()
