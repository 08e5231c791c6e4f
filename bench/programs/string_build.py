"""String building: format many small records into text in several styles
(%-formatting, str.format, f-strings, concatenation, join, padding), then
parse the text back and transform it (split, replace, upper, find, slicing).

The hot path is allocation of short str objects and the str methods that
every real-world Python program leans on. String `+=` is only ever applied
to short strings so the program does not depend on CPython's in-place
concatenation trick (PyPy would go quadratic).

Self-check: parsing the text back must recover every number that went in
(sums compared with closed forms), and the total text length must equal a
value computed purely arithmetically from digit counts.
"""

import sys

RECORDS = 300_000
NAMES = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta"]


def digits(n):
    """Decimal digit count by arithmetic, not by str()."""
    count = 1
    while n >= 10:
        n //= 10
        count += 1
    return count


def hex_digits(n):
    count = 1
    while n >= 16:
        n >>= 4
        count += 1
    return count


def key_of(i):
    return (i * 7919) % 100_003


def build(n):
    lines = []
    for i in range(n):
        name = NAMES[i % len(NAMES)]
        style = i % 3
        if style == 0:
            line = "%s:%d;%x" % (name, key_of(i), i)
        elif style == 1:
            line = "{}:{};{:x}".format(name, key_of(i), i)
        else:
            line = f"{name}:{key_of(i)};{i:x}"
        # A short tag built piece by piece with +=.
        tag = ""
        for ch in name[:3]:
            tag += ch.upper()
        line += "|" + tag + "|" + str(i % 97).rjust(3, "0")
        lines.append(line)
    return "\n".join(lines)


def expected_length(n):
    total = n - 1  # newlines
    for i in range(n):
        name = NAMES[i % len(NAMES)]
        total += len(name) + 1 + digits(key_of(i)) + 1 + hex_digits(i)
        total += 1 + min(3, len(name)) + 1 + 3
    return total


def parse(text):
    key_sum = index_sum = mod_sum = 0
    tags = {}
    for line in text.split("\n"):
        body, tag, mod = line.split("|")
        name, rest = body.split(":")
        key, idx = rest.split(";")
        key_sum += int(key)
        index_sum += int(idx, 16)
        mod_sum += int(mod)
        if tag != name[:3].upper():
            raise ValueError("bad tag in %r" % line)
        tags[tag] = tags.get(tag, 0) + 1
    return key_sum, index_sum, mod_sum, tags


def transform(text):
    """Whole-text operations: replace, case mapping, searching."""
    shouted = text.replace("alpha", "ALPHA!").upper()
    found = 0
    pos = shouted.find("ALPHA!")
    while pos != -1:
        found += 1
        pos = shouted.find("ALPHA!", pos + 6)
    return len(shouted), found


def fail(msg):
    sys.exit("string_build: self-check FAILED: " + msg)


def main():
    text = build(RECORDS)
    if len(text) != expected_length(RECORDS):
        fail("text length %d != %d" % (len(text), expected_length(RECORDS)))
    key_sum, index_sum, mod_sum, tags = parse(text)
    if index_sum != RECORDS * (RECORDS - 1) // 2:
        fail("index sum %d is wrong" % index_sum)
    if key_sum != sum(key_of(i) for i in range(RECORDS)):
        fail("key sum %d is wrong" % key_sum)
    full, rem = divmod(RECORDS, 97)
    want_mod = full * (96 * 97 // 2) + rem * (rem - 1) // 2
    if mod_sum != want_mod:
        fail("mod sum %d != %d" % (mod_sum, want_mod))
    alphas = (RECORDS + len(NAMES) - 1) // len(NAMES)
    if tags.get("ALP") != alphas:
        fail("ALP tag count %r != %d" % (tags.get("ALP"), alphas))
    shouted_len, found = transform(text)
    if found != alphas or shouted_len != len(text) + alphas:
        fail("transform found %d alphas, length %d" % (found, shouted_len))
    print("string_build: records=%d length=%d key_sum=%d"
          % (RECORDS, len(text), key_sum))


if __name__ == "__main__":
    main()
