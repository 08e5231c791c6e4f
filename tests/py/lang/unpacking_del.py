# Star-unpacking (assignment, calls, literals), nested unpacking, ** merging,
# keyword-only/positional-only parameters, and `del` of names, items,
# slices and attributes.
a, *b, c = range(6)
print(a, b, c)
(x, y), [z, *w] = (1, 2), "hello"
print(x, y, z, w)
first, *_, last = "abcdef"
print(first, last)
*init, tail = [1]
print(init, tail)
try:
    p, q = [1, 2, 3]
except ValueError as e:
    print("ValueError:", e)
try:
    p, q, r = [1, 2]
except ValueError as e:
    print("ValueError:", e)
try:
    p, *q, r = [1]
except ValueError as e:
    print("ValueError:", e)

merged = [*range(3), *"ab", *(7, 8)]
print(merged, (*merged[:2], 0), {*range(3), *range(2, 5)})
d1 = {"a": 1, "b": 2}
d2 = {"b": 3, "c": 4}
print({**d1, **d2}, d1 | d2, {**d2, "a": 0, **d1})


def f(pos_only, /, normal, *args, kw_only, **kwargs):
    return pos_only, normal, args, kw_only, dict(sorted(kwargs.items()))


print(f(1, 2, 3, 4, kw_only=5, z=6, y=7))
print(f(*[1, 2], *[3], kw_only=0, **{"m": 1}))
try:
    f(pos_only=1, normal=2, kw_only=3)
except TypeError as e:
    print("TypeError:", e)
try:
    f(1, 2)
except TypeError as e:
    print("TypeError:", e)
try:
    f(1, 2, kw_only=1, **{"kw_only": 2})
except TypeError as e:
    print("TypeError:", e)

# Swap and rotate in a hot loop.
a1, a2, a3 = 1, 2, 3
for i in range(5000):
    a1, a2, a3 = a2, a3, a1 + (i & 1)
print("rotated", a1, a2, a3)

pairs = [(i, (i * 2, [i * 3, i * 4])) for i in range(3000)]
tot = 0
for i, (dbl, [tri, quad]) in pairs:
    tot += i + dbl - tri + quad
print("nested loop unpack", tot)

for k, (v1, *vrest) in {"x": (1, 2, 3), "y": (4,)}.items():
    print(k, v1, vrest)

# del
v = 10
del v
try:
    v
except NameError as e:
    print("NameError:", e)
lst = list(range(10))
del lst[2], lst[-1]
del lst[::3]
print(lst)
dd = {"a": 1, "b": 2, "c": 3}
del dd["b"]
print(dd)
try:
    del dd["zz"]
except KeyError as e:
    print("KeyError:", e)


class Obj:
    cls_attr = 1


o = Obj()
o.inst = 2
del o.inst
print(hasattr(o, "inst"), o.cls_attr)
try:
    del o.cls_attr
except AttributeError as e:
    print("AttributeError:", e)
del Obj.cls_attr
print(hasattr(o, "cls_attr"))


def local_del():
    t = 1
    del t
    try:
        return t  # noqa: F821 - deleted above
    except UnboundLocalError as e:
        return f"UnboundLocalError: {e}"


print(local_del())

# Hot loop with del of list items.
work = list(range(4000))
while len(work) > 5:
    del work[len(work) // 2]
    del work[0]
print("survivors", work)

print(*range(5), sep="-")
print(*"abc", *[1, 2], end="!\n")
