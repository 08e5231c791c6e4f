# krait: expect interp_frames >= 1
# krait: hooked-cpython-divergence CPython's loop with a hook copies argument references instead of moving them into the callee
# When does a temporary passed as an argument die if the callee drops its
# parameter?  CPython 3.11's eval loop moves the argument references from
# the caller's stack into the callee's frame, so the object is destroyed
# inside the callee, right when the parameter is rebound -- for plain
# positional calls, keyword calls, defaults, *args, keyword-only
# parameters, and methods, from any caller (loop or not, module level).
# __del__ logs the moment; sys.getrefcount of a parameter shows the same.
import sys

log = []


class Obj:
    def __init__(self, tag):
        self.tag = tag

    def __del__(self):
        log.append(("del", self.tag))


def consume(x, y=None):
    x = None
    log.append("rebound")


def consume_var(*args):
    args = None
    log.append("rebound-var")


def consume_kwonly(*, x):
    x = None
    log.append("rebound-kwonly")


class C:
    def m(self, x):
        x = None
        log.append("rebound-method")


def from_loop():
    c = C()
    for i in range(2):
        consume(Obj(("positional", i)))
        consume(x=Obj(("keyword", i)))
        consume(Obj(("with-kw", i)), y=1)
        consume_var(Obj(("varargs", i)))
        consume_kwonly(x=Obj(("kwonly", i)))
        c.m(Obj(("method", i)))
        C.m(c, Obj(("unbound", i)))


def from_plain():
    consume(Obj("plain-positional"))
    consume(x=Obj("plain-keyword"))
    C().m(Obj("plain-method"))


from_loop()
from_plain()
consume(Obj("module-positional"))
consume_var(Obj("module-varargs"))
for entry in log:
    print(entry)


def rc_param(o):
    return sys.getrefcount(o)


def rc_param_kw(*, o):
    return sys.getrefcount(o)


def loop_caller(o):
    out = []
    for i in range(2):
        out.append(rc_param(o))
        out.append(rc_param_kw(o=o))
    return out


def plain_caller(o):
    return [rc_param(o), rc_param_kw(o=o)]


obj = Obj("rc")
base = sys.getrefcount(obj)
print([r - base for r in loop_caller(obj)])
print([r - base for r in plain_caller(obj)])
print(rc_param(obj) - base, rc_param_kw(o=obj) - base)
