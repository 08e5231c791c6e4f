# krait: expect side_traces_other_loop >= 2
# krait: expect traces_compiled >= 5
# An outer loop with two inner loops in sequence, each compiled, and the outer loop compiled
# too: side traces from the end of the second inner loop (a `for` over reversed(list), which
# ends by its iterator counting down below 0) run the rest of the outer body and end at the
# outer loop's header, whose own trace the runtime enters; a side trace from the first inner
# loop's end reaches the second loop's header (the shape of the memoised Collatz walk in
# bench/programs/collatz.py). Then edge cases: the list shrinking under the reversed
# iterator, a non-int appearing, and an exception.
import importlib.util
import os


# The walk itself, from the benchmark program (loaded by path: its main() does not run).
_spec = importlib.util.spec_from_file_location(
    "collatz", os.path.join(os.path.dirname(__file__), "..", "..", "..", "bench", "programs",
                            "collatz.py"))
collatz = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(collatz)
print("memo", collatz.memoised_total(3000), collatz.memoised_total(200))


def shrink_under(rounds):
    out = []
    for r in range(rounds):
        items = list(range(r % 7 + 3))
        acc = 0
        for x in reversed(items):
            acc += x
            if r % 5 == 0 and x == 2:
                del items[1:]
        out.append(acc)
    return out


print("shrink", shrink_under(60))


def mixed(rounds):
    total = 0
    for r in range(rounds):
        vals = [r, r + 1, r + 2]
        if r == 40:
            vals[1] = 0.5
        t = 0
        for v in reversed(vals):
            t += v
        total += t
    return total


print("mixed", mixed(80))


def raising(rounds):
    seen = 0
    for r in range(rounds):
        vals = list(range(4))
        for v in reversed(vals):
            if r == 70 and v == 1:
                raise ValueError("round %d" % r)
            seen += v
    return seen


try:
    raising(100)
except ValueError as e:
    print("raised", e)
