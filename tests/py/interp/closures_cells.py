# krait: expect interp_frames >= 1
# MAKE_CELL / LOAD_CLOSURE / LOAD_DEREF / STORE_DEREF / COPY_FREE_VARS in hot
# loops: late binding of loop variables, default-argument capture, a cell
# modified after the closure was created, MAKE_CELL of an argument, cells
# shared by several closures, closures returned from loops, and reading an
# unbound free variable (NameError traceback).
def late_binding(n):
    fns = []
    for i in range(n):
        fns.append(lambda: i)
    early = [lambda i=i: i for i in range(n)]
    return sum(f() for f in fns), sum(f() for f in early)


print(late_binding(1000))


def cell_modified_after(n):
    x = 0
    get = lambda: x          # noqa: E731
    seen = []
    for i in range(n):
        x = i * 2            # STORE_DEREF into the captured cell
        if i % 250 == 0:
            seen.append(get())
    return seen, get()


print(cell_modified_after(1000))


def arg_cell(a, b):
    # `a` and `b` are arguments captured by closures: MAKE_CELL wraps the
    # already-bound argument value.
    def ga():
        return a

    def gb():
        nonlocal b
        b += 1
        return b

    acc = 0
    for i in range(2000):
        acc += ga() + gb()
        if i == 1000:
            a = -a
    return acc, a, b


print(arg_cell(3, 10))


def shared_cells(n):
    counter = 0

    def inc():
        nonlocal counter
        counter += 1

    def dec():
        nonlocal counter
        counter -= 2

    def read():
        return counter

    for i in range(n):
        inc()
        if i % 3 == 0:
            dec()
    return read(), inc.__closure__[0] is dec.__closure__[0]


print(shared_cells(3000))


def make_adders(n):
    out = []
    for k in range(n):
        def adder(x, k=k):
            return x + k

        def mult(x):
            return x * k
        out.append((adder, mult))
    return [a(1) for a, _ in out][-3:], [m(2) for _, m in out][-3:]


print(make_adders(100))


def deep_nesting(n):
    a = 1

    def l1():
        b = 2

        def l2():
            c = 3

            def l3():
                return a + b + c
            return l3()
        return l2()
    total = 0
    for i in range(n):
        total += l1()
        a += 1
    return total


print(deep_nesting(1000))


def closure_in_comprehension(n):
    base = 10
    acc = 0
    for i in range(n):
        vals = [base + j for j in range(3)]
        funcs = [lambda j=j: base * j for j in range(3)]
        acc += sum(vals) + sum(f() for f in funcs)
        base += 1 if i % 2 else 0
    return acc


print(closure_in_comprehension(1000))


def cell_contents_introspection(n):
    v = "start"
    f = lambda: v            # noqa: E731
    out = []
    for i in range(n):
        if i % 100 == 0:
            out.append(f.__closure__[0].cell_contents)
        v = i
    f.__closure__[0].cell_contents = "patched"
    return out, v, f()


print(cell_contents_introspection(300))


def unbound_free(n):
    def reader():
        return later
    out = []
    for i in range(n):
        try:
            out.append(reader())
        except NameError as e:
            out.append(str(e))
        if i == 1:
            later = "now bound"
        if i == 3:
            del later
    return out


print(unbound_free(5))


def uncaught_free(n):
    def reader():
        for _ in range(1):
            value = missing_cell
        return value
    total = 0
    for i in range(n):
        if i == n - 1:
            del missing_cell
        total += reader()
        missing_cell = i
    return total


uncaught_free(100)
