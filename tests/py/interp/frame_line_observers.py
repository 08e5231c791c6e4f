# krait: expect interp_frames >= 1
# Code that looks at a running frame's current line from inside an instruction: destructors
# run by local stores (plain, and both halves of store pairs), by POP_TOP and by a jump's
# popped condition; dunder methods reached from the generic paths of + < and `if`; iterators'
# __next__; warnings with stacklevel; signal-free eval-breaker paths are covered elsewhere.
# Krait's silent instructions must leave no stale position behind any of these. Ends with a
# traceback raised from a destructor-free store's neighbour.
import sys
import warnings

seen = []


def where(tag):
    f = sys._getframe(2)
    seen.append((tag, f.f_code.co_name, f.f_lineno - f.f_code.co_firstlineno, f.f_lasti))


class Noisy:
    def __init__(self, tag):
        self.tag = tag

    def __del__(self):
        where(self.tag)


class Dunder:
    def __add__(self, o):
        where("add")
        return self

    def __lt__(self, o):
        where("lt")
        return False

    def __bool__(self):
        where("bool")
        return False


class It:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        return self

    def __next__(self):
        where("next")
        self.n -= 1
        if self.n < 0:
            raise StopIteration
        return self.n


def stores(n):
    for i in range(n):
        a = Noisy("store-a")
        a = 1
        b, c = Noisy("pair-1"), Noisy("pair-2")
        b, c = 2, 3
        d = Noisy("store-load")
        d = 4; e = d
        Noisy("pop-top")
        if Noisy("cond"):
            pass
    return a, b, c, e


def dunders(n):
    x = Dunder()
    for i in range(n):
        y = x + 1
        z = x < 2
        if x:
            pass
    for v in It(3):
        w = v + 1
    return y is x, z


def warns(n):
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        for i in range(n):
            k = i * 2
            warnings.warn("w%d" % i, stacklevel=1)
    return [(str(x.message), x.lineno - warns.__code__.co_firstlineno) for x in w]


for r in range(3):
    seen.clear()
    print(stores(40), seen[:12], len(seen))
    seen.clear()
    print(dunders(40), seen[:8], len(seen))
    print(warns(30)[:3])


def unbound_after_store(n):
    for i in range(n):
        q = i
        del q
    return q


unbound_after_store(100)
