# exec/eval/compile with explicit namespaces, dynamically generated code run
# hot, and frame introspection with sys._getframe / inspect.
import inspect
import sys

print(eval("1 + 2 * 3"), eval("x * y", {"x": 6}, {"y": 7}), eval("len(s)", {"s": "abcd"}))
ns = {}
exec("def sq(n):\n    return n * n\nval = sq(12)", ns)
print(ns["val"], ns["sq"](5), sorted(k for k in ns if k != "__builtins__"))

code = compile("total = 0\nfor i in range(n):\n    total += i * i\n", "<generated>", "exec")
scope = {"n": 5000}
exec(code, scope)
print("generated loop", scope["total"], code.co_filename, code.co_name)

# Generate a family of functions from source text and run them hot.
funcs = {}
for op in ("+", "-", "*", "^", "|", "&"):
    src = f"def f(a, b):\n    return a {op} b\n"
    loc = {}
    exec(src, {}, loc)
    funcs[op] = loc["f"]
acc = 1
for i in range(3000):
    for op, fn in funcs.items():
        acc = fn(acc, i) % 1000003 if op != "-" else abs(fn(acc, i)) % 1000003
print("generated ops", acc)

expr = compile("a ** 2 + b", "<expr>", "eval")
print([eval(expr, {"a": a, "b": 1}) for a in range(6)])
try:
    eval("1 +")
except SyntaxError as e:
    print("SyntaxError:", e.msg, e.lineno, e.offset, repr(e.text))
try:
    exec("x = 1\ny = x / 0", {})
except ZeroDivisionError as e:
    tb = e.__traceback__
    while tb.tb_next:
        tb = tb.tb_next
    print("ZeroDivisionError at", tb.tb_frame.f_code.co_filename, tb.tb_lineno)
print(eval("__name__"), eval("__name__", {"__name__": "custom"}))
g = {"__builtins__": {"len": len}}
try:
    eval("print(1)", g)
except NameError as e:
    print("NameError:", e)
print(eval("len('abc')", g))


def where():
    f = sys._getframe(1)
    return f"{f.f_code.co_name}:{f.f_lineno}"


def caller_chain():
    names = []
    f = sys._getframe()
    while f is not None:
        names.append(f.f_code.co_name)
        f = f.f_back
    return names


def level3():
    return caller_chain(), where()


def level2():
    return level3()


def level1():
    return level2()


print(level1())


def locals_view(a, b=2):
    c = a + b
    frame = sys._getframe()
    return sorted(frame.f_locals.items() - {("frame", frame)}), sorted(locals())


print(locals_view(1))


def line_numbers():
    lines = []
    for i in range(3):
        lines.append(sys._getframe().f_lineno)
    lines.append(sys._getframe().f_lineno)
    return lines


print("line numbers", line_numbers())

# Frame inspection from inside a hot loop: the JIT must materialise frames
# with correct locals and line numbers whenever someone looks.
seen = set()


def peek():
    f = sys._getframe(1)
    return f.f_lineno, f.f_locals["i"], f.f_code.co_name


def hot():
    total = 0
    for i in range(3000):
        total += i
        if i % 500 == 0:
            seen.add(peek())
    return total


print(hot(), sorted(seen))


def gen_frames():
    yield sys._getframe().f_code.co_name
    yield sys._getframe(1).f_code.co_name


print(list(gen_frames()))
print([fi.function for fi in inspect.stack()[:1]], inspect.currentframe().f_code.co_name)
print(inspect.signature(locals_view), inspect.getsource(where).splitlines()[0])
try:
    sys._getframe(500)
except ValueError as e:
    print("ValueError:", e)

# Names resolve through the right namespaces in exec with separate locals.
glb = {"shared": "global"}
lcl = {"shared": "local"}
exec("r1 = shared\ndef g():\n    return shared\nr2 = g()", glb, lcl)
print(lcl["r1"], lcl["r2"])
