# krait: expect hook_frames >= 1
# str methods, slicing, unicode (non-BMP, combining characters,
# normalisation, casefold), encode/decode with errors, repr escaping, and
# string building in hot loops.
import unicodedata

s = "  Hello, Krait World!  "
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()), s.strip(" !H"))
print(s.lower(), s.upper(), s.swapcase(), s.title(), "hello world".capitalize())
print(s.split(), s.split(","), "a,b,,c".split(","), "a b  c".split(" "), "a-b-c".rsplit("-", 1))
print("x".join(["1", "2", "3"]), ", ".join(map(str, range(5))), "".join(reversed("abc")))
print(s.find("o"), s.rfind("o"), s.find("zz"), s.index("K"), s.count("l"), "aaaa".count("aa"))
try:
    s.index("zz")
except ValueError as e:
    print("ValueError:", e)
print(s.replace("l", "L"), s.replace("l", "L", 2), "abc".replace("", "-"))
print("key=value=x".partition("="), "key=value=x".rpartition("="), "novalue".partition("="))
print("ab\ncd\r\nef\rgh".splitlines(), "ab\ncd\n".splitlines(keepends=True))
print("42".zfill(6), "-42".zfill(6), "abc".center(9, "*"), "abc".ljust(6, "."), "abc".rjust(6))
print("Hello".startswith(("He", "x")), "Hello".endswith("lo", 0, 5), "hello"[1:4], "hello"[::-1], "hello"[::2], "hello"[-3:])
print("abc123".isalnum(), "abc".isalpha(), "123".isdigit(), "١٢٣".isdecimal(), "½".isnumeric(), " \t".isspace(), "Title Case".istitle())
print("tab\tsep".expandtabs(4), "CamelCaseString".removeprefix("Camel").removesuffix("String"))
table = str.maketrans("abc", "xyz", "d")
print("abcdabcd".translate(table), "hello".translate({ord("l"): None}))
print("%s|%r|%a" % ("é", "é", "é"), ascii("naïve ☃"), repr("quote'\"\n\t\x00\x7f"))

u = "café 🐍 straße ǅ ﬁ"
print(len(u), len(u.encode("utf-8")), len(u.encode("utf-16-le")) // 2, [hex(ord(c)) for c in "🐍é"])
print(u.upper(), u.lower(), u.casefold(), u.title())
print("Straße".casefold() == "STRASSE".casefold(), "ß".upper(), "İ".lower(), len("İ".lower()))
composed = "é"
decomposed = unicodedata.normalize("NFD", composed)
print(len(composed), len(decomposed), composed == decomposed, unicodedata.normalize("NFC", decomposed) == composed)
print(unicodedata.name("🐍"), unicodedata.category("A"), unicodedata.lookup("SNOWMAN"), unicodedata.numeric("⅔"))
print(u.encode("ascii", errors="replace"), u.encode("ascii", errors="ignore"), u.encode("ascii", "xmlcharrefreplace"))
print(u.encode("ascii", "backslashreplace"), b"caf\xc3\xa9 \xff".decode("utf-8", "replace"), b"\xff".decode("latin-1"))
try:
    b"\xff\xfe\xfa".decode("utf-8")
except UnicodeDecodeError as e:
    print("UnicodeDecodeError:", e)
try:
    "☃".encode("ascii")
except UnicodeEncodeError as e:
    print("UnicodeEncodeError:", e)
print(sorted(["b", "A", "a", "B", "é", "e", "Z"]), sorted(["b", "A", "a", "B"], key=str.lower))
print(max("hello"), min("hello"), "abc" < "abd", "Z" < "a", "abc" * 3, 3 * "-", "a" in "cat")
print(chr(0x1F600), ord("€"), "\N{GREEK SMALL LETTER ALPHA}", "\u00e9\U0001F40D")

# Hot loops: concatenation, slicing, char ops.
out = ""
for i in range(5000):
    out += chr(97 + i % 26)
print(len(out), out[:30], out.count("z"))
parts = []
for i in range(4000):
    parts.append(str(i)[::-1])
joined = "".join(parts)
print(len(joined), joined[-20:], joined.count("0"))
caesar = "".join(chr((ord(c) - 97 + 13) % 26 + 97) if c.islower() else c for c in "hello, world! rot13 test")
print(caesar)
words = ("lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod " * 100).split()
freq = {}
for w in words:
    freq[w] = freq.get(w, 0) + 1
print(sorted(freq.items())[:4], len(words))
pal = [w for w in ("level", "krait", "racecar", "noon", "python", "a") if w == w[::-1]]
print("palindromes", pal)
print(str(12345)[1:-1], int("  42  "), int("-0b101", 0), int("ff", 16), str(-0), str(True), str(None))
