# A while loop over floats with a compare fused into its branch: float ops unboxed, the loop
# condition becomes a guard whose exit leaves the loop, the division guards its divisor.
def g(x, eps):
    steps = 0
    while x > eps:
        x = x / 2.0 + 0.125 * x
        steps += 1
    return steps, x


print(g(1.0e6, 1.0e-3))
