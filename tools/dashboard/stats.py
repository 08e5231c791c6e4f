"""Statistics for deciding whether a benchmark changed: medians, percentile
bootstrap intervals, the Mann-Whitney U test, and the verdict.

Why these: benchmark times are skewed (a run is delayed by other work far
more often than sped up), so medians and rank tests, which a few slow
outliers barely move, suit them better than means and t-tests. The bootstrap
needs no distributional assumption and gives the change's uncertainty in the
unit people reason in (percent). Resampling uses a fixed seed, so the same
samples always give the same verdict.

Two levels of noise. Samples within one run vary from round to round, and
whole runs vary too (machine state, other tenants, a neighbour's build):
on our 2-core machine two runs of the same build can differ by 10-20% on
one benchmark while each run's rounds agree within a few percent. Pooling the rounds of
several runs as if they were independent would call that a change, so
compare_groups() takes the samples grouped by run and its bootstrap resamples
runs as well as rounds; the new run, being one run, is also shifted by a
random run-to-run offset: Student's t with k-1 degrees of freedom scaled by
the spread (standard deviation of log medians) of the k baseline runs. The t
rather than a normal draw is what keeps a handful of baseline runs honest:
three runs that happen to agree say little about how far a fourth may land,
and the heavy tails say exactly that. The run medians include round-to-round
noise too, so this errs towards "too noisy" rather than a false alarm.
Run-to-run noise is mostly the machine's, not one benchmark's, so a caller
comparing many benchmarks of the same runs pools the spread over all of them
(pooled_run_spread): five runs then give dozens of degrees of freedom
instead of four. With a single baseline run the run-to-run part is unknown
and left out (the report says so).

Several benchmarks are compared at once, so some would cross a 95% interval
by chance alone; callers pass the number of comparisons and the confidence
of each interval is raised accordingly (Bonferroni), keeping the chance of
any false alarm in the whole report near 1 - confidence.

The verdict (compare_groups()):
  slower / faster  the interval for median(new)/median(old) excludes 1 and
                   the estimated change is at least the threshold
  unchanged        the interval lies within +-threshold, or the change is real
                   but smaller than the threshold
  noisy            the interval includes no change *and* changes beyond the
                   threshold: these samples cannot decide; or a side has fewer
                   than min_samples samples
The Mann-Whitney p-value is reported alongside as a second opinion; with
2-3 samples a side a percentile bootstrap of medians only excludes "no
change" when the two sides do not overlap at all, which is as strict as the
rank test can be at that size.
"""

import math
import random
import statistics
from collections import defaultdict

SLOWER, FASTER, UNCHANGED, NOISY = "slower", "faster", "unchanged", "noisy"

DEFAULT_THRESHOLD = 0.05
DEFAULT_CONFIDENCE = 0.95
DEFAULT_RESAMPLES = 2000
DEFAULT_MIN_SAMPLES = 2
SEED = 7

# 1.4826 * MAD estimates the standard deviation for normal data.
MAD_TO_SIGMA = 1.4826

# Largest pooled sample count for which Mann-Whitney's p-value is computed
# exactly (tie-aware, by counting rank-sum combinations); above it the
# normal approximation is accurate and the exact count gets slow.
EXACT_MW_LIMIT = 40


def median(xs):
    return statistics.median(xs)


def noise(xs):
    """Robust relative spread: 1.4826 * MAD / median (0 for < 2 samples)."""
    if len(xs) < 2:
        return 0.0
    m = median(xs)
    mad = median([abs(x - m) for x in xs])
    return MAD_TO_SIGMA * mad / m if m else math.inf


def _quantiles(sorted_values, confidence):
    # Percentile interval: the central `confidence` part of the bootstrap
    # distribution (index rounding outward keeps it conservative).
    n = len(sorted_values)
    tail = (1.0 - confidence) / 2.0
    lo = sorted_values[max(0, int(math.floor(tail * (n - 1))))]
    hi = sorted_values[min(n - 1, int(math.ceil((1.0 - tail) * (n - 1))))]
    return lo, hi


def bootstrap_median_ci(xs, confidence=DEFAULT_CONFIDENCE, resamples=DEFAULT_RESAMPLES,
                        seed=SEED):
    """Percentile bootstrap interval of the median of xs."""
    if len(xs) < 2:
        m = median(xs)
        return m, m
    rng = random.Random(seed)
    n = len(xs)
    meds = sorted(median(rng.choices(xs, k=n)) for _ in range(resamples))
    return _quantiles(meds, confidence)


def bootstrap_ratio_ci(old, new, confidence=DEFAULT_CONFIDENCE, resamples=DEFAULT_RESAMPLES,
                       seed=SEED):
    """Percentile bootstrap interval of median(new) / median(old), the two
    sides resampled independently (one run each: no run-to-run part)."""
    return bootstrap_groups_ci([list(old)], [list(new)], confidence, resamples, seed)


def run_spread(groups):
    """(standard deviation of the runs' log medians, degrees of freedom), or
    None for fewer than two runs."""
    logs = [math.log(median(g)) for g in groups if g]
    if len(logs) < 2:
        return None
    return statistics.stdev(logs), len(logs) - 1


def pooled_run_spread(group_lists):
    """run_spread pooled over several benchmarks' run groups: the root of the
    degrees-of-freedom-weighted mean variance, and the summed degrees of
    freedom. None when no benchmark has two runs."""
    total, dof = 0.0, 0
    for groups in group_lists:
        one = run_spread(groups)
        if one is not None:
            total += one[0] ** 2 * one[1]
            dof += one[1]
    return (math.sqrt(total / dof), dof) if dof else None


def _student_t(rng, df):
    # A normal over the root of a scaled chi-square: Student's t.
    chi2 = rng.gammavariate(df / 2.0, 2.0)
    return rng.gauss(0.0, 1.0) / math.sqrt(max(chi2, 1e-300) / df)


def _resample_pooled(rng, groups):
    # Runs with replacement (when there are several), then rounds within each.
    if len(groups) > 1:
        groups = [groups[rng.randrange(len(groups))] for _ in groups]
    pooled = []
    for g in groups:
        pooled.extend(rng.choices(g, k=len(g)))
    return median(pooled)


def bootstrap_groups_ci(old_groups, new_groups, confidence=DEFAULT_CONFIDENCE,
                        resamples=DEFAULT_RESAMPLES, seed=SEED, spread=None):
    """Percentile interval of median(new)/median(old) over a two-level
    bootstrap (see the module doc): runs and rounds resampled, and the new
    side shifted by a run-to-run offset from the old runs' spread (or the
    given (sd, df) spread, e.g. a pooled one)."""
    old_groups = [g for g in old_groups if g]
    new_groups = [g for g in new_groups if g]
    if spread is None:
        spread = run_spread(old_groups)
    rng = random.Random(seed)
    ratios = []
    for _ in range(resamples):
        a = _resample_pooled(rng, old_groups)
        b = _resample_pooled(rng, new_groups)
        if spread and spread[0] > 0:
            b *= math.exp(spread[0] * _student_t(rng, spread[1]))
        ratios.append(b / a)
    ratios.sort()
    return _quantiles(ratios, confidence)


def resamples_for(confidence, base=DEFAULT_RESAMPLES):
    """Enough resamples to put ~25 values in each tail of a strict interval."""
    tail = (1.0 - confidence) / 2.0
    return int(min(40000, max(base, math.ceil(25.0 / tail))))


def _midranks(values):
    """Ranks 1..N of values, tied values sharing the mean of their ranks."""
    order = sorted(range(len(values)), key=lambda i: values[i])
    ranks = [0.0] * len(values)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and values[order[j + 1]] == values[order[i]]:
            j += 1
        for k in range(i, j + 1):
            ranks[order[k]] = (i + j) / 2.0 + 1.0
        i = j + 1
    return ranks


def mann_whitney(x, y):
    """(U of x, two-sided p-value) of the Mann-Whitney U test.

    Exact for small samples (the permutation distribution of the rank sum,
    ties included), normal approximation with tie and continuity correction
    otherwise."""
    m, n = len(x), len(y)
    if m == 0 or n == 0:
        return None, 1.0
    ranks = _midranks(list(x) + list(y))
    r_x = sum(ranks[:m])
    u = r_x - m * (m + 1) / 2.0
    big_n = m + n
    if big_n <= EXACT_MW_LIMIT:
        return u, _exact_p(ranks, m, r_x)
    mean_u = m * n / 2.0
    ties = defaultdict(int)
    for r in ranks:
        ties[r] += 1
    tie_term = sum(t ** 3 - t for t in ties.values())
    var = m * n / 12.0 * ((big_n + 1) - tie_term / (big_n * (big_n - 1)))
    if var <= 0:
        return u, 1.0
    z = (abs(u - mean_u) - 0.5) / math.sqrt(var)
    p = math.erfc(max(z, 0.0) / math.sqrt(2.0))
    return u, min(1.0, p)


def _exact_p(ranks, m, r_x):
    # Doubled ranks are integers even with ties (midranks end in .5).
    doubled = [int(round(2 * r)) for r in ranks]
    counts = [defaultdict(int) for _ in range(m + 1)]
    counts[0][0] = 1
    for i, r in enumerate(doubled):
        for k in range(min(m, i + 1), 0, -1):
            for s, c in list(counts[k - 1].items()):
                counts[k][s + r] += c
    total = math.comb(len(ranks), m)
    center = m * (len(ranks) + 1)        # doubled expected rank sum
    dev = abs(int(round(2 * r_x)) - center)
    extreme = sum(c for s, c in counts[m].items() if abs(s - center) >= dev)
    return min(1.0, extreme / total)


class Comparison:
    """The outcome of compare(); change, low and high are fractions
    (0.10 = new is 10% higher = slower)."""

    def __init__(self, **kw):
        self.verdict = kw["verdict"]
        self.reason = kw["reason"]
        self.n_old = kw["n_old"]
        self.n_new = kw["n_new"]
        self.median_old = kw.get("median_old")
        self.median_new = kw.get("median_new")
        self.change = kw.get("change")
        self.low = kw.get("low")
        self.high = kw.get("high")
        self.p_value = kw.get("p_value")
        self.noise_old = kw.get("noise_old")
        self.noise_new = kw.get("noise_new")
        self.run_noise = kw.get("run_noise")
        self.runs_old = kw.get("runs_old", 1)
        self.confidence = kw.get("confidence")

    def to_json(self):
        return dict(vars(self))


def compare(old, new, threshold=DEFAULT_THRESHOLD, confidence=DEFAULT_CONFIDENCE,
            min_samples=DEFAULT_MIN_SAMPLES, resamples=DEFAULT_RESAMPLES, seed=SEED):
    """Compare two sample sets (one run each) of a lower-is-better quantity."""
    return compare_groups([list(old)], [list(new)], threshold, confidence, min_samples,
                          resamples, seed)


def compare_groups(old_groups, new_groups, threshold=DEFAULT_THRESHOLD,
                   confidence=DEFAULT_CONFIDENCE, min_samples=DEFAULT_MIN_SAMPLES,
                   resamples=None, seed=SEED, comparisons=1, spread=None):
    """Compare samples grouped by run (lists of lists) of a lower-is-better
    quantity. `comparisons` is how many benchmarks the caller compares in the
    same report: each interval's confidence is raised to keep `confidence`
    for the report as a whole; `spread` overrides the run-to-run spread
    (pooled_run_spread), which then applies even to a benchmark that only
    one baseline run has."""
    old_groups = [list(g) for g in old_groups if g]
    new_groups = [list(g) for g in new_groups if g]
    old = [x for g in old_groups for x in g]
    new = [x for g in new_groups for x in g]
    per_test = 1.0 - (1.0 - confidence) / max(1, comparisons)
    if resamples is None:
        resamples = resamples_for(per_test)
    if spread is None:
        spread = run_spread(old_groups)
    run_noise = (math.exp(spread[0]) - 1.0) if spread else None
    base = {"n_old": len(old), "n_new": len(new), "runs_old": len(old_groups),
            "confidence": per_test, "run_noise": run_noise}
    if len(old) < min_samples or len(new) < min_samples:
        return Comparison(verdict=NOISY, reason="too few samples (%d old, %d new; need %d each)"
                          % (len(old), len(new), min_samples),
                          median_old=median(old) if old else None,
                          median_new=median(new) if new else None,
                          change=(median(new) / median(old) - 1) if old and new else None,
                          **base)
    m_old, m_new = median(old), median(new)
    change = m_new / m_old - 1.0
    lo, hi = bootstrap_groups_ci(old_groups, new_groups, per_test, resamples, seed, spread)
    lo, hi = lo - 1.0, hi - 1.0
    _, p = mann_whitney(new, old)
    significant = lo > 0 or hi < 0
    if significant and change >= threshold:
        verdict, reason = SLOWER, "slower by at least the threshold"
    elif significant and change <= -threshold:
        verdict, reason = FASTER, "faster by at least the threshold"
    elif -threshold <= lo and hi <= threshold:
        verdict, reason = UNCHANGED, "interval within the threshold"
    elif significant:
        verdict, reason = UNCHANGED, "a real change, smaller than the threshold"
    else:
        verdict, reason = NOISY, "too noisy to decide: the interval includes no change " \
                                 "and changes beyond the threshold"
    return Comparison(verdict=verdict, reason=reason, median_old=m_old, median_new=m_new,
                      change=change, low=lo, high=hi, p_value=p, noise_old=noise(old),
                      noise_new=noise(new), **base)


def geomean(values):
    values = [v for v in values if v is not None and v > 0]
    if not values:
        return None
    return math.exp(sum(math.log(v) for v in values) / len(values))
