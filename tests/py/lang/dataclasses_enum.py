# dataclasses (ordering, frozen, defaults, __post_init__, asdict), enum,
# NamedTuple and typing helpers.
import dataclasses
import enum
from dataclasses import dataclass, field
from typing import NamedTuple, Optional


@dataclass(order=True)
class Item:
    priority: int
    name: str = field(compare=False)
    tags: list = field(default_factory=list, compare=False, repr=False)
    weight: float = 1.0

    def __post_init__(self):
        if self.priority < 0:
            raise ValueError("priority must be >= 0")
        self.name = self.name.strip()


items = [Item(3, " c "), Item(1, "a", ["x"]), Item(2, "b", weight=0.5), Item(1, "z", weight=0.1)]
print(sorted(items))
print(items[1], dataclasses.asdict(items[1]), dataclasses.astuple(items[2]))
print([f.name for f in dataclasses.fields(Item)])
print(Item(1, "q") == Item(1, "other"), Item(1, "q") < Item(2, "a"))
try:
    Item(-1, "bad")
except ValueError as e:
    print("ValueError:", e)


@dataclass(frozen=True)
class Coord:
    x: int
    y: int = 0

    def moved(self, dx):
        return dataclasses.replace(self, x=self.x + dx)


c = Coord(1)
try:
    c.x = 5
except dataclasses.FrozenInstanceError as e:
    print("FrozenInstanceError:", e)
print(c, c.moved(4), hash(c) == hash(Coord(1, 0)), {c, Coord(1, 0)} == {c})

# Hot loop: dataclass construction and comparison.
best = Item(10 ** 6, "init")
for i in range(3000):
    cand = Item((i * 7919) % 1009, f"n{i}")
    if cand < best:
        best = cand
print("best", best)


class Color(enum.Enum):
    RED = 1
    GREEN = 2
    BLUE = 3

    def mix(self, other):
        return Color((self.value + other.value) % 3 + 1)


class Perm(enum.IntFlag):
    R = 4
    W = 2
    X = 1


class Level(enum.IntEnum):
    LOW = 10
    HIGH = 20


print(Color.RED, repr(Color.GREEN), Color(3), Color["BLUE"], list(Color))
print(Color.RED.mix(Color.BLUE), Color.RED.name, Color.RED.value)
print(Perm.R | Perm.W, repr(Perm.R | Perm.X), Perm(7), Perm.W in Perm(6), int(Perm.R | Perm.W | Perm.X))
print(Level.LOW < Level.HIGH, Level.HIGH + 1, sorted([Level.HIGH, Level.LOW]))
try:
    Color(9)
except ValueError as e:
    print("ValueError:", e)


class Auto(enum.Enum):
    A = enum.auto()
    B = enum.auto()


print([(m.name, m.value) for m in Auto])

counts = {c: 0 for c in Color}
col = Color.RED
for i in range(2000):
    col = col.mix(Color(i % 3 + 1))
    counts[col] += 1
print({k.name: v for k, v in counts.items()})


class Pt(NamedTuple):
    x: int
    y: int = 0
    label: Optional[str] = None

    def dist2(self):
        return self.x ** 2 + self.y ** 2


p = Pt(3, 4)
print(p, p.dist2(), p._replace(label="q"), p._asdict(), Pt._fields, p[0], len(p))
x, y, label = p
print(x, y, label, Pt._make([1, 2, "z"]))
