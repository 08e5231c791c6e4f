# Imported by runtime/imports_modules.py; module-level side effects are
# observable (print on import, import-time counter) on purpose.
print("importing _support.helpers as", __name__)

LOAD_COUNT = 1
_private = "hidden"
__all__ = ["scale", "Greeter", "LOAD_COUNT"]


def scale(values, k):
    return [v * k for v in values]


class Greeter:
    def __init__(self, name):
        self.name = name

    def greet(self):
        return f"hello {self.name} from {__name__}"


def hot_sum(n):
    total = 0
    for i in range(n):
        total += i % 11
    return total
