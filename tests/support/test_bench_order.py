#!/usr/bin/python3.11
"""tools/bench_run.py round_order: the baseline starts round 1 (its output is the
reference), every interpreter starts some round, and the interpreter right after the
baseline changes from round to round (a run right after python3.11's was measured ~15%
slower, and a plain rotation put the same interpreter there in every round)."""
import pathlib
import sys
import unittest

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[2] / "tools"))
import bench_run  # noqa: E402


def successors(order):
    cyc = order + order[:1]
    return dict(zip(cyc, cyc[1:]))


class RoundOrder(unittest.TestCase):
    def test_each_round_is_a_permutation_and_baseline_starts(self):
        names = ["python3.11", "krait", "krait-notrace", "krait-nojit"]
        for base in range(len(names)):
            self.assertEqual(bench_run.round_order(names, base, 0)[0], names[base])
            for rnd in range(12):
                self.assertEqual(sorted(bench_run.round_order(names, base, rnd)), sorted(names))

    def test_who_follows_the_baseline_varies_evenly(self):
        names = ["python3.11", "krait", "krait-notrace", "krait-nojit"]
        counts = {}
        starts = set()
        for rnd in range(12):
            order = bench_run.round_order(names, 0, rnd)
            starts.add(order[0])
            after = successors(order)["python3.11"]
            counts[after] = counts.get(after, 0) + 1
        self.assertEqual(counts, {"krait": 4, "krait-notrace": 4, "krait-nojit": 4})
        self.assertEqual(starts, set(names))
        # Over 7 rounds (the suite's usual count) no interpreter follows it in most rounds.
        after7 = [successors(bench_run.round_order(names, 0, r))["python3.11"] for r in range(7)]
        self.assertLessEqual(max(after7.count(n) for n in names), 3)

    def test_one_and_two_interpreters(self):
        self.assertEqual(bench_run.round_order(["a"], 0, 5), ["a"])
        self.assertEqual(bench_run.round_order(["a", "b"], 1, 0), ["b", "a"])
        self.assertEqual(bench_run.round_order(["a", "b"], 1, 1), ["a", "b"])


if __name__ == "__main__":
    unittest.main()
