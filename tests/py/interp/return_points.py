# krait: expect interp_inlined_calls >= 5000
# Returns from calls run inside the interpreter's loop continue the caller from the return
# point stored below the callee's frame (runtime/interp_inline.h ReturnPoint): recursion
# deeper than a thousand levels, exceptions unwinding through many inlined frames and caught
# at each depth, calls re-entering the loop from C (sorted's key, map, a property getter),
# class calls with __init__ frames, generators driven from inlined frames, frames handed to
# CPython's loop and back, and frames seen through sys._getframe while deep. Ends with an
# uncaught exception from deep recursion. Depths stay near 1,100: in the chaos mode calls
# recurse in C, and the sanitizer build's C frames are large.
import sys

sys.setrecursionlimit(10000)


def depth_sum(n):
    if n == 0:
        return 0
    return n + depth_sum(n - 1)


for n in (10, 1000, 1023, 1024, 1025, 1100):
    print("depth_sum", n, depth_sum(n))


def raise_at(n, where):
    if n == where:
        raise ValueError("at %d" % n)
    return raise_at(n + 1, where) + 1


def catch_at(n, where, catch):
    if n == catch:
        try:
            return raise_at(n + 1, where)
        except ValueError as e:
            return -len(str(e)) - n
    return catch_at(n + 1, where, catch) + 1


for where, catch in ((5, 2), (1100, 3), (1100, 1050), (40, 39)):
    print("catch", where, catch, catch_at(0, where, catch))


def key(x):
    return inner_key(x) % 7


def inner_key(x):
    return x * 31 + depth_sum(x % 5)


class Box:
    def __init__(self, v):
        self.v = key(v)

    @property
    def twice(self):
        return double(self.v)


def double(v):
    return v * 2


def through_c(n):
    if n == 0:
        data = list(range(40))
        return sum(sorted(data, key=key)[:5]) + sum(map(inner_key, range(10)))
    return through_c(n - 1) + Box(n).twice


print("through_c", through_c(30), through_c(1100))


def gen(n):
    for i in range(n):
        yield double(i) + depth_sum(i % 3)


def drive(n):
    if n == 0:
        return sum(gen(50)) + sum(x for x in gen(10))
    return drive(n - 1) + len(list(gen(n % 4)))


print("drive", drive(20), drive(1100))


def names(n):
    if n == 0:
        f = sys._getframe()
        out = []
        while f is not None and len(out) < 6:
            out.append((f.f_code.co_name, f.f_lineno))
            f = f.f_back
        return out
    return names(n - 1)


print("names", names(5))
print("names", names(1100)[:3])

# The same calls many times: the return points stay in step.
total = 0
for i in range(3000):
    total += depth_sum(i % 20) + catch_at(0, 8, 4)
print("total", total)


# Tracing switched on deep inside inlined calls: the innermost frame goes on in CPython's loop
# and returns through it, and every caller is handed over as it resumes.
def tracer(frame, event, arg):
    return None


def traced_at_depth(n):
    if n == 0:
        sys.settrace(tracer)
        caller = sys._getframe().f_back.f_code.co_name
        sys.settrace(None)
        return len(caller)
    return 1 + traced_at_depth(n - 1)


for _ in range(3):
    print("traced", traced_at_depth(50), depth_sum(30))


def deep_fail(n):
    if n == 0:
        return {}["missing"]
    return deep_fail(n - 1)


deep_fail(1100)
