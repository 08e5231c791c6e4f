# A custom sys.excepthook handles the uncaught exception (the exit code stays
# 1), and an exception in a thread is reported through threading.excepthook.
import sys
import threading


def thread_hook(args):
    print("thread hook:", args.exc_type.__name__, args.exc_value, args.thread.name)


threading.excepthook = thread_hook


def boom():
    total = 0
    for i in range(2000):
        total += i
    raise LookupError(f"thread total {total}")


t = threading.Thread(target=boom, name="worker-1")
t.start()
t.join()


def hook(exc_type, exc, tb):
    frames = []
    while tb is not None:
        frames.append((tb.tb_frame.f_code.co_name, tb.tb_lineno))
        tb = tb.tb_next
    print(f"custom hook: {exc_type.__name__}: {exc} frames={frames}", file=sys.stderr)


sys.excepthook = hook


def fail(n):
    acc = 0
    for i in range(n):
        acc += i
    raise ValueError(f"acc={acc}")


print("about to fail", flush=True)
fail(3000)
