"""Statistics on known distributions: no false alarm on equal samples, a 10%
shift with low noise is found, noisy samples are reported as too noisy;
Mann-Whitney against brute force; bootstrap coverage; run-level noise."""

import itertools
import math
import random
import unittest

import helpers  # noqa: F401  (puts tools/ on sys.path)
from dashboard import stats as S


def normal(rng, mean, sd, n):
    return [rng.gauss(mean, sd) for _ in range(n)]


class Verdicts(unittest.TestCase):
    def test_equal_samples_are_not_flagged(self):
        rng = random.Random(1)
        for trial in range(20):
            old, new = normal(rng, 1.0, 0.01, 10), normal(rng, 1.0, 0.01, 10)
            c = S.compare(old, new)
            self.assertNotIn(c.verdict, (S.SLOWER, S.FASTER), "trial %d: %s" % (trial, vars(c)))

    def test_identical_lists_are_unchanged(self):
        xs = [1.0, 1.01, 0.99, 1.02, 0.98]
        c = S.compare(xs, list(xs))
        self.assertEqual(c.verdict, S.UNCHANGED)
        self.assertAlmostEqual(c.change, 0.0)
        self.assertLessEqual(c.low, 0.0)
        self.assertGreaterEqual(c.high, 0.0)

    def test_ten_percent_slower_with_low_noise_is_flagged(self):
        rng = random.Random(2)
        covered = 0
        for trial in range(10):
            old, new = normal(rng, 1.0, 0.01, 10), normal(rng, 1.1, 0.011, 10)
            c = S.compare(old, new)
            self.assertEqual(c.verdict, S.SLOWER, "trial %d: %s" % (trial, vars(c)))
            self.assertAlmostEqual(c.change, 0.10, delta=0.02)
            self.assertGreater(c.low, 0.0)
            self.assertLess(c.p_value, 0.01)
            covered += c.low <= 0.10 <= c.high
        self.assertGreaterEqual(covered, 8)   # a 95% interval, 10 tries

    def test_ten_percent_faster_is_faster(self):
        rng = random.Random(3)
        c = S.compare(normal(rng, 1.0, 0.01, 10), normal(rng, 0.9, 0.009, 10))
        self.assertEqual(c.verdict, S.FASTER)
        self.assertAlmostEqual(c.change, -0.10, delta=0.02)

    def test_noisy_samples_are_too_noisy(self):
        rng = random.Random(4)
        for shift in (1.0, 1.1):
            old = normal(rng, 1.0, 0.3, 8)
            new = [abs(x) for x in normal(rng, shift, 0.3 * shift, 8)]
            c = S.compare([abs(x) for x in old], new)
            self.assertEqual(c.verdict, S.NOISY, vars(c))
            self.assertIn("too noisy", c.reason)
            self.assertGreater(c.noise_old, 0.1)

    def test_too_few_samples_are_too_noisy(self):
        c = S.compare([1.0], [2.0])
        self.assertEqual(c.verdict, S.NOISY)
        self.assertIn("too few samples", c.reason)
        self.assertAlmostEqual(c.change, 1.0)

    def test_small_real_change_below_threshold_is_unchanged(self):
        rng = random.Random(5)
        c = S.compare(normal(rng, 1.0, 0.001, 20), normal(rng, 1.02, 0.001, 20))
        self.assertEqual(c.verdict, S.UNCHANGED)
        self.assertGreater(c.low, 0.0)       # real ...
        self.assertLess(c.change, 0.05)      # ... but under the 5% threshold

    def test_threshold_is_configurable(self):
        rng = random.Random(6)
        old, new = normal(rng, 1.0, 0.002, 10), normal(rng, 1.03, 0.002, 10)
        self.assertEqual(S.compare(old, new, threshold=0.05).verdict, S.UNCHANGED)
        self.assertEqual(S.compare(old, new, threshold=0.02).verdict, S.SLOWER)

    def test_deterministic(self):
        rng = random.Random(7)
        old, new = normal(rng, 1.0, 0.05, 6), normal(rng, 1.05, 0.05, 6)
        a, b = S.compare(old, new), S.compare(old, new)
        self.assertEqual((a.low, a.high, a.verdict), (b.low, b.high, b.verdict))


class RunLevelNoise(unittest.TestCase):
    """Runs of one build that differ as wholes (machine state) must not look
    like a change; a large change must still be found through them."""

    def runs(self, rng, level, run_sd, n_runs, rounds=3, sd=0.01):
        return [normal(rng, level * math.exp(rng.gauss(0, run_sd)), sd, rounds)
                for _ in range(n_runs)]

    def test_run_to_run_noise_is_not_a_regression(self):
        rng = random.Random(8)
        alarms = 0
        for _ in range(30):
            old = self.runs(rng, 1.0, 0.08, 5)
            new = self.runs(rng, 1.0, 0.08, 1)
            c = S.compare_groups(old, new)
            alarms += c.verdict in (S.SLOWER, S.FASTER)
        self.assertLessEqual(alarms, 2)  # nominal rate 5%: 1.5 of 30

    def test_pooling_runs_as_independent_samples_would_raise_false_alarms(self):
        # The reason for grouping: the same data, pooled flat, alarms often.
        rng = random.Random(8)
        alarms = 0
        for _ in range(30):
            old = self.runs(rng, 1.0, 0.08, 5)
            new = self.runs(rng, 1.0, 0.08, 1)
            flat = S.compare([x for g in old for x in g], new[0])
            alarms += flat.verdict in (S.SLOWER, S.FASTER)
        self.assertGreater(alarms, 5)

    def test_large_change_is_found_through_run_noise(self):
        rng = random.Random(9)
        old = self.runs(rng, 1.0, 0.03, 5)
        new = self.runs(rng, 1.4, 0.0, 1)
        c = S.compare_groups(old, new)
        self.assertEqual(c.verdict, S.SLOWER, vars(c))
        self.assertEqual(c.runs_old, 5)
        self.assertIsNotNone(c.run_noise)

    def test_bonferroni_widens_the_interval(self):
        rng = random.Random(10)
        old, new = self.runs(rng, 1.0, 0.02, 4), self.runs(rng, 1.0, 0.02, 1)
        one = S.compare_groups(old, new, comparisons=1)
        many = S.compare_groups(old, new, comparisons=50)
        self.assertGreater(many.confidence, one.confidence)
        self.assertGreaterEqual(many.high - many.low, one.high - one.low)

    def test_pooled_spread(self):
        a = [[1.0, 1.0], [1.1, 1.1]]
        b = [[2.0, 2.0], [2.2, 2.2], [2.0, 2.0]]
        sd, df = S.pooled_run_spread([a, b, [[5.0]]])
        self.assertEqual(df, 3)
        sa, _ = S.run_spread(a)
        sb, _ = S.run_spread(b)
        self.assertAlmostEqual(sd, math.sqrt((sa ** 2 + 2 * sb ** 2) / 3))
        self.assertIsNone(S.pooled_run_spread([[[1.0]]]))


class MannWhitney(unittest.TestCase):
    def brute_force_p(self, x, y):
        pooled = list(x) + list(y)
        ranks = S._midranks(pooled)
        m, n = len(x), len(y)
        centre = m * (m + n + 1) / 2.0
        observed = abs(sum(ranks[:m]) - centre)
        hits = total = 0
        for idx in itertools.combinations(range(m + n), m):
            total += 1
            hits += abs(sum(ranks[i] for i in idx) - centre) >= observed - 1e-9
        return hits / total

    def test_complete_separation(self):
        u, p = S.mann_whitney([1, 2, 3], [4, 5, 6])
        self.assertEqual(u, 0)
        self.assertAlmostEqual(p, 0.1)         # 2 of the 20 arrangements

    def test_identical_samples(self):
        self.assertAlmostEqual(S.mann_whitney([1, 2, 3, 4], [1, 2, 3, 4])[1], 1.0)

    def test_exact_matches_brute_force_with_ties(self):
        cases = [([1, 1, 2, 3], [2, 3, 3, 4, 5]), ([0.5, 0.7, 0.7], [0.6, 0.7, 0.9, 1.0]),
                 ([3, 1, 4, 1, 5], [9, 2, 6, 5, 3, 5])]
        for x, y in cases:
            self.assertAlmostEqual(S.mann_whitney(x, y)[1], self.brute_force_p(x, y), places=12)

    def test_normal_approximation_close_to_exact(self):
        rng = random.Random(11)
        x, y = normal(rng, 1.0, 0.1, 20), normal(rng, 1.08, 0.1, 20)
        exact = S.mann_whitney(x, y)[1]                      # 40 values: exact
        saved = S.EXACT_MW_LIMIT
        S.EXACT_MW_LIMIT = 0
        try:
            approx = S.mann_whitney(x, y)[1]
        finally:
            S.EXACT_MW_LIMIT = saved
        self.assertAlmostEqual(exact, approx, delta=0.01)

    def test_empty(self):
        self.assertEqual(S.mann_whitney([], [1.0]), (None, 1.0))


class Bootstrap(unittest.TestCase):
    def test_median_interval_covers_the_true_median(self):
        rng = random.Random(12)
        true_median = 1.0                      # lognormal(0, 0.2) has median e^0
        covered = 0
        for _ in range(100):
            xs = [math.exp(rng.gauss(0.0, 0.2)) for _ in range(25)]
            lo, hi = S.bootstrap_median_ci(xs, 0.95, 600, seed=rng.randrange(10 ** 6))
            covered += lo <= true_median <= hi
        self.assertGreaterEqual(covered, 88)

    def test_ratio_interval_contains_true_ratio(self):
        rng = random.Random(13)
        old = [math.exp(rng.gauss(0.0, 0.02)) for _ in range(30)]
        new = [1.2 * math.exp(rng.gauss(0.0, 0.02)) for _ in range(30)]
        lo, hi = S.bootstrap_ratio_ci(old, new)
        self.assertLess(lo, 1.2)
        self.assertGreater(hi, 1.2)
        self.assertLess(hi - lo, 0.05)

    def test_single_sample_interval_is_a_point(self):
        self.assertEqual(S.bootstrap_median_ci([2.0]), (2.0, 2.0))


class Helpers(unittest.TestCase):
    def test_noise(self):
        self.assertEqual(S.noise([1.0]), 0.0)
        self.assertAlmostEqual(S.noise([1.0, 1.0, 1.0]), 0.0)
        self.assertAlmostEqual(S.noise([0.9, 1.0, 1.1]), 1.4826 * 0.1)

    def test_geomean(self):
        self.assertAlmostEqual(S.geomean([2.0, 8.0]), 4.0)
        self.assertIsNone(S.geomean([]))
        self.assertAlmostEqual(S.geomean([None, 3.0]), 3.0)

    def test_resamples_grow_with_confidence(self):
        self.assertEqual(S.resamples_for(0.95), S.DEFAULT_RESAMPLES)
        self.assertGreater(S.resamples_for(0.999), S.DEFAULT_RESAMPLES)


if __name__ == "__main__":
    unittest.main()
