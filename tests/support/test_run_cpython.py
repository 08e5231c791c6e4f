#!/usr/bin/python3.11
"""Self-test of run_cpython.py, with fake "krait"s: wrappers around stock
CPython whose sitecustomize breaks something on purpose.  Needs no krait.

    /usr/bin/python3.11 tests/support/test_run_cpython.py

Takes ~1 minute (a handful of tiny regrtest runs).
"""

import os
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

HERE = Path(__file__).resolve().parent
RUNNER = HERE / "run_cpython.py"
PY = "/usr/bin/python3.11"
MODULES = ["test_bool", "test_math", "test_int"]


def make_fake(tmp: Path, name: str, sitecustomize: str) -> str:
    d = tmp / name
    d.mkdir()
    (d / "sitecustomize.py").write_text(textwrap.dedent(sitecustomize))
    exe = tmp / f"py-{name}"
    exe.write_text(f"#!/bin/sh\nPYTHONPATH={d} exec {PY} \"$@\"\n")
    exe.chmod(0o755)
    return str(exe)


def run(*args):
    p = subprocess.run([PY, str(RUNNER), *args], capture_output=True,
                       text=True, timeout=600)
    return p.returncode, p.stdout + p.stderr


failures = []


def check(what, cond, out):
    print(("ok   " if cond else "FAIL ") + what, flush=True)
    if not cond:
        failures.append(what)
        print(textwrap.indent(out[-3000:], "    | "))


def main():
    with tempfile.TemporaryDirectory() as t:
        tmp = Path(t)
        nofile = str(tmp / "none.txt")
        # worker processes get '--worker-args [..., "test_math"]'
        gcd_broken = make_fake(tmp, "gcd", """\
            import math, sys
            if '--worker-args' in sys.argv and sys.argv[-1].endswith('"test_math"]'):
                math.gcd = lambda *a: 0
            """)
        int_crash = make_fake(tmp, "crash", """\
            import os, signal, sys
            if '--worker-args' in sys.argv and sys.argv[-1].endswith('"test_int"]'):
                os.kill(os.getpid(), signal.SIGSEGV)
            """)

        rc, out = run("--krait", PY, "--env-failures", nofile, *MODULES)
        check("stock vs stock: identical, exit 0",
              rc == 0 and out.rstrip().endswith("3 passed, 0 failed"), out)

        rc, out = run("--krait", gcd_broken, "--env-failures", nofile,
                      *MODULES)
        check("broken gcd in krait: exit 1, testGcd listed",
              rc == 1 and "\n  test.test_math.MathTests.testGcd\n" in out
              and out.rstrip().endswith("2 passed, 1 failed"), out)

        rc, out = run("--krait", int_crash, "--env-failures", nofile,
                      *MODULES)
        check("krait crashes in test_int: exit 1, crash reported",
              rc == 1 and "test_int: krait crashed" in out
              and "re-running 1 module(s)" in out
              and out.rstrip().endswith("2 passed, 1 failed"), out)

        envf = tmp / "env_failures.txt"
        rc, out = run("--derive", "--repeat", "1", "--python", gcd_broken,
                      "--env-failures", str(envf), *MODULES)
        text = envf.read_text() if envf.exists() else ""
        check("--derive with a broken stock lists testGcd",
              rc == 0 and "\ntest.test_math.MathTests.testGcd " in text
              and "\ntest_math " not in text,
              out + text)

        # the derived exclusions apply to both interpreters
        rc, out = run("--python", gcd_broken, "--krait", PY,
                      "--env-failures", str(envf), *MODULES)
        check("derived exclusions make broken stock and real stock agree",
              rc == 0 and " 0 test-id patterns ignored" not in out
              and out.rstrip().endswith("3 passed, 0 failed"), out)

        rc, out = run("--krait", str(tmp / "missing"), *MODULES)
        check("missing krait: exit 2",
              rc == 2 and out.rstrip().endswith("0 passed, 1 failed"), out)

    n = 6
    print(f"{n - len(failures)} passed, {len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
