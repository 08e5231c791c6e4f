# krait: expect interp_frames >= 1
# krait: timeout 20
# One thread spins in a pure-Python hot loop (no calls in its body) until a
# flag is set by another thread that first does a chunk of work: the program
# terminates only if the spinning thread hands the GIL over at its loop's
# backward jump.  Several loop shapes are tried (while flag == 0, while not
# flag, for-loop polling).
import threading

flag = [0]


def worker(result):
    s = 0
    for i in range(200000):
        s += i
    result.append(s)
    flag[0] = 1


def spin_eq():
    n = 0
    while flag[0] == 0:
        n += 1
    return n >= 0  # the worker may finish first (a compiled loop can beat the switch interval)


def spin_not():
    n = 0
    while not flag[0]:
        n += 1
    return n >= 0


def spin_for():
    n = 0
    for i in iter(int, 1):            # infinite iterator, no Python calls
        if flag[0]:
            break
        n += 1
    return n >= 0


for spinner in (spin_eq, spin_not, spin_for):
    flag[0] = 0
    result = []
    t = threading.Thread(target=worker, args=(result,))
    t.start()
    ok = spinner()
    t.join()
    print(spinner.__name__, ok, result)
