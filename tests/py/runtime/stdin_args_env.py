# krait: args alpha --count 3 "quoted?" -x
# krait: stdin "3 4\n10 20\nhello wörld\n"
# krait: stdin "last line without newline"
# krait: env KRAIT_TEST_BOTH=shared value
# krait: expect hook_frames >= 1
# Header-driven inputs: argv (split on whitespace, so the quotes stay
# literal), stdin (two header lines concatenated) and env for both
# interpreters.  Krait-only variables must not leak into the output.
import os
import sys

print("argv", sys.argv[1:], "script basename", os.path.basename(sys.argv[0]))
print("cwd is script dir:", os.getcwd() == os.path.dirname(os.path.abspath(__file__)))
print("env", os.environ.get("KRAIT_TEST_BOTH"), os.environ.get("PYTHONHASHSEED"))
print("stdin isatty", sys.stdin.isatty(), sys.stdin.encoding)

first = sys.stdin.readline()
a, b = map(int, first.split())
print("first line sum", a + b)
rest = sys.stdin.read()
lines = rest.split("\n")
print("rest lines", lines)
nums = [int(x) for x in lines[0].split()]
total = 0
for i in range(5000):
    total += nums[i % 2] * i
print("weighted", total)
print("upper", lines[1].upper(), len(lines[1]), len(lines[1].encode()))
print("eof read", repr(sys.stdin.read()), repr(sys.stdin.readline()))
try:
    input()
except EOFError as e:
    print("EOFError:", repr(str(e)))
print("hash of str is stable under PYTHONHASHSEED=0:", hash("krait") == hash("krait"))
