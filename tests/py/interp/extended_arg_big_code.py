# krait: expect interp_frames >= 1
# Code objects large enough to need EXTENDED_ARG: more than 256 locals,
# constants and names, and loop bodies longer than 256 code units so that
# backward jumps, FOR_ITER exits and conditional jumps carry EXTENDED_ARG
# prefixes.  Generated with exec, run as hot loops, checked against values
# computed independently.
N_LOCALS = 300

src = ["def many_locals(n):"]
for k in range(N_LOCALS):
    src.append(f"    v{k} = {k}")
src.append("    total = 0")
src.append("    for i in range(n):")
for k in range(0, N_LOCALS, 3):
    src.append(f"        v{k} = v{k} + i % {k + 7}")
src.append("        if i % 2 == 0:")
for k in range(1, N_LOCALS, 3):
    src.append(f"            v{k} += 1")
src.append("        else:")
src.append("            continue")
src.append("        total += v%d" % (N_LOCALS - 1))
src.append("    return total + " + " + ".join(f"v{k}" for k in range(N_LOCALS)))
ns = {}
exec("\n".join(src), ns)


def reference(n):
    v = list(range(N_LOCALS))
    total = 0
    for i in range(n):
        for k in range(0, N_LOCALS, 3):
            v[k] = v[k] + i % (k + 7)
        if i % 2 == 0:
            for k in range(1, N_LOCALS, 3):
                v[k] += 1
        else:
            continue
        total += v[N_LOCALS - 1]
    return total + sum(v)


print(ns["many_locals"](500), reference(500))

consts_src = ["def many_consts(n):", "    acc = 0", "    for i in range(n):"]
for k in range(400):
    consts_src.append(f"        acc += {k * 1000 + 17} if i % {k % 13 + 2} else {-k}.5")
consts_src.append("    return acc")
exec("\n".join(consts_src), ns)


def ref_consts(n):
    acc = 0
    for i in range(n):
        for k in range(400):
            acc += (k * 1000 + 17) if i % (k % 13 + 2) else float(f"{-k}.5")
    return acc


print(ns["many_consts"](300), ref_consts(300))

names_src = ["def many_names(n, obj):", "    acc = 0", "    for i in range(n):"]
for k in range(300):
    names_src.append(f"        obj.attr{k} = i + {k}")
names_src.append("        acc += obj.attr0 + obj.attr299")
names_src.append("        acc += G0 + G299")
names_src.append("    return acc")
g = {f"G{k}": k for k in range(300)}
exec("\n".join(names_src), g)


class O:
    pass


print(g["many_names"](500, O()), sum(2 * i + 299 + 299 for i in range(500)))

long_body = ["def long_while(n):", "    i = 0", "    s = 0", "    while i < n:"]
for k in range(200):
    long_body.append(f"        s = (s + i * {k}) % 1000003")
long_body.append("        i += 1")
long_body.append("    else:")
long_body.append("        s += 1")
long_body.append("    return s")
exec("\n".join(long_body), ns)


def ref_while(n):
    s = 0
    for i in range(n):
        for k in range(200):
            s = (s + i * k) % 1000003
    return s + 1


print(ns["long_while"](300), ref_while(300))
