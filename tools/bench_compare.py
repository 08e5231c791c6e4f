#!/usr/bin/python3.11
"""Compare two result files written by tools/bench_run.py.

    tools/bench_compare.py OLD.json NEW.json [--threshold 5] [--interp NAME]
                           [--metric ratio|time]

For every program and interpreter present in both files, print the old and
new value and the relative change, and flag changes that are worse than the
threshold (percent, default 5). The default metric is the ratio to the
baseline interpreter rather than raw time: the baseline ran interleaved with
the others on the same machine state, so ratios survive a busier or quieter
machine far better than absolute times do. The baseline interpreter itself is
skipped for ratios (always 1.0).

A program/interpreter pair that had a result in OLD but failed in NEW counts
as a regression. Exit status: 0 if nothing regressed, 1 otherwise.
"""

import argparse
import json
import math
import sys


def load(path):
    with open(path) as f:
        return json.load(f)


def value(cell, metric):
    if not cell or cell.get("failed"):
        return None
    return cell.get("ratio" if metric == "ratio" else "median")


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("old")
    p.add_argument("new")
    p.add_argument("--threshold", type=float, default=5.0,
                   help="percent slowdown flagged as a regression (default %(default)s)")
    p.add_argument("--interp", action="append",
                   help="only this interpreter (repeatable)")
    p.add_argument("--metric", choices=("ratio", "time"), default="ratio",
                   help="compare ratios to the baseline (default) or median times")
    args = p.parse_args(argv)

    old, new = load(args.old), load(args.new)
    if args.metric == "ratio" and old["settings"]["baseline"] != new["settings"]["baseline"]:
        print("warning: baselines differ (%s vs %s)"
              % (old["settings"]["baseline"], new["settings"]["baseline"]))
    baseline = new["settings"]["baseline"]
    names = [i["name"] for i in new["interpreters"]
             if any(j["name"] == i["name"] for j in old["interpreters"])]
    if args.interp:
        names = [n for n in names if n in args.interp]
    if args.metric == "ratio":
        names = [n for n in names if n != baseline]
    if not names:
        sys.exit("no interpreter to compare in both files")

    for label, data in (("old", old), ("new", new)):
        git = data.get("git") or {}
        print("%s: %s  commit %s%s  load %.2f" % (
            label, data["date"], (git.get("commit") or "?")[:10],
            " (dirty)" if git.get("dirty") else "",
            data["machine"]["loadavg_start"][0]))

    regressions = []
    programs = [p for p in new["results"] if p in old["results"]]
    width = max([len(p) for p in programs] + [8])
    for name in names:
        print("\n%s (%s)" % (name, "ratio to %s" % baseline if args.metric == "ratio"
                             else "median seconds"))
        logs = []
        for prog in programs:
            a = value(old["results"][prog].get(name), args.metric)
            b = value(new["results"][prog].get(name), args.metric)
            if a is None or b is None:
                flag = ""
                if a is not None:
                    # It worked before and fails (or is missing) now.
                    flag = "  REGRESSION (no result)"
                    regressions.append((name, prog, math.inf))
                print("  %-*s  %8s -> %8s%s" % (width, prog, fmt(a), fmt(b), flag))
                continue
            change = 100.0 * (b / a - 1.0)
            flag = ""
            if change > args.threshold:
                flag = "  REGRESSION"
                regressions.append((name, prog, change))
            elif change < -args.threshold:
                flag = "  improved"
            print("  %-*s  %8s -> %8s  %+6.1f%%%s" % (width, prog, fmt(a), fmt(b),
                                                    change, flag))
            if prog != "startup":
                logs.append(math.log(b / a))
        if logs:
            print("  %-*s  %20s  %+6.1f%%  (geometric mean over %d programs)"
                  % (width, "geomean", "",
                     100.0 * (math.exp(sum(logs) / len(logs)) - 1), len(logs)))

    if regressions:
        print("\n%d regression(s) over %.1f%%:" % (len(regressions), args.threshold))
        for name, prog, change in regressions:
            print("  %s on %s: %+.1f%%" % (prog, name, change))
        return 1
    print("\nno regressions over %.1f%%" % args.threshold)
    return 0


def fmt(x):
    return "-" if x is None else "%.3f" % x


if __name__ == "__main__":
    sys.exit(main())
