# Uncaught NameError/AttributeError with the 3.11 "Did you mean" suggestion,
# raised from a method called in a hot loop; implicit chaining ("During
# handling of the above exception...") in the traceback on stderr.


class Accumulator:
    def __init__(self):
        self.total = 0

    def add(self, v):
        self.total += v
        return self.total


def run(n):
    acc = Accumulator()
    values_seen = 0
    for i in range(n):
        acc.add(i)
        values_seen += 1
    try:
        acc.totl
    except AttributeError:
        print("got attribute error; now a name error", flush=True)
        return values_sen * 2  # noqa: F821 - the typo is the point


print("start", run(3000))
