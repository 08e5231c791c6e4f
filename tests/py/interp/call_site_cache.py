# krait: expect-unless-chaos spec_call_hits >= 15000
# krait: krait-env KRAIT_SPEC_STATS=1
# A CALL site remembers the Python function it called with exactly its parameters, by the
# function's version, and pushes its frame without re-checking the binding (CPython's
# CALL_PY_EXACT_ARGS; runtime/interp.cpp remember_exact_call). Everything that changes what
# a call binds must be seen: __code__ and __defaults__ reassigned (a generator's code, more
# parameters, defaults), a different function at the same site, the wrong number of arguments
# (CPython's TypeError), keyword arguments, bound methods, deep recursion through the cache.
import sys


def add(a, b):
    return a + b


def sub(a, b):
    return a - b


def three(a, b, c):
    return a * b * c


def gen_code(a, b):
    yield a
    yield b


def call_site(f, x, y):
    return f(x, y)


out = []
for i in range(2000):
    out.append(call_site(add, i, 1))
print("warm", sum(out))

# A different function at the same site, alternating.
out = [call_site(add if i % 3 else sub, i, 2) for i in range(3000)]
print("alternating", sum(out))


def victim(a, b):
    return ("victim", a, b)


for i in range(100):
    call_site(victim, i, i)
victim.__code__ = gen_code.__code__
print("generator code", list(call_site(victim, 1, 2)))
victim.__code__ = sub.__code__
print("new code", call_site(victim, 10, 3))
victim.__defaults__ = (5,)
print("defaults", call_site(victim, 10, 3))
victim.__code__ = three.__code__
victim.__defaults__ = (7,)
print("more parameters", call_site(victim, 2, 3))


def two(a, b):
    return a + b


def call_one(f, x):
    return f(x)


for i in range(100):
    call_site(two, i, i)
try:
    call_one(two, 1)
except TypeError as e:
    print("TypeError", e)
for _ in range(100):
    try:
        call_one(two, 1)
    except TypeError:
        pass


def call_kw(f, x, y):
    return f(x, b=y)


print("keywords", sum(call_kw(two, i, i) for i in range(500)))


class Acc:
    def __init__(self):
        self.total = 0

    def add(self, v):
        self.total += v
        return self.total


acc = Acc()
for i in range(3000):
    acc.add(i)
print("methods", acc.total)


def depth(n):
    if n == 0:
        return 0
    return 1 + depth(n - 1)


# (Depths stay near 1,000: in the chaos mode calls recurse in C, and the sanitizer build's C
# frames are large.)
print("depth", depth(900), depth(900))


# A site meeting a new function object on every call (a nested def) stops asking for
# function versions after a bounded number of re-specializations: versions come from one
# process-wide 32-bit counter, and CPython stops specializing calls once it runs out. (The
# version is read from the function object, at its 3.11 offset on 64-bit builds.)
import ctypes

FUNC_VERSION_OFFSET = 128


def func_version(f):
    return ctypes.c_uint32.from_address(id(f) + FUNC_VERSION_OFFSET).value


def outer(i):
    def inner(x):
        return x

    inner(i)
    return inner


made = [outer(i) for i in range(5000)]
# (CPython's own backoff gives a dozen of the last 1000 a version; a site asking on every
# call would give all of them one.)
print("few versions", sum(func_version(f) != 0 for f in made[-1000:]) <= 50)
