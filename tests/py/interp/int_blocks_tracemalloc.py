# krait: krait-env ASAN_OPTIONS=detect_leaks=0
# While tracemalloc traces, every new int is a traced allocation, as in CPython: the blocks
# of dead ints the interpreter keeps (runtime/interp_inline.h pop_int_block) are not reused
# then. (Leak detection is off: tracemalloc's own trace entries show up as leaked under
# LeakSanitizer with PYTHONMALLOC=malloc in CPython's loop too, `-X jit=off`.)
import tracemalloc


def churn(base, n):
    total = 0
    for i in range(n):
        a = base + i
        b = a * 3 - base
        c = b - a  # dies next iteration
        total += c
    return total


# tracemalloc: ints made in the loop while tracing have a traceback, as in CPython.
def traced(n):
    out = []
    v = 2**30 + 1
    for i in range(n):
        out.append(v + i)
    return out


traced(100)
churn(2**30, 1000)  # dead one-digit ints: kept blocks ready for reuse
tracemalloc.start()
values = traced(200)
print("traced", sum(tracemalloc.get_object_traceback(v) is not None for v in values))
tracemalloc.stop()
values = traced(200)
print("untraced", sum(tracemalloc.get_object_traceback(v) is not None for v in values))
