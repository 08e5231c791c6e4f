# krait: expect-unless-chaos interp_tracing_handoffs >= 10
# Tracing switched on by code that runs inside an instruction, in warm frames run by Krait's
# interpreter: a call, a destructor of a local's old value (STORE_FAST and its paired forms),
# of a popped value, of an attribute's owner (also of a cached attribute load's owner),
# __bool__ in a conditional jump, __add__ in a binary op, __eq__ in a compare, __index__ in a
# subscript, __next__ in a for loop, a signal handler run at a back-edge. The line events the
# trace function sees from there on must be CPython's: dispatch after any path that may have
# run Python code tests for tracing, as CPython's loop does after every instruction
# (runtime/interp.cpp DISPATCH_SILENT).
import signal
import sys

events = []


def tracer(frame, event, arg):
    if frame.f_code.co_filename == __file__:
        events.append((frame.f_code.co_name, event, frame.f_lineno))
    return tracer


def start():
    # The running frames trace their lines from here on too (f_trace), as a debugger does.
    f = sys._getframe(1)
    while f is not None:
        if f.f_code.co_filename == __file__:
            f.f_trace = tracer
        f = f.f_back
    sys.settrace(tracer)


class StartOnDel:
    def __del__(self):
        start()


class StartOnBool:
    def __bool__(self):
        start()
        return True


class StartOnAdd:
    def __add__(self, other):
        start()
        return 5


class StartOnEq:
    def __eq__(self, other):
        start()
        return False


class StartOnIndex:
    def __index__(self):
        start()
        return 1


class StartOnNext:
    def __init__(self):
        self.n = 0

    def __iter__(self):
        return self

    def __next__(self):
        self.n += 1
        if self.n == 2:
            start()
        if self.n > 3:
            raise StopIteration
        return self.n


def by_call(n):
    a = n
    start()
    b = a + 1
    c = b * 2
    return c


def by_store(n):
    x = StartOnDel()
    x = n
    y = 5
    return x + y


def by_store_fused(n):
    x = StartOnDel()
    x = n
    y = x + 1
    return y


def by_second_store(n):
    x = 0
    y = StartOnDel()
    y, x = n, n  # stores x, then y (whose old value dies)
    z = 7
    return x + y + z


def by_store_pair(n):
    x = StartOnDel()
    y = n
    x = y
    z = x
    return z + y


def by_pop(n):
    StartOnDel()
    a = n
    b = a - 1
    return b


def by_attr_owner(n):
    class Holder(StartOnDel):
        value = 3
    v = Holder().value
    w = v + n
    return w


ARMED = False


class Dying:
    def __init__(self):
        self.value = 4

    def __del__(self):
        if ARMED:
            start()


def by_cached_attr_owner(n):
    # A cached attribute load (instance value) whose owner dies there.
    v = Dying().value
    w = v + n
    return w


def by_bool(n):
    if StartOnBool():
        a = n
        b = a + 2
    return b


def by_add(n):
    a = StartOnAdd() + n
    b = a + 1
    return b


def by_eq(n):
    if StartOnEq() == n:
        return 0
    a = n
    return a + 1


def by_index(n):
    seq = [1, 2, 3]
    a = seq[StartOnIndex()]
    b = a + n
    return b


def by_next(n):
    total = 0
    for i in StartOnNext():
        total += i
        total += n
    return total


def handler(signum, frame):
    start()


def by_signal(n):
    signal.signal(signal.SIGUSR1, handler)
    i = 0
    total = 0
    while i < 300:
        if i == 100:
            signal.raise_signal(signal.SIGUSR1)
        total += i
        i += 1
    return total


CASES = [by_call, by_store, by_store_fused, by_second_store, by_store_pair, by_pop, by_attr_owner, by_bool, by_add, by_eq,
         by_index, by_next, by_signal]

# The cached load warmed with destructors that do nothing, then one that starts tracing.
for n in range(60):
    by_cached_attr_owner(n)
ARMED = True
sys.settrace(None)
events.clear()
print("by_cached_attr_owner", by_cached_attr_owner(7), events[:40], len(events))
sys.settrace(None)
ARMED = False

for case in CASES:
    for n in range(60):  # warm: the frames run in Krait's interpreter, specialized
        sys.settrace(None)
        events.clear()
        result = case(n)
        sys.settrace(None)
    print(case.__name__, result, events[:40], len(events))
