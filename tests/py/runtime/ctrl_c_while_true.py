# krait: signal SIGINT after-ready
# Ctrl-C while spinning in a hot `while True` loop at module level: the
# KeyboardInterrupt traceback must name the loop line exactly (in 3.11 the
# only interrupt check inside this loop is its backward jump, which carries
# the `while` line number).  CPython then re-raises SIGINT on itself at
# exit, so the runner sees death by SIGINT (-2; a shell shows 130), not 1.
n = 0
print("READY", flush=True)
while True:
    n += 1
