# krait: expect interp_frames >= 1
# An uncaught NameError for a global that disappears in the middle of a hot
# loop: the traceback (line, caret, message with suggestion) must match.
VALUE = 1
VALUES = [1, 2]


def consume(n):
    global VALUE
    total = 0
    for i in range(n):
        total += VALUE
        if i == n - 2:
            del VALUE
    return total


print("start")
consume(4000)
print("not reached")
