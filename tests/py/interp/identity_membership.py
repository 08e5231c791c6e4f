# krait: expect interp_frames >= 1
# IS_OP and CONTAINS_OP in hot loops: is / is not on singletons and objects,
# `in` on list/tuple/set/dict/str/bytes/range, custom __contains__, the
# __iter__ and __getitem__ fallbacks, errors from unhashable lookups and from
# non-container right operands.
def identity(n):
    a = object()
    b = a
    c = object()
    cnt = [0, 0, 0, 0]
    for i in range(n):
        x = None if i % 3 == 0 else i
        cnt[0] += x is None
        cnt[1] += x is not None
        cnt[2] += a is b and a is not c
        cnt[3] += (i % 2 == 0) is True
    return cnt


print(identity(6000))


def builtin_containers(n):
    lst = list(range(0, 100, 3))
    tup = tuple(lst)
    st = set(lst)
    dct = dict.fromkeys(lst)
    s = "the quick brown fox"
    bs = b"\x00\x01abc"
    rg = range(0, 100, 3)
    hits = [0] * 8
    for i in range(n):
        k = i % 120
        hits[0] += k in lst
        hits[1] += k not in tup
        hits[2] += k in st
        hits[3] += k in dct
        hits[4] += "qu" in s and "z" not in s
        hits[5] += (k % 256) in bs
        hits[6] += k in rg
        hits[7] += str(k) in s
    return hits


print(builtin_containers(5000))


class Cont:
    def __init__(self):
        self.calls = 0

    def __contains__(self, x):
        self.calls += 1
        return x % 5 == 0 if isinstance(x, int) else []   # falsy non-bool


class Iter:
    def __iter__(self):
        return iter([1, 2, 3])


class GetItem:
    def __getitem__(self, i):
        if i >= 4:
            raise IndexError(i)
        return i * 10


def custom(n):
    c = Cont()
    it = Iter()
    gi = GetItem()
    r = [0, 0, 0, 0]
    for i in range(n):
        r[0] += i in c
        r[1] += "s" in c
        r[2] += (i % 4) in it
        r[3] += (i % 50) in gi
    return r, c.calls


print(custom(2000))


class Boom:
    def __eq__(self, o):
        raise ValueError("eq boom")

    __hash__ = object.__hash__


def errors():
    out = []
    for case in range(6):
        try:
            if case == 0:
                [] in {1: 2}
            elif case == 1:
                {} in {1, 2}
            elif case == 2:
                1 in 5
            elif case == 3:
                1 in None
            elif case == 4:
                Boom() in [1, 2]
            else:
                1 in "abc"
        except (TypeError, ValueError) as e:
            out.append(f"{type(e).__name__}: {e}")
    return out


for m in errors():
    print(m)


def same_object_short_circuit(n):
    class NeverEq:
        def __eq__(self, o):
            return False
    x = NeverEq()
    lst = [1, 2, x]
    return sum(1 for _ in range(n) if x in lst)


print(same_object_short_circuit(1000))
