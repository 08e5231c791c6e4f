# krait: expect traces_compiled >= 2
# krait: expect exits_taken >= 2
# Leaving compiled loops by break, return and while-else/for-else, with the loop variables
# observed afterwards.
def find(a, target):
    for i in range(len(a)):
        if a[i] == target:
            return i
    return -1


def first_over(a, limit):
    total = 0
    for x in a:
        total += x
        if total > limit:
            break
    else:
        return "never", total
    return x, total


def countdown(n):
    k = n
    steps = 0
    while k > 0:
        k -= 3
        steps += 1
        if k == 1:
            break
    else:
        steps = -steps
    return k, steps


a = list(range(0, 30000, 3))
print(find(a, 2997), find(a, 29997), find(a, 5))
print(first_over(a, 10 ** 6), first_over(a, 10 ** 12))
print(countdown(30001), countdown(30000))
