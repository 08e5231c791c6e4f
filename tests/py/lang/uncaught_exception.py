# An uncaught exception raised deep inside a hot loop: the traceback (with
# 3.11 caret markers and the chained "direct cause" section) goes to stderr
# and the exit code is 1.  Line numbers and columns must match exactly.
import sys


def parse(record):
    key, _, value = record.partition("=")
    return key, int(value)


def load(records):
    out = {}
    for i, rec in enumerate(records):
        try:
            k, v = parse(rec)
        except ValueError as e:
            raise RuntimeError(f"record {i} is malformed") from e
        out[k] = out.get(k, 0) + v
    return out


records = [f"k{i % 13}={i}" for i in range(5000)]
print("good", sorted(load(records).items())[:3])
sys.stdout.flush()
records[4321] = "k1=forty-two"
print("loading bad batch", flush=True)
totals = load(records)
print("unreachable", totals)
