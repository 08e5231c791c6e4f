# krait: expect traces_compiled >= 2
# krait: expect side_traces >= 1
# krait: expect exits_taken >= 1
# A branch that goes one way for thousands of iterations and then the other way (the trace's
# branch guard exits; the loop is compiled again for the new direction), and one that
# alternates.
def flip(n, at):
    a = b = 0
    for i in range(n):
        if i < at:
            a += i
        else:
            b += i
    return a, b


def alternate(n):
    even = odd = 0
    for i in range(n):
        if i % 2 == 0:
            even += i
        else:
            odd -= i
    return even, odd


print(flip(20000, 5000))
print(flip(20000, 19999))
print(alternate(5001))
