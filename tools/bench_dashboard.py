#!/usr/bin/python3.11
"""Build the performance dashboard: the benchmark history directory
(bench/history by default) becomes one self-contained HTML file with
per-benchmark speedup plots over commits (uncertainty bands), a summary table
with geometric means, the newest run's regressions highlighted, and every
run's machine, options and Krait stats. No network needed to view it.

    tools/bench_dashboard.py                         # -> build/dashboard.html
    tools/bench_dashboard.py bench/history -o /tmp/dash.html --last 3

Details: docs/benchmark-history.md.
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from dashboard.cli_dashboard import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main())
