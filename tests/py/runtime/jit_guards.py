# krait: expect hook_frames >= 1
# Hot loops whose assumptions change mid-flight, the classic places where a
# tracing JIT needs guards and side exits: type changes of a loop variable,
# small int -> big int overflow, rebinding globals and builtins, patching a
# class method or instance attribute, changing a module attribute, and a
# trace that keeps going after an exception was raised from inside it.
import math


def mixed_types(values):
    out = []
    for v in values:
        out.append(v + v)
    return out


print(mixed_types([1] * 3 + [1.5, "ab", (1,), [2], True, 2 ** 70, 3j]))

# Arithmetic that walks from machine ints to big ints and back.
x = 1
for i in range(200):
    x = x * 3 + i
    if x > 2 ** 100:
        x //= 2 ** 90
print("overflow walk", x)
acc = 2 ** 62 - 50
for i in range(100):
    acc += 1
print("crossed 2**62:", acc, acc - 2 ** 62, type(acc).__name__)
neg = -(2 ** 63) + 10
for i in range(20):
    neg -= 1
print("crossed -2**63:", neg, neg + 2 ** 63)
prod = 1
for i in range(1, 40):
    prod *= i
print("product", prod, prod.bit_length())
y = 0
for i in range(4000):
    y += i if i % 1000 else 0.5
print("int then float accumulator", y, type(y).__name__)


def scale(v):
    return v * FACTOR


FACTOR = 2
total = 0
for i in range(3000):
    if i == 1500:
        FACTOR = 3  # global rebinding mid-loop
    total += scale(i)
print("global rebinding", total)

import builtins

total = 0
items = [1, 2, 3]
for i in range(3000):
    if i == 1000:
        len = lambda s: 100  # noqa: E731 - shadow the builtin in globals
    if i == 2000:
        del len  # falls back to the real builtin again
    total += len(items)
print("builtin shadowing", total)


def uses_abs(v):
    return abs(v)


real_abs = builtins.abs
s = 0
for i in range(-1500, 1500):
    if i == 0:
        builtins.abs = lambda v: 7  # patch the builtins module itself
    s += uses_abs(i)
builtins.abs = real_abs
print("builtins patch", s, abs(-3))


class Animal:
    def speak(self):
        return 1


a = Animal()
s = 0
for i in range(3000):
    if i == 1000:
        Animal.speak = lambda self: 10
    if i == 2000:
        a.speak = lambda: 100  # instance attribute shadows the class
    s += a.speak()
print("method patching", s)


class Slotted:
    __slots__ = ("v",)

    def __init__(self):
        self.v = 1


class Other:
    def __init__(self):
        self.v = 1.5


objs = [Slotted() if i < 2000 else Other() for i in range(3000)]
s = 0
for o in objs:
    s += o.v
print("attribute on changing class", s)

s = 0
for i in range(3000):
    if i == 1500:
        math.pi = 3  # module attribute changes under the trace
    s += math.pi
print("module attribute", s)
math.pi = 3.141592653589793

d = {"k": 1}
s = 0
for i in range(3000):
    if i == 1000:
        d = {"k": 2, "other": 0}
    if i == 2000:
        del d["k"]
        d["k"] = 3
    s += d["k"]
print("dict shape changes", s)

caught = 0
s = 0
data = list(range(100))
for i in range(3000):
    try:
        s += data[i % 150]
    except IndexError:
        caught += 1
print("exits via exception", s, caught)


def f(n):
    return n + 1


s = 0
for i in range(3000):
    if i == 1500:
        f.__code__ = (lambda n: n + 100).__code__  # swap the code object
    s += f(i)
print("code swap", s)

lst = list(range(10))
s = 0
for i in range(3000):
    if i == 1000:
        lst = tuple(lst)
    if i == 2000:
        lst = "0123456789"
    v = lst[i % 10]
    s += int(v)
print("container type changes", s)

bools = 0
for i in range(3000):
    bools += (i % 3 == 0) + (i % 5 == 0) * True
print("bool arithmetic", bools)

w = 0
i = 0
while i < 5000:
    i += 1
    if i % 2:
        continue
    if i > 4000:
        break
    w += i
else:
    w = -1
print("while with continue/break", w, i)
