# A range loop with an int accumulator: the recording guards the iterator's type and the
# accumulator's, peeling hoists the range's start/step/len loads and the type guards out of
# the loop, and the index and the sum are carried unboxed in registers (PHIs).
def f(n):
    s = 0
    for i in range(n):
        s += i * i
    return s


print(f(100))
