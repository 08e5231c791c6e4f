# krait: expect hook_frames >= 1
# dict semantics: insertion order, views, update/merge operators,
# setdefault/get/pop/popitem, equality, key hashing (int/float/bool/tuple
# collisions), mutation during iteration, defaultdict / Counter /
# OrderedDict / ChainMap, and dict-heavy hot loops.
import collections

d = {"b": 1, "a": 2}
d["c"] = 3
d["b"] = 10  # updating keeps the original position
print(d, list(d), list(d.values()), list(d.items()), len(d))
print(d.get("zz"), d.get("zz", 0), d.setdefault("d", 4), d.setdefault("a", 99), d)
print(d.pop("a"), d.pop("zz", "default"), d.popitem(), d)
try:
    d.pop("zz")
except KeyError as e:
    print("KeyError:", e)
try:
    {}.popitem()
except KeyError as e:
    print("KeyError:", e)
d.update({"x": 1}, y=2)
d.update([("z", 3)])
print(d, d | {"x": 100}, {"q": 0} | d)
d |= {"w": -1}
print(d, "x" in d, 1 in d, "x" in d.keys(), 3 in d.values(), ("z", 3) in d.items())
keys = d.keys()
d["late"] = 0
print("live view", list(keys), keys & {"x", "late", "nope"} == {"x", "late"}, sorted(keys - {"x"}))
print(dict.fromkeys("abc", 0), dict(zip(range(3), "xyz")), dict([(1, 2)], three=3))
print({1: "int", 1.0: "float", True: "bool"}, {(1, 2): "t", frozenset([1]): "fs"}[frozenset({1})])
print({"a": 1, "b": 2} == {"b": 2, "a": 1}, list({"a": 1, "b": 2}) == list({"b": 2, "a": 1}))
print(sorted({3: "c", 1: "a", 2: "b"}.items(), key=lambda kv: kv[1], reverse=True))
print(min({"x": 5, "y": 2}, key={"x": 5, "y": 2}.get), max(d.items(), key=lambda kv: kv[1]))
nested = {"a": {"b": {"c": [1, 2, {"d": "deep"}]}}}
print(nested["a"]["b"]["c"][2]["d"], nested)
try:
    {[1]: 2}
except TypeError as e:
    print("TypeError:", e)
print(repr({}), str({1: {}}), dict(), {**{}}, list(reversed({"a": 1, "b": 2})))
for k in list(d):
    if isinstance(d[k], int) and d[k] < 2:
        del d[k]
print("after deleting small values", d)

# Hot loops: counting, grouping, nested updates.
counts = {}
for i in range(5000):
    key = (i * 7) % 13
    counts[key] = counts.get(key, 0) + 1
print(sorted(counts.items()))
groups = collections.defaultdict(list)
for i in range(3000):
    groups[i % 5].append(i)
print({k: (len(v), v[:2]) for k, v in sorted(groups.items())}, groups.default_factory)
sq = {i: i * i for i in range(2000)}
total = 0
for i in range(4000):
    total += sq.get(i, -1)
print("sq lookups", total)
inv = {}
for k, v in sq.items():
    inv.setdefault(v % 10, []).append(k)
print({k: len(v) for k, v in sorted(inv.items())})
churn = {}
for i in range(6000):
    churn[i] = i
    if i >= 10:
        del churn[i - 10]
print("churn", list(churn.items()))

c = collections.Counter("abracadabra")
print(c, c.most_common(2), c["z"], sorted(c.elements())[:6], sum(c.values()))
c2 = collections.Counter(a=1, b=5)
print(c + c2, c - c2, c & c2, c | c2, c2.total(), (c - c).most_common())
c.subtract({"a": 10})
print(c, +c)
od = collections.OrderedDict.fromkeys("abcde")
od.move_to_end("b")
od.move_to_end("d", last=False)
print(list(od), od.popitem(last=False), od.popitem(), list(od))
print(collections.OrderedDict(a=1, b=2) == collections.OrderedDict(b=2, a=1), {"a": 1, "b": 2} == collections.OrderedDict(b=2, a=1))
cm = collections.ChainMap({"a": 1}, {"a": 2, "b": 3})
cm["c"] = 4
print(cm["a"], cm["b"], sorted(cm), cm.maps, cm.new_child({"z": 0})["z"], len(cm))
dd = collections.defaultdict(int)
for ch in "mississippi":
    dd[ch] += 1
print(sorted(dd.items()), dd["missing"], "missing" in dd)


class Missing(dict):
    def __missing__(self, key):
        return f"<{key}>"


m = Missing(a=1)
print(m["a"], m["b"], m.get("b"), "b" in m)
