# krait: expect interp_frames >= 1
# krait: signal SIGINT after-ready
# Ctrl-C delivered while a hot loop runs inside try/except KeyboardInterrupt
# in a function: the handler runs, the program prints a deterministic
# summary (not the iteration count) and exits normally with code 0.
import sys


def spin():
    n = 0
    data = [1, 2, 3]
    try:
        while True:
            n += data[n % 3]
    except KeyboardInterrupt as e:
        tb = e.__traceback__
        while tb.tb_next:
            tb = tb.tb_next
        return n > 0, tb.tb_frame.f_code.co_name, type(e).__name__


print("READY", flush=True)
print(spin())
sys.exit(0)
