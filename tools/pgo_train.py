#!/usr/bin/python3.11
"""Training run for the profile-guided build (tools/build_release.sh, docs/pgo.md).

Runs CPython's own PGO training set (the tests `python -m test --pgo` runs, from
test.libregrtest.pgo, those this machine's libpython3.11-testsuite has) under an
instrumented `krait` with its default options, so the profile describes the shipped
configuration on the same general workload CPython's PGO build trains on, not on Krait's
benchmark programs. Test failures do not stop the build (the profile is still written)
but are reported; the test suite proper judges correctness.

  tools/pgo_train.py build/pgo-train/krait
"""
import os
import subprocess
import sys
import time

from test.libregrtest.pgo import PGO_TESTS

TEST_DIR = "/usr/lib/python3.11/test"


def present(name):
    return (os.path.exists(os.path.join(TEST_DIR, name + ".py"))
            or os.path.isdir(os.path.join(TEST_DIR, name)))


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: pgo_train.py KRAIT")
    krait = os.path.abspath(sys.argv[1])
    tests = [t for t in PGO_TESTS if present(t)]
    missing = sorted(set(PGO_TESTS) - set(tests))
    env = {k: v for k, v in os.environ.items() if not k.startswith("KRAIT_")}
    # A fixed hash seed makes the workload (set and dict orders, hence the paths taken) the
    # same on every build: two trainings of one source with random seeds gave layouts 10%
    # apart on one program (nqueens), so a build was not the build that had been measured.
    env["PYTHONHASHSEED"] = "0"
    start = time.monotonic()
    proc = subprocess.run([krait, "-m", "test", "-q", *tests], env=env, cwd="/tmp",
                          capture_output=True, text=True)
    took = time.monotonic() - start
    print(f"pgo_train: {len(tests)} tests in {took:.0f} s (not installed: "
          f"{', '.join(missing) or 'none'}), exit status {proc.returncode}")
    if proc.returncode != 0:
        print("pgo_train: warning: the training run failed; its output:", file=sys.stderr)
        print(proc.stdout[-4000:], proc.stderr[-4000:], file=sys.stderr)


if __name__ == "__main__":
    main()
