"""Command line of tools/bench_regress.py: compare one run with a baseline
(a commit's runs, the last N runs, or given files) and gate on regressions.

Exit status: 0 no regression, 1 a benchmark regressed beyond the threshold
(or fails now after working in the baseline; with --noisy-fails also when a
benchmark was too noisy to decide), 2 usage errors or nothing to compare."""

import argparse
import json
import sys
from pathlib import Path

from . import regress, repo, store
from . import stats as S
from .runs import Run
from .schema import RunFileError


def parse_args(argv):
    p = argparse.ArgumentParser(
        prog="bench_regress.py",
        description="Compare a benchmark run with a baseline, benchmark by benchmark, "
                    "using all samples; exit 1 when something regressed.")
    p.add_argument("run", nargs="?", metavar="RUN.json",
                   help="run to check (default: the newest run in the history)")
    p.add_argument("--history", type=Path, default=repo.DEFAULT_HISTORY,
                   help="history directory (default bench/history)")
    b = p.add_mutually_exclusive_group()
    b.add_argument("--baseline-commit", metavar="REV",
                   help="baseline: every run of this commit (hash prefix or revision name)")
    b.add_argument("--last", type=int, metavar="N",
                   help="baseline: the N runs before RUN (default 5)")
    b.add_argument("--against", nargs="+", metavar="FILE",
                   help="baseline: these run files instead of the history")
    p.add_argument("--threshold", type=float, default=100 * S.DEFAULT_THRESHOLD,
                   metavar="PCT", help="slowdown in percent that counts as a regression "
                                       "(default %(default)g)")
    p.add_argument("--metric", choices=("auto", "ratio", "time"), default="auto",
                   help="ratio: per-round ratio to the run's baseline interpreter (default "
                        "when the run has one); time: raw times")
    p.add_argument("--interp", action="append", metavar="NAME", help="only this interpreter")
    p.add_argument("--programs", nargs="+", metavar="PATTERN", help="only these benchmarks")
    p.add_argument("--confidence", type=float, default=S.DEFAULT_CONFIDENCE,
                   help="confidence of the intervals (default %(default)g)")
    p.add_argument("--min-samples", type=int, default=S.DEFAULT_MIN_SAMPLES,
                   help="fewer samples on a side means too noisy (default %(default)s)")
    p.add_argument("--any-machine", action="store_true",
                   help="also use baseline runs from other machines")
    p.add_argument("--noisy-fails", action="store_true",
                   help="exit 1 also when a benchmark is too noisy to decide")
    p.add_argument("--json", metavar="FILE", help="also write the findings as JSON")
    args = p.parse_args(argv)
    if not 0 < args.confidence < 1:
        p.error("--confidence must be between 0 and 1")
    if args.threshold < 0:
        p.error("--threshold must not be negative")
    if args.min_samples < 1:
        p.error("--min-samples must be at least 1")
    if args.last is not None and args.last < 1:
        p.error("--last must be at least 1")
    return args


def _load(path):
    data, _ = store.load_run_file(path)
    return Run(data, Path(path))


def main(argv=None):
    args = parse_args(argv)
    try:
        if args.against:
            baseline = [_load(f) for f in args.against]
            history = []
        else:
            history, errors = store.load_history(args.history)
            for e in errors:
                print("warning: skipped %s" % e, file=sys.stderr)
        if args.run:
            new = _load(args.run)
        elif history:
            new = history[-1]
        else:
            print("error: no run given and no runs in %s" % args.history, file=sys.stderr)
            return 2
    except RunFileError as e:
        print("error: %s" % e, file=sys.stderr)
        return 2

    if not args.against:
        commit = None
        if args.baseline_commit:
            commit = repo.rev_parse(args.baseline_commit) or args.baseline_commit
        baseline = regress.select_baseline(history, new, commit=commit,
                                           last=None if commit else (args.last or 5),
                                           same_machine=not args.any_machine)
        if not baseline:
            print("error: no baseline runs in %s for %s (%s)" % (
                args.history, "commit " + args.baseline_commit if args.baseline_commit
                else "the runs before it", "same machine only; --any-machine widens"
                if not args.any_machine else "any machine"), file=sys.stderr)
            return 2

    metric = regress.choose_metric(new, args.metric)
    if metric == "ratio" and new.baseline is None:
        print("error: --metric ratio, but %s has no baseline interpreter" % new.name,
              file=sys.stderr)
        return 2
    threshold = args.threshold / 100.0
    findings = regress.compare_runs(baseline, new, metric=metric, threshold=threshold,
                                    confidence=args.confidence, min_samples=args.min_samples,
                                    interps=args.interp, programs=args.programs)
    print(regress.report(findings, baseline, new, metric, threshold, args.confidence))
    if args.json:
        out = {"run": new.name, "baseline": [r.name for r in baseline], "metric": metric,
               "threshold": threshold, "confidence": args.confidence,
               "findings": [f.to_json() for f in findings]}
        store.write_atomic(Path(args.json), json.dumps(out, indent=1) + "\n")
    if not findings:
        return 2
    if any(f.regressed for f in findings):
        return 1
    if args.noisy_fails and any(f.verdict == S.NOISY for f in findings):
        return 1
    return 0
