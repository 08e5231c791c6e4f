"""Command line of tools/bench_history.py: append runs to the history,
check and list it, convert to and from Google Benchmark JSON."""

import argparse
import json
import sys
from pathlib import Path

from . import gbench, repo, store
from .runs import Run
from .schema import RunFileError


def _add_gbench_options(p):
    g = p.add_argument_group("Google Benchmark input (it does not record the build)")
    g.add_argument("--interp", metavar="NAME",
                   help="interpreter column for its benchmarks (default: the executable's name)")
    g.add_argument("--commit", metavar="REV",
                   help="commit that was measured (default: the work tree's HEAD and dirty state)")


def _gbench_build(args):
    if args.commit:
        full = repo.rev_parse(args.commit)
        if full is None:
            if not all(c in "0123456789abcdef" for c in args.commit.lower()):
                raise SystemExit("--commit %s: not a revision of this repository" % args.commit)
            full = args.commit.lower()
        return full, None
    return repo.head()


def cmd_append(args):
    commit, dirty = _gbench_build(args)
    rejected = 0
    for name in args.files:
        try:
            run, converted = store.load_run_file(name, interp=args.interp, commit=commit,
                                                 dirty=dirty)
        except RunFileError as e:
            print("rejected: %s" % e, file=sys.stderr)
            rejected += 1
            continue
        path, added = store.append(args.history, run)
        how = " (converted from Google Benchmark JSON)" if converted else ""
        if added:
            print("added %s -> %s%s" % (name, path, how))
        else:
            print("already there: %s is %s" % (name, path))
    return 1 if rejected else 0


def cmd_check(args):
    runs, errors = store.load_history(args.history)
    for e in errors:
        print("bad: %s" % e, file=sys.stderr)
    print("%d run file(s) valid, %d bad in %s" % (len(runs), len(errors), args.history))
    return 1 if errors else 0


def cmd_list(args):
    runs, errors = store.load_history(args.history)
    for e in errors:
        print("bad: %s" % e, file=sys.stderr)
    for r in runs:
        m = r.machine
        print("%s  %-8s  %-17s  %-10s  %d benchmarks  %s" % (
            r.date.strftime("%Y-%m-%d %H:%M"), r.short_commit, r.source,
            (m.get("uname") or {}).get("node") or "?", len(r.benchmarks),
            ", ".join(r.interpreters)))
    return 1 if errors else 0


def _write(data, out):
    text = json.dumps(data, indent=1) + "\n"
    if out in (None, "-"):
        sys.stdout.write(text)
    else:
        store.write_atomic(Path(out), text)
        print("wrote %s" % out, file=sys.stderr)


def cmd_to_gbench(args):
    try:
        run, _ = store.load_run_file(args.file)
    except RunFileError as e:
        print("rejected: %s" % e, file=sys.stderr)
        return 1
    _write(gbench.from_run(run), args.out)
    return 0


def cmd_from_gbench(args):
    try:
        data = store.read_json(args.file)
        if not gbench.looks_like_gbench(data):
            raise RunFileError(args.file, "not Google Benchmark JSON (no \"context\" and "
                                          "\"benchmarks\")")
        commit, dirty = _gbench_build(args)
        run, _ = store.load_run_file(args.file, interp=args.interp, commit=commit, dirty=dirty)
    except RunFileError as e:
        print("rejected: %s" % e, file=sys.stderr)
        return 1
    Run(run)  # parses the date: a file we write must load again
    _write(run, args.out)
    return 0


def main(argv=None):
    p = argparse.ArgumentParser(
        prog="bench_history.py",
        description="Keep the benchmark history: one validated JSON file per run "
                    "(docs/benchmark-history.md).")
    sub = p.add_subparsers(dest="command", required=True)

    a = sub.add_parser("append", help="add run files (bench_run.py JSON or Google "
                                      "Benchmark JSON) to the history")
    a.add_argument("files", nargs="+", metavar="FILE")
    a.add_argument("--history", type=Path, default=repo.DEFAULT_HISTORY,
                   help="history directory (default bench/history)")
    _add_gbench_options(a)
    a.set_defaults(func=cmd_append)

    for name, func, text in (("check", cmd_check, "validate every file of the history"),
                             ("list", cmd_list, "one line per run, oldest first")):
        c = sub.add_parser(name, help=text)
        c.add_argument("--history", type=Path, default=repo.DEFAULT_HISTORY,
                       help="history directory (default bench/history)")
        c.set_defaults(func=func)

    t = sub.add_parser("to-gbench", help="write a run file as Google Benchmark JSON")
    t.add_argument("file", metavar="RUN.json")
    t.add_argument("-o", "--out", help="output file (default: standard output)")
    t.set_defaults(func=cmd_to_gbench)

    f = sub.add_parser("from-gbench", help="convert Google Benchmark JSON to a run file "
                                           "(without appending it)")
    f.add_argument("file", metavar="GBENCH.json")
    f.add_argument("-o", "--out", help="output file (default: standard output)")
    _add_gbench_options(f)
    f.set_defaults(func=cmd_from_gbench)

    args = p.parse_args(argv)
    return args.func(args)
