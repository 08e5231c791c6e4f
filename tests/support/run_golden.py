#!/usr/bin/env python3
"""Golden tests of the tracing JIT's IR: each tests/ir/NAME.py is run under krait with a low
hot-loop threshold and KRAIT_LOG=ir; the dumps of the traces recorded in that file (the
recording as emitted, then the compiled trace after peeling/DCE with register assignments)
must equal tests/ir/NAME.ir. KRAIT_BLESS=1 (or --bless) rewrites the expectations; a
mismatch prints a unified diff and the bless hint.

Header lines in the .py (leading comments): `# golden: hot-loop N` (default 2)."""
import argparse
import difflib
import os
import re
import subprocess
import sys
import tempfile


def dumps(krait, path):
    with open(path) as f:
        src = f.read()
    m = re.search(r"^# golden: hot-loop (\d+)$", src, re.M)
    hot = m.group(1) if m else "2"
    with tempfile.TemporaryDirectory() as tmp:
        log = os.path.join(tmp, "ir.log")
        env = dict(os.environ, KRAIT_HOT_LOOP=hot, KRAIT_LOG="ir", KRAIT_LOG_FILE=log,
                   KRAIT_STABLE_POINTERS="1", PYTHONHASHSEED="0")
        p = subprocess.run([krait, "-I", "-S", path], capture_output=True, text=True, env=env,
                           timeout=60)
        if p.returncode != 0:
            raise RuntimeError(f"{path}: krait exited {p.returncode}: {p.stderr[-2000:]}")
        with open(log) as f:
            text = f.read()
    # Keep the dumps of traces recorded in this file; paths become the file's base name.
    out, keep = [], False
    base = os.path.basename(path)
    for line in text.splitlines():
        line = re.sub(r"^\[krait:ir\] ", "", line)
        if line.startswith("---- TRACE") or line.startswith("---- INVALID"):
            keep = path in line
        if keep:
            out.append(line.replace(path, base))
    return "\n".join(out) + "\n"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--krait", required=True)
    ap.add_argument("--bless", action="store_true")
    ap.add_argument("files", nargs="+")
    a = ap.parse_args()
    bless = a.bless or os.environ.get("KRAIT_BLESS") == "1"
    failed = 0
    for py in a.files:
        py = os.path.abspath(py)
        expected_path = py[:-3] + ".ir"
        got = dumps(a.krait, py)
        if bless:
            with open(expected_path, "w") as f:
                f.write(got)
            print(f"BLESSED {os.path.basename(expected_path)}")
            continue
        try:
            with open(expected_path) as f:
                want = f.read()
        except FileNotFoundError:
            want = ""
        if got == want:
            print(f"PASS {os.path.basename(py)}")
            continue
        failed += 1
        print(f"FAIL {os.path.basename(py)}: IR differs from {os.path.basename(expected_path)}")
        sys.stdout.writelines(difflib.unified_diff(want.splitlines(True), got.splitlines(True),
                                                   "expected", "got"))
        print("(if the new IR is right: KRAIT_BLESS=1 tools/bless.sh, or run_golden.py --bless)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
