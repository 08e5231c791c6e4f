#!/usr/bin/python3.11
"""Self-test for run_diff.py: proves the runner passes what should pass and,
more importantly, fails what should fail.

"krait" is simulated by small shell wrappers around the stock interpreter
that write a chosen stats JSON and optionally corrupt output or exit code.
Run: /usr/bin/python3.11 tests/support/test_run_diff.py
"""

import os
import shutil
import subprocess
import sys
import tempfile
import textwrap
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
RUNNER = os.path.join(HERE, "run_diff.py")
PYTHON = "/usr/bin/python3.11"

# Wrapper scripts standing in for krait.  They write $FAKE_STATS (passed via
# the runner's --env, which also exercises that option) before running the
# program, mimicking krait's at-exit stats dump closely enough.
FAKES = {
    # Faithful: same behaviour as stock, stats written.  `exec` keeps the
    # pid the same so signals sent by the runner reach python itself.
    "good": f"""#!/bin/sh
printf '%s' "$FAKE_STATS" > "$KRAIT_STATS_FILE"
exec {PYTHON} "$@"
""",
    # Changes program output.
    "wrong_stdout": f"""#!/bin/sh
printf '%s' "$FAKE_STATS" > "$KRAIT_STATS_FILE"
{PYTHON} "$@" | sed 's/42/43/'
""",
    # Extra noise on stderr.
    "noisy_stderr": f"""#!/bin/sh
printf '%s' "$FAKE_STATS" > "$KRAIT_STATS_FILE"
{PYTHON} "$@"
rc=$?
echo "krait: debug noise" >&2
exit $rc
""",
    # Right output, wrong exit status.
    "wrong_exit": f"""#!/bin/sh
printf '%s' "$FAKE_STATS" > "$KRAIT_STATS_FILE"
{PYTHON} "$@"
exit 3
""",
    # Never writes the stats file (like a crash or os._exit).
    "no_stats": f"""#!/bin/sh
exec {PYTHON} "$@"
""",
    # Hangs.
    "hang": """#!/bin/sh
exec sleep 60
""",
    # Reports the KRAIT_* env it was given, to check runner-provided env.
    "env_echo": f"""#!/bin/sh
printf '{{"hook_frames": 1}}' > "$KRAIT_STATS_FILE"
echo "HOT_LOOP=$KRAIT_HOT_LOOP EXTRA=$EXTRA" >&2
exec {PYTHON} "$@"
""",
}

GOOD_STATS = '{"hook_frames": 7, "traces_compiled": 2}'


class RunDiffTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="run-diff-selftest-")
        cls.fakes = {}
        for name, body in FAKES.items():
            path = os.path.join(cls.tmp, "fake-krait-" + name)
            with open(path, "w") as f:
                f.write(body)
            os.chmod(path, 0o755)
            cls.fakes[name] = path
        # A symlink to stock python: a genuinely different sys.executable,
        # for checking path normalisation.
        cls.fakes["symlink"] = os.path.join(cls.tmp, "krait-symlink")
        os.symlink(PYTHON, cls.fakes["symlink"])
        cls.progs = os.path.join(cls.tmp, "progs")
        os.mkdir(cls.progs)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp)

    def write(self, name, source):
        path = os.path.join(self.progs, name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w") as f:
            f.write(textwrap.dedent(source).lstrip())
        return path

    def run_diff(self, krait, *paths, stats=GOOD_STATS, extra=()):
        cmd = [PYTHON, RUNNER, "--krait", self.fakes.get(krait, krait),
               "--env", f"FAKE_STATS={stats}", *extra, *paths]
        p = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
        self.assertEqual(p.stderr, "", "runner itself wrote to stderr")
        return p.returncode, p.stdout

    def assertFailed(self, rc, out, *fragments):
        self.assertEqual(rc, 1, out)
        first = out.splitlines()[0]
        self.assertTrue(first.startswith("FAIL "), out)
        for frag in fragments:
            self.assertIn(frag, out)
        self.assertEqual(out.splitlines()[-1], "0 passed, 1 failed")

    def assertPassed(self, rc, out):
        self.assertEqual(rc, 0, out)
        self.assertTrue(out.startswith("PASS "), out)
        self.assertEqual(out.splitlines()[-1], "1 passed, 0 failed")

    # --- positive cases -------------------------------------------------

    def test_pass_with_true_expectations(self):
        p = self.write("ok.py", """
            # krait: expect hook_frames >= 1
            # krait: expect hook_frames == 7
            # krait: expect traces_compiled < 3
            # krait: expect traces_compiled != 0
            print(sum(range(100)), 42)
            """)
        self.assertPassed(*self.run_diff("good", p))

    def test_no_expectations_needs_no_stats(self):
        p = self.write("plain.py", "print('hi')\n")
        self.assertPassed(*self.run_diff("no_stats", p))

    def test_stock_against_itself(self):
        p = self.write("self.py", "import sys; print(sys.argv[1:])\n")
        self.assertPassed(*self.run_diff(PYTHON, p))

    def test_interpreter_paths_normalised(self):
        # sys.executable differs between the two runs; both become <python>.
        p = self.write("exe.py", """
            import sys
            print(sys.executable)
            raise SystemExit(sys.executable)
            """)
        self.assertPassed(*self.run_diff("symlink", p))

    def test_uncaught_exception_matches(self):
        p = self.write("boom.py", """
            def f(x):
                return 1 / x
            f(0)
            """)
        self.assertPassed(*self.run_diff("good", p))

    def test_header_args_stdin_env(self):
        p = self.write("io.py", """
            # krait: args one two
            # krait: stdin "line1\\n"
            # krait: stdin "line2"
            # krait: env SELFTEST_VAR=both see this
            import os, sys
            print(sys.argv[1:], sys.stdin.read().split("\\n"), os.environ["SELFTEST_VAR"])
            assert sys.argv[1:] == ["one", "two"]
            assert os.environ["SELFTEST_VAR"] == "both see this"
            """)
        self.assertPassed(*self.run_diff("good", p))

    def test_signal_after_ready(self):
        p = self.write("sigint.py", """
            # krait: signal SIGINT after-ready 0.1
            print("READY", flush=True)
            n = 0
            while True:
                n += 1
            """)
        self.assertPassed(*self.run_diff("good", p))

    def test_signal_never_sent_is_a_test_bug(self):
        p = self.write("noready.py", """
            # krait: signal SIGINT after-ready
            print("not the magic word")
            """)
        self.assertFailed(*self.run_diff("good", p), "signal was never sent")

    def test_krait_env_defaults_and_overrides(self):
        p = self.write("envcheck.py", "print('x')\n")
        rc, out = self.run_diff("env_echo", p)
        # stderr differs (the fake echoes its env), which shows the values.
        self.assertIn("+HOT_LOOP=2 EXTRA=\n", out)
        p2 = self.write("envcheck2.py", """
            # krait: krait-env EXTRA=from-header
            print('x')
            """)
        rc, out = self.run_diff("env_echo", p2,
                                extra=["--env", "KRAIT_HOT_LOOP=50", "--env", "EXTRA=cli"])
        self.assertIn("+HOT_LOOP=50 EXTRA=from-header\n", out)

    def test_chaos_divergence_skips_only_in_chaos_mode(self):
        p = self.write("chaosdiv.py", """
            # krait: chaos-divergence deep recursion in frames handed to CPython
            print('x')
            """)
        self.assertPassed(*self.run_diff("good", p))
        rc, out = self.run_diff("good", p, extra=["--env", "KRAIT_INTERP_CHAOS=5"])
        self.assertEqual(rc, 0, out)
        self.assertTrue(out.startswith("SKIP "), out)
        self.assertIn("deep recursion in frames handed to CPython", out)

    def test_expect_unless_chaos_not_checked_in_chaos_mode(self):
        p = self.write("unlesschaos.py", """
            # krait: expect-unless-chaos hook_frames > 100
            print(1)
            """)
        self.assertFailed(*self.run_diff("good", p),
                          "expectation failed: hook_frames > 100 (got 7)")
        self.assertPassed(*self.run_diff("good", p, extra=["--env", "KRAIT_INTERP_CHAOS=5"]))

    # --- negative cases: each must FAIL ---------------------------------

    def test_unknown_counter_fails(self):
        p = self.write("unknown.py", """
            # krait: expect no_such_counter >= 0
            print(1)
            """)
        self.assertFailed(*self.run_diff("good", p),
                          "unknown counter no_such_counter; known: hook_frames, traces_compiled")

    def test_false_expectation_fails(self):
        p = self.write("false.py", """
            # krait: expect hook_frames > 100
            print(1)
            """)
        self.assertFailed(*self.run_diff("good", p),
                          "expectation failed: hook_frames > 100 (got 7)")

    def test_missing_stats_file_fails(self):
        p = self.write("nostats.py", """
            # krait: expect hook_frames >= 1
            print(1)
            """)
        self.assertFailed(*self.run_diff("no_stats", p), "stats file not written")

    def test_garbage_stats_file_fails(self):
        p = self.write("garbage.py", """
            # krait: expect hook_frames >= 1
            print(1)
            """)
        self.assertFailed(*self.run_diff("good", p, stats="{not json"), "stats file unreadable")
        self.assertFailed(*self.run_diff("good", p, stats='{"hook_frames": "1"}'),
                          "not an integer")

    def test_stdout_mismatch_fails_with_diff(self):
        p = self.write("mismatch.py", "print('answer', 42)\n")
        rc, out = self.run_diff("wrong_stdout", p)
        self.assertFailed(rc, out, "stdout differs", "-answer 42", "+answer 43")

    def test_stderr_mismatch_fails(self):
        p = self.write("stderr.py", "print('fine')\n")
        self.assertFailed(*self.run_diff("noisy_stderr", p), "stderr differs",
                          "+krait: debug noise")

    def test_exit_code_mismatch_fails(self):
        p = self.write("exit.py", "print('x')\n")
        self.assertFailed(*self.run_diff("wrong_exit", p), "exit code 3, expected 0")

    def test_timeout_fails(self):
        p = self.write("slow.py", "print('quick on stock')\n")
        self.assertFailed(*self.run_diff("hang", p, extra=["--timeout", "1"]),
                          "krait timed out after 1s")

    def test_bad_header_fails(self):
        p = self.write("badheader.py", """
            # krait: expekt hook_frames >= 1
            print(1)
            """)
        self.assertFailed(*self.run_diff("good", p), "unknown directive")
        p = self.write("badexpect.py", """
            # krait: expect hook_frames about 1
            print(1)
            """)
        self.assertFailed(*self.run_diff("good", p), "bad expectation")

    def test_long_diff_is_truncated(self):
        p = self.write("long.py", "for i in range(1000): print(42, i)\n")
        rc, out = self.run_diff("wrong_stdout", p)
        self.assertEqual(rc, 1)
        self.assertIn("more diff lines)", out)
        self.assertLess(len(out.splitlines()), 260)

    # --- collection and summary -----------------------------------------

    def test_directory_run_skips_underscore_and_summarises(self):
        d = os.path.join(self.progs, "tree")
        self.write("tree/b/second.py", "print(2)\n")
        self.write("tree/a/first.py", "print(1)\n")
        self.write("tree/a/skipped.py", "# krait: skip not today\nprint(0)\n")
        self.write("tree/a/_helper.py", "raise SystemExit('must not run')\n")
        self.write("tree/_support/mod.py", "raise SystemExit('must not run')\n")
        self.write("tree/b/broken.py", "print(42)\n")
        rc, out = self.run_diff("wrong_stdout", d)
        lines = out.splitlines()
        self.assertEqual(lines[0], "PASS a/first.py")
        self.assertEqual(lines[1], "SKIP a/skipped.py: not today")
        self.assertTrue(lines[2].startswith("FAIL b/broken.py: stdout differs"), out)
        self.assertIn("PASS b/second.py", lines)
        self.assertNotIn("_helper", out)
        self.assertNotIn("_support", out)
        self.assertEqual(lines[-1], "2 passed, 1 failed, 1 skipped")
        self.assertEqual(rc, 1)

    def test_parallel_keeps_order(self):
        d = os.path.join(self.progs, "par")
        for i in range(6):
            self.write(f"par/t{i}.py", f"print({i})\n")
        rc, out = self.run_diff("good", d, extra=["-j", "3"])
        self.assertEqual(rc, 0, out)
        self.assertEqual(out.splitlines(), [f"PASS t{i}.py" for i in range(6)] + ["6 passed, 0 failed"])


if __name__ == "__main__":
    unittest.main(verbosity=2)
