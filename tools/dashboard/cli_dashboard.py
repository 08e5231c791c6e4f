"""Command line of tools/bench_dashboard.py: history directory -> one
self-contained HTML page."""

import argparse
import sys
from pathlib import Path

from . import page, repo, store
from . import stats as S
from .schema import RunFileError


def main(argv=None):
    p = argparse.ArgumentParser(
        prog="bench_dashboard.py",
        description="Build the static HTML performance dashboard from the benchmark history.")
    p.add_argument("history", nargs="?", type=Path, default=repo.DEFAULT_HISTORY,
                   help="history directory (default bench/history)")
    p.add_argument("-o", "--out", type=Path, default=repo.REPO / "build" / "dashboard.html",
                   help="HTML file to write (default build/dashboard.html)")
    p.add_argument("--title", default="Krait performance history")
    p.add_argument("--last", type=int, default=5, metavar="N",
                   help="the newest run is checked against the N runs before it (default 5)")
    p.add_argument("--threshold", type=float, default=100 * S.DEFAULT_THRESHOLD, metavar="PCT",
                   help="slowdown in percent highlighted as a regression (default %(default)g)")
    args = p.parse_args(argv)
    if args.last < 1:
        p.error("--last must be at least 1")
    try:
        runs, errors = store.load_history(args.history)
    except RunFileError as e:
        print("error: %s" % e, file=sys.stderr)
        return 2
    for e in errors:
        print("warning: skipped %s" % e, file=sys.stderr)
    try:
        label = str(args.history.resolve().relative_to(repo.REPO))
    except ValueError:
        label = str(args.history)
    options = page.Options(title=args.title, compare_last=args.last,
                           threshold=args.threshold / 100.0, history_label=label)
    html = page.build_page(runs, errors, options)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    store.write_atomic(args.out, html)
    print("wrote %s: %d run(s), %d bytes" % (args.out, len(runs), len(html.encode())))
    return 0
