# Imports: a local helper package (runtime/_support), import caching and
# side effects, `from x import *` honouring __all__, importlib APIs,
# failing imports, and a broad sweep of stdlib modules.
import importlib
import sys

import _support.helpers as helpers
from _support import helpers as again
from _support.helpers import *  # noqa: F401,F403

print(helpers is again, helpers.__name__, helpers.LOAD_COUNT)
print(scale([1, 2, 3], 4), Greeter("krait").greet())  # noqa: F405
print("_private exported by *:", "_private" in globals(), "hot_sum exported:", "hot_sum" in globals())
print("hot_sum", helpers.hot_sum(5000))

mod = importlib.import_module("_support.helpers")
print("import_module cached:", mod is helpers)
reloaded = importlib.reload(helpers)
print("reload re-ran module body:", reloaded is helpers)

try:
    import _support.broken  # noqa: F401
except ImportError as e:
    print("ImportError:", e, "| in sys.modules:", "_support.broken" in sys.modules)

try:
    import no_such_module_krait  # noqa: F401
except ModuleNotFoundError as e:
    print("ModuleNotFoundError:", e, e.name)
try:
    from os import no_such_name  # noqa: F401
except ImportError as e:
    print("ImportError:", e)

json = __import__("json")
print(json.dumps({"b": [1, 2.5, None, True], "a": "é"}, sort_keys=True))
print(json.dumps({"b": 1, "a": [1, 2]}, indent=2, ensure_ascii=False))
print(json.loads('{"x": [1, 2, {"y": null}], "z": 1e3}'))

import base64
import binascii
import collections
import copy
import hashlib
import heapq
import math
import random
import re
import statistics
import string
import struct
import textwrap
import zlib

print(base64.b64encode(b"krait jit"), binascii.hexlify(b"\x00\xff"), zlib.crc32(b"hello"))
print(hashlib.sha256(b"abc").hexdigest()[:16], hashlib.md5(b"").hexdigest())
rng = random.Random(12345)
print("seeded random", [rng.randint(0, 100) for _ in range(8)], round(rng.random(), 12))
deck = list(range(10))
rng.shuffle(deck)
print("shuffle", deck, rng.choice("abcdef"), rng.sample(range(100), 4))
print(re.findall(r"(\w)(\d+)", "a1 b22 c333"), re.sub(r"\d", lambda m: str(int(m[0]) * 2), "a1b2c3"))
m = re.match(r"(?P<key>\w+)=(?P<val>[^;]*)", "name=krait;x=1")
print(m.group("key"), m["val"], m.span(), m.groupdict())
print(re.split(r"[,;]\s*", "a, b;c,d"), re.compile(r"^\s+$", re.M).findall("x\n  \ny"))
print(textwrap.wrap("The quick brown fox jumps over the lazy dog " * 2, 30))
print(textwrap.dedent("    a\n      b\n"), end="")
print(string.ascii_lowercase[:5], string.Template("$who likes $what").substitute(who="krait", what="traces"))
print(struct.pack("<ihd", -2, 7, 1.5), struct.unpack(">I", b"\x01\x02\x03\x04"), struct.calcsize("@iq"))
print(statistics.mean([1, 2, 3, 4]), statistics.median([5, 1, 3]), statistics.pstdev([2, 4, 4, 4, 5, 5, 7, 9]))
print(math.gcd(84, 36), math.lcm(4, 6), math.comb(30, 12), math.perm(6, 3), math.isqrt(10 ** 20 + 1))
h = []
for v in [5, 1, 8, 3, 9, 2]:
    heapq.heappush(h, v)
print([heapq.heappop(h) for _ in range(3)], heapq.nlargest(2, [4, 7, 1, 9]))
nested = {"a": [1, {"b": 2}]}
deep = copy.deepcopy(nested)
deep["a"][1]["b"] = 3
print(nested, deep, copy.copy(nested)["a"] is nested["a"])
print(collections.Counter("mississippi").most_common(3))

print("modules loaded include json:", "json" in sys.modules, "helpers:", "_support.helpers" in sys.modules)
print("__name__", __name__, "package", __package__, "spec is None:", __spec__ is None)
