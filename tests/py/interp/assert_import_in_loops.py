# krait: expect interp_frames >= 1
# Less common statements inside hot loops: assert (passing and failing, with
# and without a message), import / from-import inside the loop (cached
# module lookups), and a failing import caught each iteration.  Ends with an
# uncaught AssertionError traceback.
def imports(n):
    acc = 0
    for i in range(n):
        import math
        from os import path as p
        from collections import OrderedDict
        acc += int(math.sqrt(i)) + len(p.sep) + len(OrderedDict(a=1))
        if i % 500 == 0:
            try:
                import no_such_module_krait_test  # noqa: F401
            except ImportError as e:
                acc += len(e.name)
            try:
                from math import no_such_name  # noqa: F401
            except ImportError as e:
                msg = str(e).split(" (")[0]
    return acc, msg


print(imports(3000))


def asserts(n):
    failed = []
    for i in range(n):
        assert i >= 0
        try:
            assert i % 1000, f"multiple of 1000: {i}"
        except AssertionError as e:
            failed.append(str(e))
        try:
            assert i % 1500
        except AssertionError as e:
            failed.append(repr(e))
    return failed


print(asserts(5000))


def final(n):
    for i in range(n):
        assert i < n - 1, ("tuple message", i)


final(100)
