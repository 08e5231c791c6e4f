# sys.exit("message"): the message goes to stderr and the exit code is 1.
# Also SystemExit swallowed once, and exit with None / False semantics.
import sys

for code in (None, 0, False):
    try:
        sys.exit(code)
    except SystemExit as e:
        print("caught SystemExit with code", repr(e.code))

n = 0
for i in range(5000):
    n += i % 7
print("n =", n)
sys.stdout.flush()
print("about to exit", file=sys.stderr)
sys.exit(f"fatal: n was {n}")
