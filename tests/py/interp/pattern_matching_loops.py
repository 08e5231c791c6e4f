# krait: expect interp_frames >= 1
# match statements in hot loops: literal, capture, wildcard, value
# (dotted) patterns, sequence patterns with star, mapping patterns with
# **rest, class patterns with __match_args__ and keywords, guards,
# or-patterns, as-patterns, and the TypeError for bad __match_args__.
from dataclasses import dataclass
import enum


class Color(enum.Enum):
    RED = 1
    GREEN = 2


@dataclass
class Point:
    x: int
    y: int


class Circle:
    __match_args__ = ("center", "r")

    def __init__(self, center, r):
        self.center, self.r = center, r


def classify(v):
    match v:
        case 0 | 1 | 2:
            return "small"
        case int(n) if n < 0:
            return "neg"
        case int() | float() as num if num > 1000:
            return "big"
        case str() as s if len(s) > 3:
            return "longstr"
        case "a" | "b":
            return "ab"
        case Color.RED:
            return "red"
        case [] | ():
            return "empty"
        case [x]:
            return f"one:{x!r}"
        case [x, y, *rest] if not rest:
            return f"pair:{x},{y}"
        case [int(), *_, str() as last]:
            return f"int..str:{last}"
        case [_, _, *rest]:
            return f"seq+{len(rest)}"
        case {"type": "pt", "x": x, **extra}:
            return f"map-pt:{x}:{sorted(extra)}"
        case {"k": [1, *_]}:
            return "map-k-list"
        case Point(x=0, y=yy):
            return f"pt-on-y:{yy}"
        case Point(xx, yy) if xx == yy:
            return "pt-diag"
        case Point():
            return "pt"
        case Circle(Point(0, 0), r):
            return f"circle-origin:{r}"
        case Circle(_, r=rr):
            return f"circle:{rr}"
        case None | True | False:
            return f"singleton:{v}"
        case _:
            return "other:" + type(v).__name__


SAMPLES = [0, 1, 2, -5, 5000, 3.5, 2000.0, "hello", "a", "b", "z", Color.RED, Color.GREEN, [], (),
           [9], ("t",), [1, 2], (1, 2, 3), [1, "x", "end"], [1, 2, 3, "s"], {"type": "pt", "x": 3, "z": 1},
           {"k": [1, 2]}, {"k": [2]}, Point(0, 5), Point(3, 3), Point(1, 2), Circle(Point(0, 0), 4),
           Circle(Point(1, 0), 9), None, True, False, b"bytes", "abc", range(3), {1, 2}]


def hot(n):
    counts = {}
    for i in range(n):
        r = classify(SAMPLES[i % len(SAMPLES)])
        counts[r] = counts.get(r, 0) + 1
    return counts


res = hot(7200)
for k in sorted(res):
    print(k, res[k])


def match_in_loop_body(n):
    total = 0
    for i in range(n):
        match (i % 3, i % 5):
            case (0, 0):
                total += 100
            case (0, _) | (_, 0):
                total += 10
            case (a, b) if a == b:
                total += a
            case _:
                total -= 1
    return total


print(match_in_loop_body(15000))


class BadArgs:
    __match_args__ = ("a", "a")

    def __init__(self):
        self.a = 1


class NotTuple:
    __match_args__ = ["a"]
    a = 1


def errors():
    out = []
    for obj, kind in ((BadArgs(), 0), (NotTuple(), 1), (1, 2)):
        try:
            match obj:
                case BadArgs(x, y) if kind == 0:
                    out.append("nope")
                case NotTuple(x) if kind == 1:
                    out.append("nope")
                case int(a, b):
                    out.append("nope")
        except TypeError as e:
            out.append(str(e))
    return out


print(errors())


def getattr_side_effects(n):
    log = []

    class Spy:
        __match_args__ = ("a", "b")

        def __getattr__(self, name):
            log.append(name)
            if name == "b":
                raise AttributeError(name)
            return 1
    for i in range(n):
        match Spy():
            case Spy(1, 2):
                pass
            case Spy(a=1):
                pass
    return log[:6], len(log)


print(getattr_side_effects(300))
