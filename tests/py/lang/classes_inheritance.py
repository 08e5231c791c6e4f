# krait: expect hook_frames >= 1
# Classes: inheritance, super(), MRO, properties, classmethod/staticmethod,
# __slots__ and the common dunder protocols, exercised inside hot loops so
# attribute lookups and method calls go through compiled traces.


class Shape:
    count = 0

    def __init__(self, name):
        self.name = name
        Shape.count += 1

    def area(self):
        raise NotImplementedError(type(self).__name__)

    def describe(self):
        return f"{self.name} with area {self.area():.3f}"

    @classmethod
    def make(cls, *args):
        return cls(*args)

    @staticmethod
    def unit():
        return "m^2"


class Rect(Shape):
    def __init__(self, w, h):
        super().__init__("rect")
        self.w, self.h = w, h

    def area(self):
        return self.w * self.h


class Square(Rect):
    def __init__(self, side):
        super().__init__(side, side)
        self.name = "square"

    @property
    def side(self):
        return self.w

    @side.setter
    def side(self, value):
        if value < 0:
            raise ValueError("negative side")
        self.w = self.h = value

    @side.deleter
    def side(self):
        self.w = self.h = 0


class Circle(Shape):
    def __init__(self, r):
        super().__init__("circle")
        self.r = r

    def area(self):
        return 3.14159 * self.r * self.r


shapes = [Rect(2, 3), Square(4), Circle(1.5), Rect.make(1, 7), Square.make(2)]
for s in shapes:
    print(s.describe(), Shape.unit())
print("instances:", Shape.count)
print("mro:", [c.__name__ for c in Square.__mro__])
print("isinstance:", isinstance(shapes[1], Rect), issubclass(Circle, Rect))

sq = Square(3)
sq.side = 5
print("side", sq.side, sq.area())
try:
    sq.side = -1
except ValueError as e:
    print("ValueError:", e)
del sq.side
print("after del", sq.w, sq.h)
try:
    Shape("abstract").area()
except NotImplementedError as e:
    print("NotImplementedError:", e)

# Hot loop: polymorphic method dispatch over a mixed list.
total = 0.0
for i in range(3000):
    total += shapes[i % len(shapes)].area()
print("total area", round(total, 6))


class Vec:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __add__(self, o):
        return Vec(self.x + o.x, self.y + o.y)

    def __sub__(self, o):
        return Vec(self.x - o.x, self.y - o.y)

    def __mul__(self, k):
        return Vec(self.x * k, self.y * k)

    __rmul__ = __mul__

    def __neg__(self):
        return Vec(-self.x, -self.y)

    def __abs__(self):
        return (self.x * self.x + self.y * self.y) ** 0.5

    def __eq__(self, o):
        return isinstance(o, Vec) and (self.x, self.y) == (o.x, o.y)

    def __hash__(self):
        return hash((self.x, self.y))

    def __lt__(self, o):
        return (self.x, self.y) < (o.x, o.y)

    def __repr__(self):
        return f"Vec({self.x!r}, {self.y!r})"

    def __iter__(self):
        yield self.x
        yield self.y

    def __bool__(self):
        return bool(self.x or self.y)


v = Vec(0, 0)
step = Vec(1, 2)
for i in range(5000):
    v = v + step if i % 3 else v - step * 2
print("v =", v, "abs", round(abs(v), 4), "neg", -v, "3*step", 3 * step)
print("bool", bool(Vec(0, 0)), bool(v), "unpack", tuple(v))
print("sorted", sorted([Vec(2, 1), Vec(1, 5), Vec(1, 2)]))
print("set size", len({Vec(1, 1), Vec(1, 1), Vec(2, 2)}))
try:
    v.z = 1
except AttributeError as e:
    print("AttributeError:", e)
print("has __dict__:", hasattr(v, "__dict__"))


class Matrix:
    def __init__(self, rows):
        self.rows = [list(r) for r in rows]

    def __getitem__(self, idx):
        r, c = idx
        return self.rows[r][c]

    def __setitem__(self, idx, value):
        r, c = idx
        self.rows[r][c] = value

    def __len__(self):
        return len(self.rows)

    def __contains__(self, value):
        return any(value in r for r in self.rows)

    def __call__(self, vec):
        return [sum(a * b for a, b in zip(row, vec)) for row in self.rows]

    def __matmul__(self, other):
        cols = list(zip(*other.rows))
        return Matrix([[sum(a * b for a, b in zip(r, c)) for c in cols] for r in self.rows])

    def __repr__(self):
        return f"Matrix({self.rows})"


m = Matrix([[1, 2], [3, 4]])
m[0, 1] = 5
print(m, len(m), 5 in m, 9 in m, m([1, 1]))
p = Matrix([[1, 0], [0, 1]])
for _ in range(200):
    p = p @ m
    p = Matrix([[x % 1000003 for x in r] for r in p.rows])
print("power", p)


class Base:
    def hello(self):
        return ["Base"]


class Left(Base):
    def hello(self):
        return ["Left"] + super().hello()


class Right(Base):
    def hello(self):
        return ["Right"] + super().hello()


class Diamond(Left, Right):
    def hello(self):
        return ["Diamond"] + super().hello()


print("diamond", Diamond().hello(), [c.__name__ for c in Diamond.mro()])
