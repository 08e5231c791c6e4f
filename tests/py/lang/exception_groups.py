# ExceptionGroup / except* (PEP 654): matching, splitting, nesting, re-raise
# of unhandled parts, and traceback formatting of groups.
import traceback


def raise_group():
    errors = []
    for i in range(6):
        try:
            if i % 3 == 0:
                raise ValueError(f"v{i}")
            elif i % 3 == 1:
                raise KeyError(f"k{i}")
            else:
                raise TypeError(f"t{i}")
        except Exception as e:
            errors.append(e)
    raise ExceptionGroup("batch", errors)


try:
    raise_group()
except* ValueError as eg:
    print("values:", [str(e) for e in eg.exceptions], type(eg).__name__, eg.message)
except* (KeyError, TypeError) as eg:
    print("others:", sorted(repr(e) for e in eg.exceptions))

# Unhandled parts propagate as a new group.
try:
    try:
        raise ExceptionGroup("mixed", [ValueError(1), OSError(2), ValueError(3)])
    except* ValueError as eg:
        print("handled", eg.exceptions)
except ExceptionGroup as rest:
    print("rest", repr(rest), rest.exceptions)

# Nested groups and split/subgroup.
nested = ExceptionGroup("outer", [
    ValueError("a"),
    ExceptionGroup("inner", [TypeError("b"), ValueError("c")]),
    BaseExceptionGroup("base", [KeyboardInterrupt()]) if False else KeyError("d"),
])
match, rest = nested.split(ValueError)
print("split match:", repr(match))
print("split rest:", repr(rest))
print("subgroup:", repr(nested.subgroup(lambda e: isinstance(e, (TypeError, KeyError)))))
print("derive:", repr(nested.derive([ValueError("z")])))

# A bare exception matched by except* gets wrapped in a group.
try:
    raise ValueError("naked")
except* ValueError as eg:
    print("wrapped:", repr(eg))

bg = BaseExceptionGroup("b", [KeyboardInterrupt(), ValueError()])
print(type(bg).__name__, type(BaseExceptionGroup("e", [ValueError()])).__name__)

try:
    ExceptionGroup("empty", [])
except ValueError as e:
    print("ValueError:", e)

# Formatted traceback of a group (goes to stdout so it can be compared).
try:
    raise_group()
except ExceptionGroup as eg:
    text = "".join(traceback.format_exception(eg))
    print(text.replace(__file__, "<file>"))

# Hot loop collecting errors into groups and handling them with except*.
handled = {"ValueError": 0, "ZeroDivisionError": 0}
for round_ in range(400):
    errs = []
    for j in range(10):
        try:
            if (round_ + j) % 4 == 0:
                raise ValueError(j)
            1 / ((round_ * j) % 7)
        except Exception as e:
            errs.append(e)
    try:
        if errs:
            raise ExceptionGroup("round", errs)
    except* ValueError as eg:
        handled["ValueError"] += len(eg.exceptions)
    except* ZeroDivisionError as eg:
        handled["ZeroDivisionError"] += len(eg.exceptions)
print("handled", handled)
