# krait: expect interp_frames >= 1
# krait: expect-unless-chaos spec_load_attr_hits >= 30000
# krait: expect-unless-chaos spec_store_attr_hits >= 9000
# krait: krait-env KRAIT_SPEC_STATS=1
# LOAD_ATTR / STORE_ATTR specialized for __slots__ members, plain class attributes read through
# instances, and a class's own attributes, in hot loops — and every way the caches must stop
# applying: unset and deleted slots, a class attribute rebound, an instance that gains its own
# attribute of the same name or whose __dict__ is materialized, a metaclass attribute, data
# descriptors and methods (not cached as values). Ends with an uncaught AttributeError of an
# unset slot.
import sys


class P:
    __slots__ = ("x", "y", "tag")
    SCALE = 3

    def __init__(self, x, y):
        self.x = x
        self.y = y


class C:
    K = 10
    NAME = "c"

    def __init__(self):
        self.v = 1

    def m(self):
        return self.K


class D(C):
    pass


class Meta(type):
    shadow = "from meta"


class WithMeta(metaclass=Meta):
    shadow = "from class"
    plain = 7


class Prop:
    @property
    def K(self):
        return "property"


def slots_loop(n):
    p = P(1, 2)
    total = 0
    for i in range(n):
        p.x = p.x + i % 3
        p.y = i
        total += p.x * P.SCALE + p.y + p.SCALE
        if i == n // 2:
            try:
                p.tag
            except AttributeError as e:
                print("unset:", e)
            p.tag = "t"
        if i == n - 5:
            del p.tag
            try:
                p.tag
            except AttributeError as e:
                print("deleted:", e)
    return total, p.x, p.y, sys.getrefcount(p)


def class_values(n):
    objs = [C(), D(), C()]
    seen = []
    total = 0
    for i in range(n):
        o = objs[i % 3]
        total += o.K + len(o.NAME) + C.K + D.K
        if i == 300:
            C.K = 20            # class attribute rebound: every cache misses once
        if i == 600:
            objs[0].K = 5       # one instance gains its own K (shared keys grow)
        if i == 900:
            objs[2].__dict__    # materialized dict
            objs[2].K = 7
        if i == 1200:
            D.K = 1             # the subclass shadows the base
        if i % 250 == 0:
            seen.append((objs[0].K, objs[1].K, objs[2].K, C.K, D.K, objs[1].m()))
    C.K = 10
    del D.K
    return total, seen


def type_values(n):
    out = []
    for i in range(n):
        a = WithMeta.shadow, WithMeta.plain, C.NAME, C.__name__, P.SCALE
        if i == n // 2:
            WithMeta.plain = 8
            Meta.plain = property(lambda cls: "meta property")   # data descriptor wins now
        if i % 200 == 0:
            out.append(a)
    del Meta.plain
    return out


def descriptors(n):
    pr = Prop()
    c = C()
    r = []
    for i in range(n):
        r.append((pr.K, c.m(), type(c.m).__name__))
    return r[-1], len(r)


class Other:
    x = P.__dict__["x"]      # a slot descriptor of another layout


def foreign_descriptor(n):
    o = Other()
    out = []
    for i in range(n):
        try:
            out.append(o.x)
        except TypeError as e:
            out.append(str(e))
        try:
            o.x = i
        except TypeError as e:
            out.append(str(e))
    return out[-2:], len(out)


for _ in range(2):
    print(foreign_descriptor(100))
    print(slots_loop(3000))
    print(class_values(1500))
    print(type_values(1000))
    print(descriptors(500))
q = P(0, 0)
for i in range(100):
    q.x = i
print(q.x)
print(q.tag)
