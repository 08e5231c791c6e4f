# krait: expect interp_frames >= 1
# `global` and `nonlocal` declarations in loops: counters in enclosing
# scopes, nonlocal through two levels, nonlocal in a generator, a global
# declared inside a nested function, and closures over the loop variable.
total = 0


def outer(n):
    count = 0
    log = []

    def inc(k):
        nonlocal count
        count += k
        return count

    def middle():
        def inner():
            nonlocal count
            count *= 2
        for _ in range(3):
            inner()

    for i in range(n):
        inc(i % 5)
        if i % 1000 == 0:
            middle()
            log.append(count)
    return count, log


print(outer(5000))


def set_global(n):
    def g(i):
        global total
        total += i
    for i in range(n):
        g(i)
    return total


print(set_global(3000), total)


def gen_nonlocal(n):
    state = 0

    def gen():
        nonlocal state
        while state < n:
            state += 1
            yield state * 2

    s = sum(gen())
    return s, state


print(gen_nonlocal(2000))


def loop_var_nonlocal(n):
    i = -1

    def peek():
        return i

    seen = []
    for i in range(n):
        if i % 100 == 0:
            seen.append(peek())
    return seen, peek()


print(loop_var_nonlocal(500))


def nonlocal_del():
    x = 10

    def f():
        nonlocal x
        for _ in range(50):
            x += 1
        del x

    f()
    try:
        return x
    except NameError as e:
        return f"{type(e).__name__}: {e}"


print(nonlocal_del())


def class_in_loop(n):
    res = []
    for i in range(n):
        class K:
            val = i          # class body reads the enclosing function's local

            def get(self):
                return self.val + i
        res.append(K().get())
    return res[-3:]


print(class_in_loop(100))
