# krait: expect interp_frames >= 1
# krait: signal SIGINT after-ready
# Ctrl-C while a function spins in `while True: x += 1`: the
# KeyboardInterrupt traceback must name the loop line in the function and
# the call line at module level, and the process dies by SIGINT.
def spin():
    x = 0
    while True:
        x += 1


print("READY", flush=True)
spin()
