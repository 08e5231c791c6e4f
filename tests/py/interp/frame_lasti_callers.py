# krait: expect interp_frames >= 1
# krait: hooked-cpython-divergence callers run by CPython's loop report f_lasti at CALL, not at its last cache (no call inlining with a hook)
# f_lasti of a caller seen from its callee (sys._getframe(1).f_lasti) and
# tb_lasti of the caller's traceback entry, for every kind of Python call
# CPython 3.11's eval loop makes inline (positional, defaults, keyword,
# keyword-only, *args): CPython reports the last CACHE unit after the CALL
# instruction for those, which tools mapping f_lasti to source (traceback
# columns, the `executing` library) rely on.  Calls through C (map) report
# the CALL of the C function.
import dis
import sys


def opname_at(code, lasti):
    return dis.opname[code.co_code[lasti]]


def callee(a=0, b=0):
    f = sys._getframe(1)
    return f.f_lasti, opname_at(f.f_code, f.f_lasti)


def callee_kwonly(a=0, *, k=0):
    f = sys._getframe(1)
    return f.f_lasti, opname_at(f.f_code, f.f_lasti)


def callee_var(*args):
    f = sys._getframe(1)
    return f.f_lasti, opname_at(f.f_code, f.f_lasti)


def boom(a=0, *, k=0):
    raise ValueError


def in_loop():
    out = []
    for i in range(3):
        out.append(callee(1))
        out.append(callee())
        out.append(callee(b=2))
        out.append(callee_kwonly(k=1))
        out.append(callee_var(1, 2))
        out.append(list(map(callee, [1]))[0])
    return out[-6:]


def plain():
    return [callee(1), callee(b=2), callee_kwonly(k=1), callee_var(1)]


print(in_loop())
print(plain())
print(callee(1), callee_kwonly(k=2))


def tb_lasti(n):
    out = []
    for i in range(n):
        for call in range(2):
            try:
                if call == 0:
                    boom(1)
                else:
                    boom(k=1)
            except ValueError as e:
                tb = e.__traceback__
                out.append((tb.tb_lasti, opname_at(tb.tb_frame.f_code, tb.tb_lasti), tb.tb_lineno))
    return out[-2:]


print(tb_lasti(3))
