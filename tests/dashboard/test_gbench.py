"""Google Benchmark JSON conversion, both ways: a real krait_bench output
into the history and back, and bench_run results out to Google Benchmark's
format and back, without losing samples or metadata."""

import copy
import json

from helpers import GBENCH_SAMPLE, REAL_EXPERIMENT, TempDirTest, load_json, run_tool
from dashboard import gbench, store
from dashboard.runs import Run
from dashboard.schema import validate_run

COMMIT = "59e32f447f" + "0" * 30


def iteration_entries(gb):
    return [e for e in gb["benchmarks"] if e.get("run_type", "iteration") == "iteration"]


class FromGoogleBenchmark(TempDirTest):
    def setUp(self):
        super().setUp()
        self.gb = load_json(GBENCH_SAMPLE)
        self.run = gbench.to_run(self.gb, commit=COMMIT, dirty=True)

    def test_valid_run(self):
        self.assertEqual(validate_run(self.run), [])
        r = Run(self.run)
        self.assertEqual(r.source, "google-benchmark")
        self.assertIsNone(r.baseline)
        self.assertEqual(r.commit, COMMIT)
        self.assertTrue(r.dirty)

    def test_samples_are_iterations_in_seconds(self):
        entries = iteration_entries(self.gb)
        names = sorted({e["run_name"] for e in entries})
        self.assertEqual(sorted(self.run["results"]), names)
        self.assertEqual(self.run["interpreters"][0]["name"], "krait_bench")
        for name in names:
            mine = [e for e in entries if e["run_name"] == name]
            cell = self.run["results"][name]["krait_bench"]
            self.assertEqual(len(cell["times"]), len(mine))
            for e, t, c, it in zip(mine, cell["times"], cell["cpu_times"], cell["iterations"]):
                self.assertAlmostEqual(t, e["real_time"] * 1e-9, delta=1e-18)
                self.assertAlmostEqual(c, e["cpu_time"] * 1e-9, delta=1e-18)
                self.assertEqual(it, e["iterations"])
            self.assertEqual(cell["time_unit"], "ns")

    def test_aggregates_are_dropped(self):
        self.assertTrue(any(e.get("run_type") == "aggregate" for e in self.gb["benchmarks"]))
        for row in self.run["results"].values():
            for cell in row.values():
                self.assertEqual(len(cell["times"]), 5)

    def test_machine_from_context(self):
        m = self.run["machine"]
        self.assertEqual(m["uname"]["node"], self.gb["context"]["host_name"])
        self.assertEqual(m["nproc"], self.gb["context"]["num_cpus"])
        self.assertEqual(self.run["date"], "2026-11-25T17:32:13+00:00")

    def test_interpreter_name_option(self):
        run = gbench.to_run(self.gb, interp="hook-bench")
        self.assertEqual([i["name"] for i in run["interpreters"]], ["hook-bench"])

    def test_error_entry_becomes_failed_cell(self):
        gb = copy.deepcopy(self.gb)
        gb["benchmarks"].append({"name": "BM_Broken", "run_name": "BM_Broken",
                                 "run_type": "iteration", "error_occurred": True,
                                 "error_message": "python error"})
        run = gbench.to_run(gb)
        cell = run["results"]["BM_Broken"]["krait_bench"]
        self.assertTrue(cell["failed"])
        self.assertEqual(cell["error"], "python error")
        self.assertEqual(validate_run(run), [])

    def test_back_to_google_benchmark_keeps_every_repetition(self):
        back = gbench.from_run(self.run)
        before = iteration_entries(self.gb)
        after = iteration_entries(back)
        self.assertEqual(len(before), len(after))
        for a, b in zip(before, after):
            self.assertEqual(a["name"], b["name"])
            self.assertEqual(a["iterations"], b["iterations"])
            self.assertEqual(a["time_unit"], b["time_unit"])
            self.assertAlmostEqual(a["real_time"], b["real_time"], delta=a["real_time"] * 1e-12)
            self.assertAlmostEqual(a["cpu_time"], b["cpu_time"], delta=a["cpu_time"] * 1e-12)
        for key in ("host_name", "executable", "num_cpus", "caches", "library_build_type"):
            self.assertEqual(back["context"][key], self.gb["context"][key])

    def test_malformed_google_benchmark_is_rejected(self):
        gb = copy.deepcopy(self.gb)
        gb["benchmarks"][0]["real_time"] = "fast"
        gb["benchmarks"][1]["time_unit"] = "fortnights"
        path = self.write_json("bad-gb.json", gb)
        with self.assertRaises(Exception) as cm:
            store.load_run_file(path)
        text = str(cm.exception)
        self.assertIn(str(path), text)
        self.assertIn("benchmarks[0].real_time", text)
        self.assertIn("benchmarks[1].time_unit", text)


class ToGoogleBenchmark(TempDirTest):
    def setUp(self):
        super().setUp()
        self.run = load_json(REAL_EXPERIMENT / "exp-slow-1.json")

    def test_google_benchmark_shape(self):
        gb = gbench.from_run(self.run)
        self.assertTrue(gbench.looks_like_gbench(gb))
        self.assertEqual(gbench.problems(gb), [])
        it = iteration_entries(gb)
        n = sum(len(c["times"]) for row in self.run["results"].values() for c in row.values())
        self.assertEqual(len(it), n)
        for e in gb["benchmarks"]:
            for key in ("name", "run_name", "run_type", "iterations", "real_time",
                        "cpu_time", "time_unit", "repetitions", "threads"):
                self.assertIn(key, e)
        aggs = {e["aggregate_name"] for e in gb["benchmarks"] if e["run_type"] == "aggregate"}
        self.assertEqual(aggs, {"mean", "median", "stddev"})
        self.assertIn("fib/krait", {e["name"] for e in it})

    def test_round_trip_is_exact(self):
        back = gbench.to_run(json.loads(json.dumps(gbench.from_run(self.run))))
        self.assertEqual(back, self.run)

    def test_round_trip_keeps_stats_and_failures(self):
        run = load_json(REAL_EXPERIMENT / "exp-good-1.json")
        run["results"]["fib"]["krait"]["stats"] = {"hot_loops": 3, "hook_frames": 40}
        run["results"]["nbody"]["krait"] = {"times": [1.5], "rss_kib": [15000], "failed": True,
                                            "error": "exit status 1\nTraceback ..."}
        self.assertEqual(validate_run(run), [])
        back = gbench.to_run(gbench.from_run(run))
        self.assertEqual(back, run)


class Commands(TempDirTest):
    def test_append_google_benchmark_to_history(self):
        code, out, err = run_tool("bench_history.py", "append", "--history", self.tmp,
                                  "--commit", "abcdef1234", GBENCH_SAMPLE)
        self.assertEqual(code, 0, err)
        self.assertIn("converted from Google Benchmark JSON", out)
        runs, errors = store.load_history(self.tmp)
        self.assertEqual((len(runs), errors), (1, []))
        self.assertEqual(runs[0].commit, "abcdef1234")

    def test_to_and_from_gbench_commands(self):
        src = REAL_EXPERIMENT / "exp-good-2.json"
        gb_path, back_path = self.tmp / "run.gbench.json", self.tmp / "back.json"
        code, _, err = run_tool("bench_history.py", "to-gbench", src, "-o", gb_path)
        self.assertEqual(code, 0, err)
        code, _, err = run_tool("bench_history.py", "from-gbench", gb_path, "-o", back_path)
        self.assertEqual(code, 0, err)
        self.assertEqual(load_json(back_path), load_json(src))

    def test_from_gbench_rejects_a_run_file(self):
        code, _, err = run_tool("bench_history.py", "from-gbench",
                                REAL_EXPERIMENT / "exp-good-2.json")
        self.assertEqual(code, 1)
        self.assertIn("exp-good-2.json: not Google Benchmark JSON", err)


if __name__ == "__main__":
    import unittest
    unittest.main()
