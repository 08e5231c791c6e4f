"""Shared by the dashboard tests: paths, the package import, running the
command-line tools, a throwaway directory."""

import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
TOOLS = REPO / "tools"
FIXTURES = HERE / "fixtures"
FIXTURE_HISTORY = FIXTURES / "history"
REAL_EXPERIMENT = FIXTURES / "real-experiment"
GBENCH_SAMPLE = FIXTURES / "gbench_krait_bench.json"
PYTHON = "/usr/bin/python3.11"

if str(TOOLS) not in sys.path:
    sys.path.insert(0, str(TOOLS))


def run_tool(script, *args):
    """(exit code, stdout, stderr) of tools/<script> under the stock Python."""
    p = subprocess.run([PYTHON, str(TOOLS / script)] + [str(a) for a in args],
                       capture_output=True, text=True, timeout=600)
    return p.returncode, p.stdout, p.stderr


def output_dir(name):
    """Directory for files a person may want to look at after the run (the
    screenshot): $KRAIT_DASHBOARD_TEST_DIR (ctest points it into the build
    tree), else the system temporary directory."""
    base = os.environ.get("KRAIT_DASHBOARD_TEST_DIR") or os.path.join(
        tempfile.gettempdir(), "krait-dashboard-tests")
    path = Path(base) / name
    path.mkdir(parents=True, exist_ok=True)
    return path


class TempDirTest(unittest.TestCase):
    def setUp(self):
        self.tmp = Path(tempfile.mkdtemp(prefix="krait-dash-"))
        self.addCleanup(shutil.rmtree, self.tmp, True)

    def write_json(self, name, data):
        path = self.tmp / name
        path.write_text(json.dumps(data))
        return path


def load_json(path):
    with open(path) as f:
        return json.load(f)
