#!/usr/bin/python3.11
"""Detect benchmark regressions: compare a run with a baseline (every run of a
commit, the last N runs, or given files) benchmark by benchmark, using all
samples, and classify each as faster / slower / unchanged / too noisy with the
size of the change and its uncertainty. Exits 1 when a benchmark regressed
beyond --threshold percent, so CI or a cron job can gate on it.

    tools/bench_regress.py                                  # newest run vs the 5 before it
    tools/bench_regress.py bench/results/NEW.json --last 3
    tools/bench_regress.py NEW.json --baseline-commit 59e32f4 --threshold 3
    tools/bench_regress.py NEW.json --against OLD1.json OLD2.json

Method: docs/benchmark-history.md.
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from dashboard.cli_regress import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main())
