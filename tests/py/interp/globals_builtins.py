# krait: expect interp_frames >= 1
# LOAD_GLOBAL / STORE_GLOBAL in hot loops: a global rebound inside the loop
# (by the loop itself and by a callee), a builtin shadowed by a global in the
# middle of a loop and un-shadowed again by `del`, builtins module patched,
# globals() dict mutated directly, and a missing global caught as NameError.
import builtins

COUNTER = 0
SCALE = 1


def bump():
    global SCALE
    SCALE += 1


def rebinding(n):
    global COUNTER
    out = []
    for i in range(n):
        COUNTER += SCALE
        if i % 1000 == 999:
            bump()
            out.append((COUNTER, SCALE))
    return out


print(rebinding(5000))


def shadow_builtin(n):
    global len
    out = []
    for i in range(n):
        out.append(len("abc"))
        if i == n // 3:
            len = lambda x: -1            # global shadows the builtin from here on
        if i == 2 * n // 3:
            del len                       # builtin visible again
    return out.count(3), out.count(-1)


print(shadow_builtin(3000))


def patch_builtins_module(n):
    orig = builtins.abs
    total = 0
    for i in range(n):
        total += abs(-i)
        if i == n // 2:
            builtins.abs = lambda x: 1000
    builtins.abs = orig
    return total


print(patch_builtins_module(1000))


def globals_dict_mutation(n):
    g = globals()
    acc = 0
    for i in range(n):
        g["DYN"] = i
        acc += DYN  # noqa: F821  (created through globals())
        if i % 500 == 0:
            g["extra_%d" % i] = i
    return acc, sorted(k for k in g if k.startswith("extra_"))


print(globals_dict_mutation(2000))


def missing_global(n):
    hits = 0
    msg = None
    for i in range(n):
        if i == n - 1:
            try:
                hits += undefined_thing  # noqa: F821
            except NameError as e:
                msg = str(e)
        else:
            hits += 1
    return hits, msg


print(missing_global(1000))


def delete_global_mid_loop(n):
    global TEMP
    TEMP = 0
    seen = []
    for i in range(n):
        try:
            seen.append(TEMP)
        except NameError as e:
            seen.append(str(e))
            TEMP = i
        if i % 3 == 2:
            del TEMP
    return seen[:10], len(seen)


print(delete_global_mid_loop(30))


def builtin_names(n):
    acc = 0
    for i in range(n):
        acc += len(range(i % 5)) + max(i, 3) - min(i, 3) + int(bool(i)) + isinstance(i, int)
    return acc, type(None).__name__, __name__, __builtins__ is builtins or type(__builtins__).__name__


print(builtin_names(4000))
