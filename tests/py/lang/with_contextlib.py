# with statements: __enter__/__exit__ ordering, exception suppression,
# nested and multi-item with, contextlib helpers (contextmanager, suppress,
# ExitStack, closing, redirect_stdout, nullcontext).
import contextlib
import io

log = []


class Res:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress

    def __enter__(self):
        log.append(f"enter {self.name}")
        return self

    def __exit__(self, et, ev, tb):
        log.append(f"exit {self.name} {et.__name__ if et else None}")
        return self.suppress


with Res("a") as a, Res("b") as b:
    log.append(f"body {a.name}{b.name}")
print(log)
log.clear()

with Res("outer", suppress=True):
    with Res("inner"):
        raise ValueError("x")
print(log)
log.clear()

try:
    with Res("nosup"):
        raise KeyError("y")
except KeyError as e:
    log.append(f"caught {e!r}")
print(log)
log.clear()


def early_return():
    with Res("ret"):
        return "returned"


print(early_return(), log)
log.clear()

for i in range(3):
    with Res(f"loop{i}"):
        if i == 1:
            continue
        if i == 2:
            break
print(log)
log.clear()


@contextlib.contextmanager
def tag(name):
    log.append(f"<{name}>")
    try:
        yield name.upper()
    except ZeroDivisionError:
        log.append(f"handled in {name}")
    finally:
        log.append(f"</{name}>")


with tag("div") as t:
    with tag("span"):
        log.append(t)
with tag("p"):
    1 / 0
print(log)
log.clear()

with contextlib.suppress(KeyError, IndexError):
    [][0]
print("suppressed IndexError")

with contextlib.ExitStack() as stack:
    for n in ("x", "y", "z"):
        stack.enter_context(Res(n))
    stack.callback(log.append, "callback")
print(log)
log.clear()


class Closable:
    def close(self):
        log.append("closed")


with contextlib.closing(Closable()):
    pass
buf = io.StringIO()
with contextlib.redirect_stdout(buf):
    print("captured line")
print("redirected:", repr(buf.getvalue()), log)
with contextlib.nullcontext(42) as v:
    print("nullcontext", v)


class Reusable(contextlib.ContextDecorator):
    depth = 0

    def __enter__(self):
        Reusable.depth += 1
        return self

    def __exit__(self, *exc):
        Reusable.depth -= 1
        return False


@Reusable()
def decorated(x):
    return x * Reusable.depth


# Hot loop entering and leaving context managers.
total = 0
for i in range(3000):
    with Res("hot") as r:
        total += len(r.name) + i
    with tag("h"):
        total += decorated(1)
print("hot total", total, "log entries", len(log), log[:4])

# Exception inside __exit__ replaces the original one.


class Bad:
    def __enter__(self):
        return self

    def __exit__(self, *a):
        raise RuntimeError("from exit")


try:
    with Bad():
        raise ValueError("original")
except RuntimeError as e:
    print("RuntimeError", e, "context:", repr(e.__context__))
