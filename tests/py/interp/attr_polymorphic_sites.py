# krait: expect-unless-chaos spec_load_method_hits >= 30000
# krait: expect-unless-chaos spec_load_attr_hits >= 50000
# krait: expect-unless-chaos spec_store_attr_hits >= 15000
# krait: krait-env KRAIT_SPEC_STATS=1
# Attribute sites that see several types (the interpreter keeps up to four specialized cache
# entries per site, runtime/interp_inline.h poly_hit): methods of sibling classes called
# through one site, instance attributes, __slots__ members and class attributes of different
# types read and stored at one site, a module mixed in, more types than entries (the site
# turns generic), a class changed while its entry is cached (stale version), instances that
# lack the attribute (AttributeError caught at a cached site), and a slot left unset.
import math


class Base:
    kind = "base"

    def __init__(self, v):
        self.v = v

    def step(self):
        return self.v + 1

    def name(self):
        return self.kind


class A(Base):
    kind = "a"

    def step(self):
        return self.v * 2


class B(Base):
    kind = "b"


class C(Base):
    kind = "c"

    def step(self):
        return -self.v


class D(Base):
    def step(self):
        return self.v % 7


class E(Base):
    kind = "e"


class Slotted:
    __slots__ = ("v", "w")
    kind = "slotted"

    def __init__(self, v):
        self.v = v

    def step(self):
        return self.v - 3

    def name(self):
        return "s"


def run(objs, rounds):
    total = 0
    names = {}
    for r in range(rounds):
        for o in objs:
            total += o.step() + o.v       # LOAD_METHOD and LOAD_ATTR, polymorphic
            o.v = o.v + 1                 # STORE_ATTR, polymorphic
            k = o.kind                    # class attribute read through instances
            names[k] = names.get(k, 0) + 1
    return total, sorted(names.items())


few = [A(1), B(2), C(3), Slotted(4)]
print("few", run(few, 3000))
many = [A(1), B(2), C(3), D(4), E(5), Slotted(6), Base(7)]
print("many", run(many, 1000))


def read_v(objs, rounds):
    out = 0
    for r in range(rounds):
        for o in objs:
            out += int(o.v) if not isinstance(o, type(math)) else int(o.pi)
    return out


class HasV:
    def __init__(self):
        self.v = 2.5


print("mixed module", read_v([HasV(), A(3), math], 500))

# A class changed while its entry is cached: its version tag changes, the old entry is stale.
objs = [A(1), B(2), C(3)]
print("before", run(objs, 200))
A.step = lambda self: 1000
B.kind = "b2"
print("after", run(objs, 200))


# Instances of one class with and without the attribute at one cached site.
class Maybe:
    pass


def probe(items, rounds):
    hits = misses = 0
    for r in range(rounds):
        for it in items:
            try:
                hits += it.x
            except AttributeError:
                misses += 1
    return hits, misses


m1, m2, m3 = Maybe(), Maybe(), Maybe()
m1.x = 1
m3.x = 5
print("probe", probe([m1, m2, m3, A(1)], 2000))

# An unset slot at a cached site raises AttributeError each time.
s1, s2 = Slotted(1), Slotted(2)
s1.w = 10


def read_w(items, rounds):
    got = errs = 0
    for r in range(rounds):
        for it in items:
            try:
                got += it.w
            except AttributeError as e:
                errs += 1
                last = str(e)
    return got, errs, last


print("slots", read_w([s1, s2], 1000))
print(many[3].missing_method())
