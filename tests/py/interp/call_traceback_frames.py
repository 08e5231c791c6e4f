# krait: expect interp_frames >= 1
# Exceptions raised several calls deep from inside hot loops: the traceback
# must list every frame (loop frames and loop-free frames, methods,
# lambdas, comprehensions, generator frames) with the right lines.
import traceback
import sys


def leaf(x):
    return 100 // (x - 500)


def middle(x):
    vals = [leaf(x + k) for k in range(1)]
    return vals[0]


class Holder:
    def method(self, x):
        total = 0
        for k in range(2):
            total += middle(x)
        return total


def gen_layer(n):
    h = Holder()
    for i in range(n):
        yield h.method(i)


def top(n):
    total = 0
    for v in gen_layer(n):
        total += v
    return total


try:
    top(1000)
except ZeroDivisionError:
    traceback.print_exc(file=sys.stdout)


def catches_and_continues(n):
    errors = 0
    for i in range(n):
        try:
            leaf(i % 600)
        except ZeroDivisionError:
            errors += 1
    return errors


print(catches_and_continues(3000))


def lambda_chain(n):
    g = lambda v: h(v)            # noqa: E731
    h = lambda v: {}[v] if v == n - 1 else v     # noqa: E731
    acc = 0
    for i in range(n):
        acc += g(i)
    return acc


try:
    lambda_chain(800)
except KeyError:
    traceback.print_exc(file=sys.stdout)


def outer_uncaught(n):
    for i in range(n):
        Holder().method(i + 450)


outer_uncaught(100)
