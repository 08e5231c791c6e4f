# warnings: default filter shows each (message, category, line) once, with
# the source line quoted on stderr; stacklevel attributes the warning to
# the caller; filters, catch_warnings(record=True) and warnings-as-errors.
import sys
import warnings


def deprecated_api(x):
    warnings.warn(f"deprecated_api is deprecated (x={x})", DeprecationWarning, stacklevel=2)
    return x * 2


def noisy(i):
    warnings.warn("noisy warning", UserWarning)
    return i


# Same location each time: printed only once despite the hot loop.
total = 0
for i in range(3000):
    total += noisy(i)
print("total", total)

# DeprecationWarning is shown by default only when triggered in __main__.
deprecated_api(1)
deprecated_api(1)

warnings.warn("runtime", RuntimeWarning)
warnings.warn("bytes", BytesWarning)  # not in the default ignore list

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    for i in range(3):
        noisy(i)
    deprecated_api(2)
print("recorded", [(w.category.__name__, str(w.message), w.lineno) for w in caught])

with warnings.catch_warnings():
    warnings.simplefilter("error", UserWarning)
    try:
        noisy(0)
    except UserWarning as e:
        print("raised as error:", e)

with warnings.catch_warnings():
    warnings.filterwarnings("ignore", message="noisy")
    noisy(5)
print("ignored by filter")


def custom_show(message, category, filename, lineno, file=None, line=None):
    print(f"custom: {category.__name__}: {message} (line {lineno})")


old = warnings.showwarning
warnings.showwarning = custom_show
warnings.warn("through custom showwarning")
warnings.showwarning = old

sys.stderr.write("explicit stderr write\n")
print("done")
