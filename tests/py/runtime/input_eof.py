# No stdin header: stdin is /dev/null, so input() hits EOF immediately and
# the uncaught EOFError traceback goes to stderr (exit code 1).
import sys

print("stdin isatty:", sys.stdin.isatty())
print("read:", repr(sys.stdin.read()))
acc = 0
for i in range(2000):
    acc ^= i
print("acc", acc, flush=True)
name = input("name? ")
print("never reached", name)
