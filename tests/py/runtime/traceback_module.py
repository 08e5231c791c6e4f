# The traceback module formatting to stdout: format_exc, format_exception
# with chaining, extract_stack / extract_tb (FrameSummary fields including
# column offsets), TracebackException, print_exc(limit), format_list.
import sys
import traceback

FILE = __file__


def clean(text):
    return text.replace(FILE, "<this file>")


def level_c(n):
    data = {"a": [1, 2, 3]}
    return data["a"][n] * 2


def level_b(n):
    return level_c(n + 1) + 1


def level_a(n, tail):
    total = 0
    for i in range(n):
        total += level_b(i % 2)
    return total + level_b(tail)


print("ok", level_a(3000, 0))
try:
    level_a(2000, 2)
except IndexError:
    print(clean(traceback.format_exc()))

try:
    try:
        level_a(5, 3)
    except IndexError as e:
        raise KeyError("wrapped") from e
except KeyError as e:
    print(clean("".join(traceback.format_exception(e))))
    print(clean("".join(traceback.format_exception(e, chain=False))))
    print(clean("".join(traceback.format_exception_only(type(e), e))))
    for fs in traceback.extract_tb(e.__cause__.__traceback__):
        print(clean(fs.filename), fs.lineno, fs.name, repr(fs.line), fs.colno, fs.end_colno)


def stack_here():
    return traceback.extract_stack()


def deeper():
    return stack_here()


for fs in deeper()[-3:]:
    print(fs.name, fs.lineno, fs.line)
print(clean("".join(traceback.format_list(deeper()[-2:]))))

try:
    1 / 0
except ZeroDivisionError:
    te = traceback.TracebackException(*sys.exc_info())
    print(te.exc_type.__name__, te.stack[0].lineno, list(te.format_exception_only()))

try:
    level_a(7, 4)
except IndexError:
    traceback.print_exc(limit=1, file=sys.stdout)
    traceback.print_exc(limit=-1, file=sys.stdout)


def recurse(n):
    if n == 0:
        raise RuntimeError("deep")
    return recurse(n - 1)


try:
    recurse(40)
except RuntimeError:
    text = clean(traceback.format_exc())
    # Repeated frames collapse into "[Previous line repeated N more times]".
    print(text)

# A syntax error formatted with its caret.
try:
    compile("x = (1 +\n", "<snippet>", "exec")
except SyntaxError as e:
    print("".join(traceback.format_exception_only(e)))
try:
    compile("a b c", "<snippet2>", "exec")
except SyntaxError as e:
    print("".join(traceback.format_exception_only(e)))

# Walking a traceback object manually.
try:
    level_a(9, 2)
except IndexError as e:
    tb = e.__traceback__
    while tb:
        print(tb.tb_frame.f_code.co_name, tb.tb_lineno, tb.tb_lasti > 0)
        tb = tb.tb_next

print("walk_stack", [f.f_code.co_name for f, _ in traceback.walk_stack(sys._getframe())])
