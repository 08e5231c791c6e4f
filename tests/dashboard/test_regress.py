"""Regression detection: baseline selection, verdicts and exit status of
bench_regress.py, on the synthetic fixture history and on real runs from our
machine (a build slowed on purpose must be flagged, identical builds not)."""

import json
import unittest

from helpers import FIXTURE_HISTORY, REAL_EXPERIMENT, TempDirTest, run_tool
from dashboard import regress, store
from dashboard import stats as S
from dashboard.runs import Run


def fixture_runs():
    runs, errors = store.load_history(FIXTURE_HISTORY)
    assert not errors, errors
    return runs


def real(name):
    data, _ = store.load_run_file(REAL_EXPERIMENT / name)
    return Run(data, REAL_EXPERIMENT / name)


class Baselines(unittest.TestCase):
    def test_last_n_same_source_only(self):
        runs = fixture_runs()
        programs = [r for r in runs if r.source == "bench_run"]
        newest = programs[-1]
        base = regress.select_baseline(runs, newest, last=3)
        self.assertEqual(base, programs[-4:-1])

    def test_by_commit_prefix(self):
        runs = fixture_runs()
        newest = [r for r in runs if r.source == "bench_run"][-1]
        base = regress.select_baseline(runs, newest, commit="2222")
        self.assertEqual([r.commit[:4] for r in base], ["2222"])
        # The run under test never serves as its own baseline.
        same = regress.select_baseline(runs, newest, commit="4444")
        self.assertNotIn(newest, same)
        self.assertEqual(len(same), 1)

    def test_other_machines_excluded(self):
        runs = fixture_runs()
        newest = [r for r in runs if r.source == "bench_run"][-1]
        other = Run(json.loads(json.dumps(newest.data)))
        other.data["machine"]["uname"]["node"] = "elsewhere"
        self.assertEqual(regress.select_baseline(runs, other, last=5), [])
        self.assertTrue(regress.select_baseline(runs, other, last=5, same_machine=False))


class Findings(unittest.TestCase):
    def test_fixture_regression_and_improvement(self):
        runs = fixture_runs()
        programs = [r for r in runs if r.source == "bench_run"]
        findings = regress.compare_runs(programs[:-1], programs[-1])
        verdict = {(f.bench, f.interp): f.verdict for f in findings}
        self.assertEqual(verdict[("fib", "krait")], S.SLOWER)
        self.assertEqual(verdict[("nbody", "krait")], S.FASTER)
        others = [v for k, v in verdict.items() if k not in (("fib", "krait"), ("nbody", "krait"))]
        self.assertTrue(others)
        self.assertTrue(all(v == S.UNCHANGED for v in others), verdict)
        self.assertNotIn("python3.11", {f.interp for f in findings})  # ratio 1 to itself

    def test_failure_after_success_is_a_regression(self):
        runs = fixture_runs()
        programs = [r for r in runs if r.source == "bench_run"]
        broken = Run(json.loads(json.dumps(programs[-1].data)))
        broken.data["results"]["leibniz"]["krait-nojit"].update(
            failed=True, error="exit status 1\nTraceback", times=[])
        findings = regress.compare_runs(programs[:-1], broken)
        f = [f for f in findings if (f.bench, f.interp) == ("leibniz", "krait-nojit")][0]
        self.assertEqual(f.verdict, regress.FAILED)
        self.assertTrue(f.regressed)
        self.assertIn("exit status 1", f.note)

    def test_micro_benchmarks_compare_times(self):
        runs = fixture_runs()
        micro = [r for r in runs if r.source == "google-benchmark"]
        self.assertEqual(regress.choose_metric(micro[-1]), "time")
        findings = regress.compare_runs(micro[:-1], micro[-1])
        self.assertEqual(len(findings), 2)
        self.assertFalse(any(f.regressed for f in findings))


class RealRuns(unittest.TestCase):
    """Runs of tools/bench_run.py on our 2-core machine while another build
    was compiling (load ~1): 'krait' is `krait -X jit=off` in the four good
    runs and `KRAIT_INTERP=all krait` (Krait's slower interpreter for every
    frame) in the slowed one. See docs/benchmark-history.md."""

    good = ["exp-good-%d.json" % i for i in (1, 2, 3, 4)]

    def test_slowed_build_is_flagged(self):
        findings = regress.compare_runs([real(n) for n in self.good], real("exp-slow-1.json"))
        slower = [f.bench for f in findings if f.verdict == S.SLOWER]
        self.assertGreaterEqual(len(slower), 3, [(f.bench, f.verdict) for f in findings])
        self.assertFalse(any(f.verdict == S.FASTER for f in findings))

    def test_identical_builds_are_not_flagged(self):
        for name in self.good:
            others = [real(n) for n in self.good if n != name]
            findings = regress.compare_runs(others, real(name))
            self.assertEqual(len(findings), 5)
            self.assertFalse([f for f in findings if f.verdict in (S.SLOWER, S.FASTER)],
                             name)


class Command(TempDirTest):
    def test_newest_fixture_run_regressed(self):
        code, out, err = run_tool("bench_regress.py", "--history", FIXTURE_HISTORY)
        self.assertEqual(code, 1, err)
        self.assertIn("fib on krait: +2", out)
        self.assertIn("SLOWER (regression)", out)
        self.assertIn("faster", out)

    def test_filters_and_threshold(self):
        code, out, _ = run_tool("bench_regress.py", "--history", FIXTURE_HISTORY,
                                "--programs", "nbody", "leibniz")
        self.assertEqual(code, 0, out)
        code, out, _ = run_tool("bench_regress.py", "--history", FIXTURE_HISTORY,
                                "--threshold", "30")
        self.assertEqual(code, 0, out)
        self.assertIn("no regressions beyond 30.0%", out)

    def test_against_files_and_json(self):
        out_json = self.tmp / "findings.json"
        code, out, err = run_tool("bench_regress.py", REAL_EXPERIMENT / "exp-slow-1.json",
                                  "--against", *[REAL_EXPERIMENT / n for n in RealRuns.good],
                                  "--json", out_json)
        self.assertEqual(code, 1, err)
        data = json.loads(out_json.read_text())
        self.assertEqual(data["metric"], "ratio")
        self.assertEqual(len(data["baseline"]), 4)
        verdicts = {f["benchmark"]: f["verdict"] for f in data["findings"]}
        self.assertGreaterEqual(list(verdicts.values()).count("slower"), 3)
        code, out, _ = run_tool("bench_regress.py", REAL_EXPERIMENT / "exp-good-4.json",
                                "--against", *[REAL_EXPERIMENT / n for n in RealRuns.good[:3]])
        self.assertEqual(code, 0, out)

    def test_noisy_fails_option(self):
        args = [REAL_EXPERIMENT / "exp-good-4.json", "--against",
                *[REAL_EXPERIMENT / n for n in RealRuns.good[:3]]]
        code, out, _ = run_tool("bench_regress.py", *args)
        self.assertEqual(code, 0)
        self.assertIn("too noisy", out)   # 3 rounds on a loaded machine
        code, _, _ = run_tool("bench_regress.py", *args, "--noisy-fails")
        self.assertEqual(code, 1)

    def test_no_baseline_is_an_error(self):
        code, _, err = run_tool("bench_regress.py", "--history", FIXTURE_HISTORY,
                                "--baseline-commit", "999999")
        self.assertEqual(code, 2)
        self.assertIn("no baseline runs", err)

    def test_bad_run_file_is_named(self):
        bad = self.write_json("bad.json", {"schema": 1})
        code, _, err = run_tool("bench_regress.py", bad, "--history", FIXTURE_HISTORY)
        self.assertEqual(code, 2)
        self.assertIn(str(bad), err)


if __name__ == "__main__":
    unittest.main()
