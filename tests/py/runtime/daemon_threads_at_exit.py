# krait: expect interp_frames >= 1
# krait: krait-env ASAN_OPTIONS=detect_leaks=0
# Daemon threads still looping in Krait's interpreter when the main thread exits: at
# finalization CPython ends them with pthread_exit() from take_gil, which force-unwinds through
# the interpreter's C frame; that must neither crash nor abort the process (exit status 0).
# (The daemon threads' state is never freed, as in CPython: leak checking is off for it.)
import sys
import threading
import time

started = set()


def spin():
    while True:
        for _ in range(50):
            pass
        started.add(threading.current_thread().name)
        time.sleep(0.0005)


for i in range(8):
    threading.Thread(target=spin, name="t%d" % i, daemon=True).start()
while len(started) < 8:
    time.sleep(0.001)
print("all started")
sys.exit(0)
