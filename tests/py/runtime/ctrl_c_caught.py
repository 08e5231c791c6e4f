# krait: signal SIGINT after-ready
# Ctrl-C caught inside a hot for-loop: finally blocks and the handler run,
# then the program carries on normally and exits 0.  The iteration count at
# the time of the interrupt varies, so only facts independent of it print.
import signal

cleanup = []


def work():
    total = 0
    try:
        for i in range(10 ** 12):
            total += i & 3
    finally:
        cleanup.append("work finally")
    return total


print("handler is default_int_handler:", signal.getsignal(signal.SIGINT) is signal.default_int_handler)
print("READY", flush=True)
try:
    work()
except KeyboardInterrupt as e:
    tb = e.__traceback__
    names = []
    while tb is not None:
        names.append((tb.tb_frame.f_code.co_name, tb.tb_lineno))
        tb = tb.tb_next
    print("caught KeyboardInterrupt", repr(e), names)
print("cleanup", cleanup)

# Still fully functional afterwards, including more hot loops.
print("after", sum(i * i for i in range(10000)))
