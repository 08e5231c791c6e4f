#!/usr/bin/python3.11
"""Append benchmark runs to the history directory (bench/history by default),
check or list it, and convert runs to and from Google Benchmark JSON.

    tools/bench_history.py append bench/results/RUN.json
    tools/bench_history.py append --interp krait_bench micro.json   # Google Benchmark output
    tools/bench_history.py check
    tools/bench_history.py list
    tools/bench_history.py to-gbench RUN.json -o run.gbench.json
    tools/bench_history.py from-gbench micro.json -o run.json

Schema and workflow: docs/benchmark-history.md.
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from dashboard.cli_history import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main())
