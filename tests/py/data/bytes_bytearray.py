# bytes / bytearray / memoryview: construction, methods, mutation,
# slicing, hex, struct, int.to_bytes/from_bytes, base64, and byte-level
# hot loops (checksums, in-place transforms).
import base64
import struct

b = b"Hello\x00\xff bytes"
print(b, len(b), b[0], b[-1], b[1:5], b[::-1], list(b[:3]), b.hex(), b.hex(":", 2))
print(bytes(4), bytes([65, 66, 67]), bytes("é", "utf-8"), bytes.fromhex("de ad be ef"), bytes(range(250, 256)))
print(b.upper(), b.split(), b.replace(b"l", b"L"), b.find(b"by"), b.count(b"l"), b.startswith(b"He"))
print(b"a,b,c".split(b","), b"-".join([b"x", b"y"]), b"  pad ".strip(), b"abc".center(7, b"*"))
print(b"%s=%d (%x)" % (b"key", 42, 255), b"abc" + b"def", b"ab" * 3, b"b" in b"abc", 98 in b"abc")
try:
    b"abc"[0] = 1
except TypeError as e:
    print("TypeError:", e)
try:
    bytes([256])
except ValueError as e:
    print("ValueError:", e)
try:
    b"x" + "y"
except TypeError as e:
    print("TypeError:", e)

ba = bytearray(b"hello world")
ba[0] = ord("H")
ba[6:11] = b"WORLD!!"
ba.extend(b" more")
ba.append(33)
ba.insert(0, 62)
del ba[1:3]
print(ba, len(ba), ba.pop(), ba.decode(), bytes(ba) == ba, ba.isupper())
ba.reverse()
print(ba, ba.index(b"D"), ba.rstrip(b"> "))
ba2 = bytearray(8)
ba2[::2] = b"\x01\x02\x03\x04"
print(ba2, bytearray.fromhex("00 ff"), bytearray(b"ab") * 2, ba2.count(0))

mv = memoryview(bytearray(range(16)))
print(mv[2], mv[2:6].tolist(), mv.nbytes, mv.readonly, mv.format, mv[::4].tobytes())
mv[0:2] = b"\xaa\xbb"
ints = mv.cast("I")
print(hex(ints[0]), len(ints), ints.format, ints.itemsize, mv.obj[:4])
with memoryview(b"abcdef") as m2:
    print(m2[1:3].tobytes(), m2.readonly, bytes(m2[::-1]))

packed = struct.pack("<HiqdI?3s", 65535, -2, 2 ** 40, 0.1, 7, True, b"xyz")
print(packed.hex(), len(packed), struct.unpack("<HiqdI?3s", packed))
print(struct.pack(">h", -2), struct.pack("<f", 1.1), struct.unpack("<f", struct.pack("<f", 1.1))[0])
print(list(struct.iter_unpack("<HH", b"\x01\x00\x02\x00\x03\x00\x04\x00")))
try:
    struct.pack("<h", 40000)
except struct.error as e:
    print("struct.error:", e)

print((1024).to_bytes(2, "big"), (1024).to_bytes(4, "little"), (-1).to_bytes(2, "big", signed=True))
print(int.from_bytes(b"\x01\x00", "big"), int.from_bytes(b"\xff\xff", "little", signed=True), (2 ** 100).to_bytes(13, "big").hex())
try:
    (256).to_bytes(1, "big")
except OverflowError as e:
    print("OverflowError:", e)
data = bytes(range(256)) * 2
print(base64.b64encode(data[:20]), base64.b32encode(b"krait"), base64.urlsafe_b64encode(b"\xfb\xff"), base64.b16decode(b"4B52"))
print(base64.b64decode(base64.b64encode(data)) == data, base64.a85encode(b"jit"))

# Hot loops over bytes.
checksum = 0
for byte in data * 10:
    checksum = (checksum * 31 + byte) & 0xFFFFFFFF
print("checksum", checksum)
buf = bytearray(data)
for i in range(len(buf)):
    buf[i] ^= (i * 7) & 0xFF
print("xored", buf[:8].hex(), sum(buf), bytes(buf).count(0))


def adler32(bs):
    a, b_ = 1, 0
    for x in bs:
        a = (a + x) % 65521
        b_ = (b_ + a) % 65521
    return (b_ << 16) | a


import zlib
blob = bytes((i * i) & 0xFF for i in range(5000))
print("adler32", adler32(blob), zlib.adler32(blob), zlib.decompress(zlib.compress(blob)) == blob)
