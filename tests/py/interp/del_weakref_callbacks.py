# krait: expect interp_frames >= 1
# Objects created and dropped in hot loops: __del__ counters and weakref
# callbacks must fire at exactly the same points as in CPython (the moment
# the last reference goes: rebinding a local, popping from a list, leaving
# a loop iteration, clearing a dict), with events interleaved with the
# loop's own prints.
import weakref
import gc

log = []


class Tracked:
    alive = 0

    def __init__(self, tag):
        self.tag = tag
        Tracked.alive += 1

    def __del__(self):
        Tracked.alive -= 1
        log.append(("del", self.tag))


def on_dead(tag):
    def cb(ref):
        log.append(("weak", tag))
    return cb


def rebinding(n):
    refs = []
    obj = None
    for i in range(n):
        obj = Tracked(i)                        # previous object dies here
        refs.append(weakref.ref(obj, on_dead(i)))
        log.append(("made", i))
    alive_before = Tracked.alive
    obj = None
    return alive_before, sum(r() is None for r in refs)


print(rebinding(5))
for entry in log:
    print(entry)
log.clear()


def churn(n):
    peak = 0
    for i in range(n):
        objs = [Tracked(("c", i, k)) for k in range(10)]
        d = {k: Tracked(("d", i, k)) for k in range(3)}
        peak = max(peak, Tracked.alive)
        objs.pop()
        d.clear()
    del objs
    return peak, Tracked.alive, len(log)


print(churn(2000))
log.clear()


def finalize_order(n):
    out = []
    for i in range(n):
        t = Tracked(("f", i))
        weakref.finalize(t, out.append, ("finalize", i))
        if i % 2:
            del t
            out.append(("after-del", i))
    return out


print(finalize_order(6))
print(log)
log.clear()


class Resurrect:
    saved = []

    def __del__(self):
        Resurrect.saved.append(self)


def resurrection(n):
    for i in range(n):
        r = Resurrect()
        del r
    return len(Resurrect.saved)


print(resurrection(100))


def weak_dict(n):
    wd = weakref.WeakValueDictionary()
    keep = []
    for i in range(n):
        t = Tracked(("w", i))
        wd[i] = t
        if i % 10 == 0:
            keep.append(t)
    del t
    return len(wd), sorted(wd.keys())[:5], len(keep)


print(weak_dict(200))
log.clear()


def cycles(n):
    for i in range(n):
        a = Tracked(("cyc", i, "a"))
        b = Tracked(("cyc", i, "b"))
        a.other, b.other = b, a
    del a, b
    before = Tracked.alive
    found = gc.collect()
    return before, Tracked.alive, found > 0


gc.collect()
print(cycles(50))
print(len(log))
