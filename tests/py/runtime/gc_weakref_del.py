# __del__ timing under reference counting (immediate and deterministic in
# CPython), weakref callbacks, WeakValueDictionary / WeakSet / finalize,
# and gc.collect() reclaiming reference cycles.  A JIT that keeps objects
# alive longer (e.g. in trace registers) changes the order of these lines.
import gc
import weakref

log = []


class Tracked:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        log.append(f"del {self.name}")

    def __repr__(self):
        return f"T({self.name})"


a = Tracked("a")
log.append("created a")
del a
log.append("after del a")
b = Tracked("b")
b = Tracked("b2")  # rebinding drops the old object immediately
log.append("rebound b")


def scope():
    local = Tracked("local")
    log.append("leaving scope")


scope()
log.append("after scope")
print(log)
log.clear()

# Objects created and dropped inside a hot loop die on every iteration.
for i in range(3000):
    t = Tracked(i)
    if i % 1000 == 0:
        log.append(f"iter {i}")
del t
print(len(log), log[:5], log[-2:])
log.clear()

# Weak references and callbacks.
obj = Tracked("w")
r = weakref.ref(obj, lambda ref: log.append("weakref callback"))
print("alive:", r() is obj)
del obj
print("dead:", r() is None, log)
log.clear()

cache = weakref.WeakValueDictionary()
keep = [Tracked(f"k{i}") for i in range(5)]
for t in keep:
    cache[t.name] = t
print("cache size", len(cache))
del keep[1:4]
print("cache after dropping three", sorted(cache.keys()))
ws = weakref.WeakSet(keep)
keep.pop()
print("weakset", len(ws))
log.clear()

fin_obj = Tracked("fin")
f = weakref.finalize(fin_obj, log.append, "finalized")
print("finalizer alive", f.alive)
del fin_obj
print("finalizer alive", f.alive, log)
log.clear()

# Cycles need the cyclic collector.
gc.collect()
gc.disable()


class Cyc:
    def __init__(self, name):
        self.name = name
        self.other = None

    def __del__(self):
        log.append(f"cycle del {self.name}")


x, y = Cyc("x"), Cyc("y")
x.other, y.other = y, x
wx = weakref.ref(x)
del x, y
print("cycle still alive before collect:", wx() is not None, log)
found = gc.collect()
print("collected >= 2:", found >= 2, "alive:", wx() is not None, sorted(log))
gc.enable()
log.clear()

# del during exception handling: the traceback keeps frames (and so
# locals) alive until the except block ends.


def holder():
    victim = Tracked("victim")
    raise ValueError("hold")


try:
    holder()
except ValueError:
    log.append("in except")
log.append("after except")
print(log)
log.clear()

# Resurrection: __del__ stores self somewhere; it is only called once.
saved = []


class Phoenix:
    def __del__(self):
        log.append("phoenix del")
        saved.append(self)


p = Phoenix()
del p
print(log, len(saved))
saved.clear()
print(log)
print("gc enabled", gc.isenabled(), "thresholds", gc.get_threshold())
log.clear()
last = Tracked("last")
print("end of program")
