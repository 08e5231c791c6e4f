# krait: expect-unless-chaos interp_lists_emptied >= 100
# krait: krait-env ASAN_OPTIONS=detect_leaks=0
# list.pop() without an argument, which the interpreter does inline for exact lists
# (runtime/interp_inline.h list_pop_last): a list emptied keeps its small item array with
# `allocated` 0, so sys.getsizeof, appends after it, sorting, slicing, clear and extend must
# all see what CPython leaves; shrinks that resize and pops of an empty list go to CPython's
# list.pop (IndexError with its message), as do pop(i), subclasses and pops through other
# spellings; while tracemalloc traces, the traced sizes are CPython's (leak detection off:
# tracemalloc's own trace entries show up as leaks under LeakSanitizer, as in
# interp/int_blocks_tracemalloc.py). Ends with an uncaught IndexError from an empty list.
import sys


class MyList(list):
    def pop(self, *args):
        return ("sub", super().pop(*args))


def stack_machine(n):
    stack = []
    sizes = set()
    total = 0
    for i in range(n):
        stack.append(i)
        stack.append(i * 2)
        sizes.add(sys.getsizeof(stack))
        total += stack.pop() - stack.pop()
        sizes.add(sys.getsizeof(stack))
        if i % 7 == 0:
            stack.extend(range(i % 40))
            while stack:
                total += stack.pop()
                sizes.add(sys.getsizeof(stack))
        if i % 11 == 0:
            stack.append(i)
            stack.pop()
            stack.sort()
            stack.clear()
            stack += [1, 2]
            total += stack.pop() + stack.pop() + len(stack[:])
    return total, sorted(sizes), stack, sys.getsizeof(stack) == sys.getsizeof([])


print(stack_machine(3000))


def shrinking(n):
    out = []
    for k in range(n):
        big = list(range(k % 60))
        seen = []
        while big:
            seen.append((big.pop(), sys.getsizeof(big)))
        out.append(len(seen))
        out.append(seen[-3:])
    return out[-6:], sum(x for x in out if isinstance(x, int))


print(shrinking(400))


def errors(n):
    caught = 0
    last = None
    for i in range(n):
        s = [i]
        s.pop()
        try:
            s.pop()
        except IndexError as e:
            caught += 1
            last = str(e)
        t = [1, 2, 3]
        t.pop(0)
        try:
            t.pop(5)
        except IndexError as e:
            last = (last, str(e))
    return caught, last


print(errors(1500))


def subclass_and_others(n):
    m = MyList([1, 2, 3])
    res = []
    for i in range(n):
        m.append(i)
        res.append(m.pop())
        d = {"a": 1}
        res.append(d.pop("a"))
        st = {i}
        res.append(st.pop())
        pop = [i, i + 1].pop
        res.append(pop())
    return res[-8:], len(m)


print(subclass_and_others(1200))


def refcounts(n):
    obj = object()
    before = sys.getrefcount(obj)
    s = []
    for _ in range(n):
        s.append(obj)
        s.pop()
    return sys.getrefcount(obj) - before


print(refcounts(5000))

def traced(n):
    import tracemalloc
    tracemalloc.start()
    stacks = [[] for _ in range(50)]
    base = tracemalloc.get_traced_memory()[0]
    for i in range(n):
        for st in stacks:
            st.append(i)
            st.pop()
    grown = tracemalloc.get_traced_memory()[0] - base
    tracemalloc.stop()
    return grown


print(traced(200))

s = [1]
for _ in range(3000):
    s.append(2)
    s.pop()
s.pop()
s.pop()
