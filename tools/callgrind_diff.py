#!/usr/bin/env python3
"""Compare two callgrind profiles function by function (self instructions and call counts).

Used to tell *extra work* (a function called more often, or only in one profile) from *the same
work done by slower code* (same function, same number of calls, more instructions per call), e.g.
for `krait -X jit=off -c pass` against `/usr/bin/python3.11 -c pass`:

  valgrind --tool=callgrind --callgrind-out-file=a.out build/release/krait -X jit=off -c pass
  valgrind --tool=callgrind --callgrind-out-file=b.out /usr/bin/python3.11 -c pass
  tools/callgrind_diff.py a.out b.out

Functions are matched by name (and by shared-object basename for code outside the main
executable). Static functions of a stripped binary appear as addresses and match nothing; the
report lists how much cost that leaves unmatched on each side.
"""
import argparse
import os
import re
import sys
from collections import defaultdict

NAME_REF = re.compile(r"^\((\d+)\)(?:\s(.*))?$")


class Profile:
    """Self cost (first event) and incoming call count per (object, function)."""

    def __init__(self, path):
        self.path = path
        self.self_cost = defaultdict(int)
        self.calls = defaultdict(int)
        self.command = ""
        self.total = 0
        self.main_object = None
        self._parse(path)

    def _parse(self, path):
        names = {"ob": {}, "fn": {}}
        ob = fn = cob = cfn = None
        pending_call = False
        with open(path, encoding="utf-8", errors="replace") as f:
            for line in f:
                line = line.rstrip("\n")
                if not line:
                    continue
                c = line[0]
                if c.isdigit() or c in "+-*":
                    if pending_call:  # the inclusive cost of a call: not self cost
                        pending_call = False
                        continue
                    parts = line.split()
                    if len(parts) > 1 and fn is not None:
                        self.self_cost[(ob, fn)] += int(parts[1])
                    continue
                if line.startswith(("cmd:", "summary:", "totals:")):
                    key, _, value = line.partition(":")
                    if key == "cmd":
                        self.command = value.strip()
                    else:
                        self.total = int(value.split()[0])
                    continue
                key, _, value = line.partition("=")
                if key in ("ob", "cob"):
                    name = self._resolve(names["ob"], value)
                    if key == "ob":
                        ob = name
                        cob = name
                    else:
                        cob = name
                elif key in ("fn", "cfn"):
                    name = self._resolve(names["fn"], value)
                    if key == "fn":
                        fn = name
                        cob = ob
                    else:
                        cfn = name
                elif key == "calls":
                    count = int(value.split()[0])
                    self.calls[(cob, cfn)] += count
                    pending_call = True
                    cob = ob
        self.main_object = self._guess_main()

    @staticmethod
    def _resolve(table, value):
        m = NAME_REF.match(value.strip())
        if not m:
            return value.strip()
        idx, name = m.group(1), m.group(2)
        if name is not None:
            table[idx] = name
            return name
        return table.get(idx, "?")

    def _guess_main(self):
        by_ob = defaultdict(int)
        for (ob, _), cost in self.self_cost.items():
            by_ob[ob] += cost
        return max(by_ob, key=by_ob.get) if by_ob else None

    def key(self, ob, fn):
        """Matching key: the main executable is called <main>, libraries by basename."""
        obj = "<main>" if ob == self.main_object else os.path.basename(ob or "?")
        return (obj, fn)

    def by_key(self):
        out = defaultdict(lambda: [0, 0])
        for (ob, fn), cost in self.self_cost.items():
            out[self.key(ob, fn)][0] += cost
        for (ob, fn), n in self.calls.items():
            out[self.key(ob, fn)][1] += n
        return out

    def by_object(self):
        out = defaultdict(int)
        for (ob, fn), cost in self.self_cost.items():
            out[self.key(ob, fn)[0]] += cost
        return out


ADDRESS = re.compile(r"^0x[0-9a-f]+$")


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("a", help="callgrind.out of the program under study (e.g. krait)")
    p.add_argument("b", help="callgrind.out of the reference (e.g. /usr/bin/python3.11)")
    p.add_argument("--top", type=int, default=25, help="rows per table (default 25)")
    p.add_argument("--min-calls", type=int, default=50,
                   help="equal-call-count table: functions called at least this often")
    p.add_argument("--base", nargs=2, metavar=("A0", "B0"),
                   help="subtract these profiles (same programs, smaller input) from A and B, "
                        "leaving the cost of the extra loop iterations only")
    args = p.parse_args()
    a, b = Profile(args.a), Profile(args.b)
    fa, fb = a.by_key(), b.by_key()
    ta = a.total or sum(v[0] for v in fa.values())
    tb = b.total or sum(v[0] for v in fb.values())
    oa, ob_ = a.by_object(), b.by_object()
    if args.base:
        a0, b0 = Profile(args.base[0]), Profile(args.base[1])
        for prof, f, o in ((a0, fa, oa), (b0, fb, ob_)):
            for k, (cost, calls) in prof.by_key().items():
                f[k][0] -= cost
                f[k][1] -= calls
            for k, cost in prof.by_object().items():
                o[k] -= cost
        ta -= a0.total or sum(v[0] for v in a0.by_key().values())
        tb -= b0.total or sum(v[0] for v in b0.by_key().values())
        for f in (fa, fb):
            for k in [k for k, v in f.items() if v == [0, 0]]:
                del f[k]
    print("A: %s\n   %s Ir\nB: %s\n   %s Ir\nA-B: %+d Ir (%+.2f%%)%s\n" %
          (a.command, f"{ta:,}", b.command, f"{tb:,}", ta - tb, 100.0 * (ta - tb) / tb,
           "  (after subtracting the --base profiles)" if args.base else ""))
    calls_a = sum(v[1] for k, v in fa.items() if k[0] == "<main>")
    calls_b = sum(v[1] for k, v in fb.items() if k[0] == "<main>")
    print("Calls into functions of the main executable: A %s, B %s (%+d)\n" %
          (f"{calls_a:,}", f"{calls_b:,}", calls_a - calls_b))

    print("Self cost by object:")
    for obj in sorted(set(oa) | set(ob_), key=lambda o: -(oa.get(o, 0) + ob_.get(o, 0))):
        print("  %-32s %14s %14s %+12d" % (obj, f"{oa.get(obj, 0):,}", f"{ob_.get(obj, 0):,}",
                                          oa.get(obj, 0) - ob_.get(obj, 0)))

    matched = set(fa) & set(fb)
    only_a = {k: v for k, v in fa.items() if k not in fb}
    only_b = {k: v for k, v in fb.items() if k not in fa}
    named = lambda d: sum(v[0] for k, v in d.items() if not ADDRESS.match(k[1]))
    addr = lambda d: sum(v[0] for k, v in d.items() if ADDRESS.match(k[1]))
    print("\nUnmatched self cost: A only %s Ir (%s of it in address-named code), "
          "B only %s Ir (%s of it in address-named code)" %
          (f"{named(only_a) + addr(only_a):,}", f"{addr(only_a):,}",
           f"{named(only_b) + addr(only_b):,}", f"{addr(only_b):,}"))

    def row(k, va, vb):
        ca, na = va
        cb, nb = vb
        per_a = ca / na if na else 0.0
        per_b = cb / nb if nb else 0.0
        print("  %-44s %11s %11s %+10d  calls %8d %8d  Ir/call %8.1f %8.1f" %
              ((k[1] if k[0] == "<main>" else k[1] + " [" + k[0] + "]")[:44],
               f"{ca:,}", f"{cb:,}", ca - cb, na, nb, per_a, per_b))

    same = [k for k in matched if fa[k][1] == fb[k][1] and fa[k][1] >= args.min_calls]
    print("\nSame function, same call count (>= %d calls), sorted by extra self cost in A:" %
          args.min_calls)
    print("  (sum over all such functions: A %s, B %s, A-B %+d)" %
          (f"{sum(fa[k][0] for k in same):,}", f"{sum(fb[k][0] for k in same):,}",
           sum(fa[k][0] - fb[k][0] for k in same)))
    for k in sorted(same, key=lambda k: -(fa[k][0] - fb[k][0]))[:args.top]:
        row(k, fa[k], fb[k])

    diff = [k for k in matched if fa[k][1] != fb[k][1]]
    print("\nSame function, different call count, sorted by |call difference|:")
    for k in sorted(diff, key=lambda k: -abs(fa[k][1] - fb[k][1]))[:args.top]:
        row(k, fa[k], fb[k])

    print("\nOnly in A (named), by self cost:")
    for k, v in sorted(((k, v) for k, v in only_a.items() if not ADDRESS.match(k[1])),
                       key=lambda kv: -kv[1][0])[:args.top]:
        row(k, v, (0, 0))
    return 0


if __name__ == "__main__":
    sys.exit(main())
