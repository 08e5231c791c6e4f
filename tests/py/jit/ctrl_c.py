# krait: expect traces_compiled >= 1
# krait: signal SIGINT after-ready
# Ctrl-C while a compiled `while True` loop spins: KeyboardInterrupt with CPython's
# traceback (the interrupt surfaces at the loop's backward jump), process killed by SIGINT.
def spin():
    x = 0
    while True:
        x = (x + 3) % 1000003


print("READY", flush=True)
spin()
