# krait: expect traces_compiled >= 1
# krait: expect exits_taken >= 3
# A loop whose operand types change mid-way: an int accumulator fed a float, a list of
# ints with a float and a bool in it, and an int that becomes a str (the trace's type
# guards exit; the interpreter finishes with CPython's semantics).
def total(items):
    s = 0
    for x in items:
        s += x
    return s


def scaled(items, k):
    out = 0
    for x in items:
        out = out + x * k
    return out


ints = list(range(3000))
print(total(ints))
print(total(ints[:1500] + [0.5] + ints[1500:]))
print(total(ints[:1000] + [True, False] * 50 + ints[1000:]))
print(scaled(ints, 3), scaled(ints, 2.5), scaled(ints, -1))
try:
    print(total(ints[:2000] + ["x"]))
except TypeError as e:
    print("TypeError:", e)
