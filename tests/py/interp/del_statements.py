# krait: expect interp_frames >= 1
# DELETE_FAST / DELETE_NAME / DELETE_GLOBAL / DELETE_ATTR / DELETE_SUBSCR /
# DELETE_DEREF in hot loops, with objects whose __del__ reports exactly when
# the last reference went away, and the errors for deleting unbound names.
events = []


class Obj:
    def __init__(self, tag):
        self.tag = tag

    def __del__(self):
        events.append(self.tag)


def local_del(n):
    for i in range(n):
        o = Obj(i)
        if i % 100 == 0:
            events.append(("before-del", i))
            del o
            events.append(("after-del", i))
    return len(events)


print(local_del(500))
print(events[:8], len(events))
events.clear()


def container_del(n):
    d = {}
    lst = []
    for i in range(n):
        d[i] = Obj(("d", i))
        lst.append(Obj(("l", i)))
        if i % 2:
            del d[i - 1]
            del lst[0]
    del d[n - 1]
    del lst[::2]
    return len(d), len(lst), len(events)


print(container_del(1000))
print(events[:6])
events.clear()


class Holder:
    pass


def attr_del(n):
    h = Holder()
    for i in range(n):
        h.a = Obj(("a", i))
        if i % 3 == 0:
            del h.a
    return hasattr(h, "a"), len(events)


print(attr_del(300))
events.clear()

G = None


def global_del(n):
    global G
    for i in range(n):
        G = Obj(("g", i))
        if i % 10 == 9:
            del G
    try:
        G
    except NameError as e:
        return str(e), len(events)


print(global_del(100))
events.clear()


def deref_del(n):
    cell = Obj("cell-initial")

    def peek():
        return cell.tag

    out = []
    for i in range(n):
        cell = Obj(("cell", i))
        out.append(peek())
        del cell
        try:
            peek()
        except NameError as e:
            out.append(type(e).__name__)
    return out[:4], len(events)


print(deref_del(50))
events.clear()

for k in range(100):
    module_level = Obj(("m", k))
    if k % 50 == 49:
        del module_level
print(len(events))
try:
    del module_level
except NameError as e:
    print("NameError:", e)


def del_errors():
    out = []
    d = {}
    lst = [1]
    for case in range(4):
        try:
            if case == 0:
                del d["x"]
            elif case == 1:
                del lst[5]
            elif case == 2:
                del Holder().nothing
            else:
                del (1, 2)[0]
        except (KeyError, IndexError, AttributeError, TypeError) as e:
            out.append(f"{type(e).__name__}: {e}")
    return out


print(del_errors())


def uncaught(n):
    for i in range(n):
        x = i
        del x
    del x


uncaught(10)
