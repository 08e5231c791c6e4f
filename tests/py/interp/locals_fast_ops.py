# krait: expect interp_frames >= 1
# LOAD_FAST / STORE_FAST / DELETE_FAST in hot loops: many locals, rebinding,
# deleting and re-creating a local inside the loop, and the UnboundLocalError
# raised (and its traceback) when a deleted local is read again.
import traceback


def many_locals(n):
    a = b = c = d = e = f = g = h = 0
    for i in range(n):
        a = a + i
        b = a - b
        c, d = d, c + 1
        e = f if i % 3 else g
        f = i * 2
        g = -i
        h = (a, b, c, d, e, f, g)
    return h


print(many_locals(5000))


def delete_and_recreate(n):
    total = 0
    for i in range(n):
        tmp = i * 3
        total += tmp
        del tmp
        if i % 7 == 0:
            tmp = "again"
            total += len(tmp)
            del tmp
    return total


print(delete_and_recreate(4000))


def unbound_after_del(n):
    for i in range(n):
        x = i
        if i == n - 1:
            del x
        y = x + 1          # UnboundLocalError on the last iteration
    return y


try:
    unbound_after_del(3000)
except UnboundLocalError as e:
    print("caught:", e)
    traceback.print_exc(file=__import__("sys").stdout)


def conditional_binding(n):
    hits = 0
    for i in range(n):
        if i % 2:
            val = i
        try:
            hits += val
        except UnboundLocalError as e:
            hits -= 1
            msg = str(e)
    return hits, msg


print(conditional_binding(2000))


def del_unbound(n):
    for i in range(n):
        z = i
        del z
        if i == n - 1:
            del z         # second delete: UnboundLocalError


try:
    del_unbound(500)
except UnboundLocalError as e:
    print("del twice:", e)


def param_rebinding(a, b, *rest, key=None, **kw):
    for i in range(1000):
        a, b = b, a + b
        if i % 100 == 0:
            rest = rest + (i,)
            kw = dict(kw, **{f"k{i}": i})
    return a % 1000003, b % 1000003, rest, sorted(kw), key


print(param_rebinding(1, 1, key="K"))


# Finally an uncaught UnboundLocalError: the traceback must match exactly.
def main_unbound():
    total = 0
    for i in range(2000):
        if i < 1999:
            late = i
        total += late
        if i == 1998:
            del late
    return total


main_unbound()
