# krait: expect hook_frames >= 1
# lambda, functools (reduce, partial, lru_cache, wraps, total_ordering,
# singledispatch, cmp_to_key, cached_property), itertools, operator, and
# sorting with keys (stability, reverse, multi-key).
import functools
import itertools
import operator

print(functools.reduce(operator.mul, range(1, 21)))
print(functools.reduce(lambda acc, x: acc * 31 + x, range(3000), 7) % 1000000007)
pow2 = functools.partial(pow, 2)
mod_pow = functools.partial(pow, mod=1000)
print(pow2(100), mod_pow(3, 200), pow2.func is pow, pow2.args)


@functools.lru_cache(maxsize=None)
def partitions(n, k):
    if n == 0:
        return 1
    if n < 0 or k == 0:
        return 0
    return partitions(n - k, k) + partitions(n, k - 1)


print("partitions(150)", partitions(150, 150), partitions.cache_info().misses > 0)
partitions.cache_clear()
print(partitions.cache_info())


def trace(fn):
    @functools.wraps(fn)
    def wrapper(*a, **kw):
        wrapper.calls += 1
        return fn(*a, **kw)
    wrapper.calls = 0
    return wrapper


@trace
def add(a, b):
    """Add two numbers."""
    return a + b


for i in range(4000):
    add(i, 1)
print(add.__name__, add.__doc__, add.calls, add.__wrapped__(2, 3))


@functools.total_ordering
class Version:
    def __init__(self, s):
        self.parts = tuple(int(p) for p in s.split("."))

    def __eq__(self, o):
        return self.parts == o.parts

    def __lt__(self, o):
        return self.parts < o.parts

    def __repr__(self):
        return "v" + ".".join(map(str, self.parts))


vs = [Version(s) for s in ["1.10.0", "1.2.3", "1.2.10", "0.9", "1.2.3"]]
print(sorted(vs), max(vs), Version("1.0") >= Version("0.9"), Version("1.0") <= Version("0.9"))


@functools.singledispatch
def show(x):
    return f"object:{x!r}"


@show.register
def _(x: int):
    return f"int:{x}"


@show.register(list)
def _(x):
    return "list:" + ",".join(show(i) for i in x)


print(show(3), show("s"), show([1, "a", [2]]), show(True))


def compare_len_then_alpha(a, b):
    return (len(a) > len(b)) - (len(a) < len(b)) or (a > b) - (a < b)


words = "the quick brown fox jumps over the lazy dog again and again".split()
print(sorted(words, key=functools.cmp_to_key(compare_len_then_alpha)))
print(sorted(words, key=len))  # stable: equal lengths keep input order
print(sorted(words, key=lambda w: (-len(w), w)))
print(sorted(words, key=str.upper, reverse=True))
recs = [("bob", 25, 3.5), ("amy", 25, 4.0), ("cat", 30, 3.5), ("dan", 20, 4.0)]
print(sorted(recs, key=operator.itemgetter(1, 0)))
print(sorted(recs, key=lambda r: (-r[2], r[0])))
print(min(recs, key=operator.itemgetter(2)), max(recs, key=lambda r: r[1]))


class C:
    def __init__(self, n):
        self.n = n

    @functools.cached_property
    def heavy(self):
        print("computing heavy")
        return sum(range(self.n))


c = C(10000)
print(c.heavy, c.heavy)

# itertools tour
print(list(itertools.chain([1, 2], "ab", range(2))))
print(list(itertools.product("ab", repeat=2)), len(list(itertools.product(range(10), repeat=3))))
print(list(itertools.permutations([1, 2, 3], 2)))
print(list(itertools.combinations("abcd", 2)), list(itertools.combinations_with_replacement("ab", 2)))
print([(k, list(g)) for k, g in itertools.groupby("aaabccdaa")])
print(list(itertools.accumulate([1, 2, 3, 4, 5], operator.mul)), list(itertools.accumulate([3, 1, 4, 1, 5], max)))
print(list(itertools.islice(itertools.count(10, 5), 2, 8, 2)))
print(list(itertools.islice(itertools.cycle("xyz"), 7)))
print(list(itertools.zip_longest("ab", "wxyz", fillvalue="-")))
print(list(itertools.starmap(pow, [(2, 5), (3, 2)])), list(itertools.repeat("r", 3)))
print(list(itertools.takewhile(lambda v: v < 5, [1, 4, 6, 2])), list(itertools.dropwhile(lambda v: v < 5, [1, 4, 6, 2])))
print(list(itertools.compress("abcdef", [1, 0, 1, 0, 1, 1])), list(itertools.filterfalse(str.isdigit, "a1b2")))
t1, t2 = itertools.tee(range(4))
print(list(t1), list(t2), list(itertools.pairwise("abcd")))

# Hot: lambdas through map/filter and sort with a key over many elements.
vals = list(map(lambda i: (i * 7919) % 10007, range(5000)))
odd = list(filter(lambda v: v & 1, vals))
print(len(odd), sum(odd), sorted(vals, key=lambda v: (v % 100, -v))[:6])
print(list(map(operator.add, [1, 2, 3], [10, 20, 30])), operator.attrgetter("real", "imag")(3 + 4j))
print(operator.methodcaller("replace", "a", "o")("banana"), (lambda *a, **k: (a, k))(1, x=2))
