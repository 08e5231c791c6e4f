# krait: expect interp_frames >= 1
# GET_ITER / FOR_ITER over every kind of iterable in hot loops: range
# (incl. negative steps and big ints), list, tuple, dict and its views,
# str, bytes, set, enumerate/zip/reversed/map/filter, iterators shared
# between nested loops, custom __iter__/__next__, the __getitem__ sequence
# protocol, mutation during iteration errors, and non-iterables.
def builtins_iter(n):
    acc = 0
    for i in range(n):
        acc += i
    for i in range(n, 0, -3):
        acc -= i
    for i in range(2**64, 2**64 + 5):
        acc += i % 7
    for x in [1, 2, 3] * 100:
        acc += x
    for x in tuple(range(50)):
        acc += x
    d = {str(k): k for k in range(100)}
    for k in d:
        acc += len(k)
    for k, v in d.items():
        acc += v
    for v in d.values():
        acc += v
    for ch in "hello" * 100:
        acc += ord(ch)
    for b in b"\x01\x02\xff":
        acc += b
    for e in {5, 6, 7}:
        acc += e
    for i, (a, b) in enumerate(zip("abc", reversed(range(3))), start=10):
        acc += i + b
    for m in map(abs, filter(None, range(-5, 5))):
        acc += m
    return acc


print(builtins_iter(5000))


def shared_iterator(n):
    it = iter(range(n))
    pairs = []
    for a in it:
        for b in it:
            pairs.append((a, b))
            break
    return len(pairs), pairs[:3], pairs[-1]


print(shared_iterator(1001))


class Countdown:
    def __init__(self, start):
        self.start = start

    def __iter__(self):
        return CountdownIter(self.start)


class CountdownIter:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        return self

    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n


class Seq:
    def __getitem__(self, i):
        if i >= 300:
            raise IndexError
        return i * 2


class BadNext:
    def __iter__(self):
        return self

    def __next__(self):
        raise ValueError("next failed")


def custom(n):
    acc = 0
    for k in range(n):
        for v in Countdown(k % 20):
            acc += v
    for v in Seq():
        acc += v
    try:
        for v in BadNext():
            acc += 1
    except ValueError as e:
        acc += len(str(e))
    return acc


print(custom(3000))


def mutation_errors():
    out = []
    d = {1: 1, 2: 2}
    s = {1, 2}
    for case in range(3):
        try:
            if case == 0:
                for k in d:
                    d[k + 10] = 0
            elif case == 1:
                for k in s:
                    s.discard(k)
            else:
                lst = [1, 2, 3]
                for x in lst:
                    lst.remove(x)
                out.append(lst)
        except RuntimeError as e:
            out.append(str(e))
    return out


print(mutation_errors())


def list_grows(n):
    lst = [0]
    for x in lst:
        if len(lst) < n:
            lst.append(x + 1)
    return len(lst), lst[-1]


print(list_grows(5000))


def not_iterable():
    out = []
    for obj in (5, None, 1.5, object(), len):
        try:
            for _ in obj:
                pass
        except TypeError as e:
            out.append(str(e).split(" at 0x")[0])
    class BadIter:
        def __iter__(self):
            return 5
    try:
        for _ in BadIter():
            pass
    except TypeError as e:
        out.append(str(e))
    return out


print(not_iterable())


def iterator_exhaustion(n):
    it = iter(range(n))
    first = sum(1 for _ in it)
    second = sum(1 for _ in it)
    z = zip(range(3), range(5))
    list(z)
    return first, second, list(z)


print(iterator_exhaustion(1000))
