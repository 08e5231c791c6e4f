# Structural pattern matching: literals, captures, sequences with star,
# mappings with **rest, class patterns (positional via __match_args__ and
# keyword), guards, or-patterns, `as` bindings and value patterns.
import enum
from dataclasses import dataclass


@dataclass
class Point:
    x: int
    y: int


@dataclass
class Circle:
    center: Point
    r: int


class Op(enum.Enum):
    ADD = "+"
    MUL = "*"


class Legacy:
    __match_args__ = ("a", "b")

    def __init__(self, a, b):
        self.a, self.b = a, b

    def __repr__(self):
        return f"Legacy({self.a}, {self.b})"


def describe(obj):
    match obj:
        case None:
            return "none"
        case True | False as b:
            return f"bool {b}"
        case 0:
            return "zero"
        case int(n) if n < 0:
            return f"negative int {n}"
        case int() | float() as num:
            return f"number {num!r}"
        case "":
            return "empty string"
        case str(s) if s.isdigit():
            return f"digit string {s}"
        case str():
            return f"string of {len(obj)}"
        case []:
            return "empty list"
        case [x]:
            return f"singleton {x!r}"
        case [1, *rest]:
            return f"starts with 1 then {rest}"
        case (first, *_, last) if isinstance(obj, tuple):
            return f"tuple {first}..{last}"
        case [_, _, *mid, _] if len(mid) > 2:
            return f"long list mid={mid}"
        case {"type": "user", "name": str(name), **extra}:
            return f"user {name} extra={sorted(extra)}"
        case {"type": t}:
            return f"typed {t}"
        case Point(x=0, y=0):
            return "origin"
        case Point(x=0, y=y) | Point(x=y, y=0):
            return f"on axis at {y}"
        case Point(x, y) if x == y:
            return f"diagonal {x}"
        case Circle(Point(x, y), r=r) if r > 10:
            return f"big circle at ({x},{y})"
        case Circle(center=c):
            return f"circle around {c}"
        case Op.ADD:
            return "plus op"
        case Legacy(a, b=2):
            return f"legacy a={a}"
        case {**kw} if not kw:
            return "empty dict"
        case _:
            return f"other {type(obj).__name__}"


cases = [None, True, 0, -5, 3.5, 7, "", "123", "hello", [], [9], [1, 2, 3],
         (5, 6, 7, 8), [0, 1, 2, 3, 4, 5], [0, 1, 2], {"type": "user", "name": "ann", "age": 3, "x": 1},
         {"type": "admin"}, {}, Point(0, 0), Point(0, 4), Point(4, 0), Point(3, 3), Point(1, 2),
         Circle(Point(1, 1), 20), Circle(Point(2, 2), 1), Op.ADD, Op.MUL, Legacy(9, 2), Legacy(9, 3),
         {"name": "x"}, b"bytes", (1,)]
for c in cases:
    print(repr(c), "->", describe(c))


def evaluate(expr):
    match expr:
        case ("num", v):
            return v
        case ("neg", e):
            return -evaluate(e)
        case (("add" | "sub") as op, l, r):
            a, b = evaluate(l), evaluate(r)
            return a + b if op == "add" else a - b
        case ("mul", l, r):
            return evaluate(l) * evaluate(r)
        case _:
            raise ValueError(f"bad expr {expr!r}")


tree = ("add", ("mul", ("num", 3), ("num", 4)), ("neg", ("sub", ("num", 10), ("num", 4))))
print("evaluate", evaluate(tree))
try:
    evaluate(("pow", 1, 2))
except ValueError as e:
    print("ValueError:", e)

# Hot loop dispatching via match.
kinds = {}
samples = [i if i % 4 else str(i) for i in range(50)] + [[i, i + 1] for i in range(5)] + [Point(i, i) for i in range(5)]
for i in range(4000):
    r = describe(samples[i % len(samples)]).split()[0]
    kinds[r] = kinds.get(r, 0) + 1
print(sorted(kinds.items()))


def commands(line):
    match line.split():
        case ["go", ("north" | "south" | "east" | "west") as d]:
            return f"move {d}"
        case ["take", *items] if items:
            return f"take {', '.join(items)}"
        case ["quit" | "exit"]:
            return "bye"
        case _:
            return "?"


for line in ["go north", "go up", "take a b c", "take", "exit", ""]:
    print(repr(line), commands(line))
