"""Regression detection over runs: choosing the baseline runs, comparing a
run with them benchmark by benchmark, and the text report.

The baseline is either every run of one commit or the last N runs before
the run under test, by default only from the same machine (node, CPU model,
CPU count): numbers from another machine say nothing about a change. The
samples stay grouped by run, so the statistics see run-to-run noise as well
as round-to-round noise (stats.compare_groups), and every benchmark of the
report counts towards the multiple-comparison correction.
"""

import fnmatch

from . import stats as S

FAILED = "failed"          # had results in the baseline, fails now: a regression
REGRESSION_VERDICTS = (S.SLOWER, FAILED)


class Finding:
    def __init__(self, bench, interp, verdict, comparison=None, note=""):
        self.bench = bench
        self.interp = interp
        self.verdict = verdict
        self.comparison = comparison
        self.note = note

    @property
    def regressed(self):
        return self.verdict in REGRESSION_VERDICTS

    def to_json(self):
        d = {"benchmark": self.bench, "interpreter": self.interp, "verdict": self.verdict,
             "note": self.note}
        if self.comparison is not None:
            d.update(self.comparison.to_json())
        return d


def choose_metric(run, metric="auto"):
    if metric != "auto":
        return metric
    return "ratio" if run.baseline is not None else "time"


def same_run(a, b):
    return a is b or (a.path is not None and b.path is not None
                      and a.path.resolve() == b.path.resolve()) or a.data == b.data


def select_baseline(runs, new, commit=None, last=None, same_machine=True,
                    earlier_commits=False):
    """Baseline runs for `new` from `runs` (sorted by date): every run of the
    commit whose hash starts with `commit`, else the `last` runs before it
    (with earlier_commits, only runs of other commits than `new`'s)."""
    pool = [r for r in runs if not same_run(r, new) and r.source == new.source]
    if earlier_commits:
        pool = [r for r in pool if r.commit != new.commit]
    if same_machine:
        pool = [r for r in pool if r.machine_key() == new.machine_key()]
    if commit:
        return [r for r in pool if r.commit and r.commit.startswith(commit.lower())]
    older = [r for r in pool if r.date <= new.date]
    return older[-last:] if last else older


def compare_runs(baseline, new, metric="auto", threshold=S.DEFAULT_THRESHOLD,
                 confidence=S.DEFAULT_CONFIDENCE, min_samples=S.DEFAULT_MIN_SAMPLES,
                 interps=None, programs=None):
    """Findings for every benchmark/interpreter of `new` that the baseline has."""
    metric = choose_metric(new, metric)
    findings = []
    # Compared only once all are known: the count sets the correction.
    pending = []   # (index in findings, bench, interp, old groups, new samples)
    for interp in new.interpreters:
        if interps and interp not in interps:
            continue
        if metric == "ratio" and interp == new.baseline:
            continue  # always 1 against itself
        for bench in new.benchmarks:
            if programs and not any(fnmatch.fnmatch(bench, p) for p in programs):
                continue
            old = [r.samples(bench, interp, metric) for r in baseline]
            old = [g for g in old if g]
            if not old:
                continue
            if new.failed(bench, interp):
                error = (new.cell(bench, interp).get("error") or "").splitlines()
                findings.append(Finding(bench, interp, FAILED,
                                        note="fails now: " + (error[0] if error else "?")))
                continue
            fresh = new.samples(bench, interp, metric)
            if not fresh:
                continue  # e.g. the baseline interpreter failed in this run
            pending.append((len(findings), bench, interp, old, fresh))
            findings.append(None)
    spread = S.pooled_run_spread([old for _, _, _, old, _ in pending])
    for index, bench, interp, old, fresh in pending:
        c = S.compare_groups(old, [fresh], threshold=threshold, confidence=confidence,
                             min_samples=min_samples, comparisons=len(pending),
                             spread=spread)
        note = c.reason
        if c.run_noise is None and c.low is not None:
            note += "; one baseline run, so run-to-run noise is not included"
        findings[index] = Finding(bench, interp, c.verdict, c, note)
    return findings


# ---------------------------------------------------------------------------
# Text report.

def describe_run(run):
    m = run.machine
    load = m.get("loadavg_start") or []
    load_end = m.get("loadavg_end") or []
    text = "%s  commit %s%s  on %s" % (
        run.date.strftime("%Y-%m-%d %H:%M"), run.commit[:10] if run.commit else "?",
        " (dirty)" if run.dirty else "", (m.get("uname") or {}).get("node") or "?")
    if load:
        text += "  load %.2f" % load[0]
        if load_end:
            text += "->%.2f" % load_end[0]
    return text + "  [%s]" % run.name


def _pct(x):
    return "-" if x is None else "%+.1f%%" % (100 * x)


def _p(p):
    if p is None:
        return "-"
    return "<0.001" if p < 0.001 else "%.3f" % p


def _num(x):
    if x is None:
        return "-"
    return "%.4g" % x


def report(findings, baseline, new, metric, threshold, confidence):
    lines = ["new:      " + describe_run(new)]
    lines.append("baseline: %d run(s)" % len(baseline))
    for r in baseline:
        lines.append("          " + describe_run(r))
    what = ("per-round ratio to %s" % new.baseline if metric == "ratio"
            else "time per sample, seconds")
    per_test = next((f.comparison.confidence for f in findings
                     if f.comparison is not None and f.comparison.confidence), confidence)
    lines.append("metric: %s; threshold %.1f%%" % (what, 100 * threshold))
    lines.append("interval: bootstrap of the ratio of medians over runs and rounds, %.2f%% "
                 "per benchmark (%.0f%% for all %d together); p: Mann-Whitney, two-sided"
                 % (100 * per_test, 100 * confidence, len(findings)))
    if not findings:
        lines.append("\nnothing to compare: no benchmark of the new run has baseline samples")
        return "\n".join(lines)
    width = max(len(f.bench) for f in findings) + 2
    head = "%-*s %9s %9s %8s  %-19s %6s  %-19s %s" % (
        width, "benchmark", "old", "new", "change", "interval", "p", "noise old/new/runs",
        "verdict")
    interps = []
    for f in findings:
        if f.interp not in interps:
            interps.append(f.interp)
    for interp in interps:
        lines.append("")
        lines.append(interp)
        lines.append("  " + head)
        for f in findings:
            if f.interp != interp:
                continue
            c = f.comparison
            if c is None:
                lines.append("  %-*s %9s %9s %8s  %-19s %6s  %-19s %s  %s" % (
                    width, f.bench, "", "", "", "", "", "", "FAILED", f.note))
                continue
            interval = ("[%s, %s]" % (_pct(c.low), _pct(c.high))) if c.low is not None else "-"
            noise = ("%.1f/%.1f/%s%%" % (100 * c.noise_old, 100 * c.noise_new,
                                         "-" if c.run_noise is None else
                                         "%.1f" % (100 * c.run_noise))
                     if c.noise_old is not None else "-")
            verdict = {S.SLOWER: "SLOWER (regression)", S.NOISY: "too noisy"}.get(
                c.verdict, c.verdict)
            if c.verdict == S.NOISY and c.low is None:
                verdict += " (" + f.note + ")"
            lines.append("  %-*s %9s %9s %8s  %-19s %6s  %-19s %s" % (
                width, f.bench, _num(c.median_old), _num(c.median_new), _pct(c.change),
                interval, _p(c.p_value), noise, verdict))
    counts = {}
    for f in findings:
        counts[f.verdict] = counts.get(f.verdict, 0) + 1
    order = [(S.SLOWER, "slower"), (FAILED, "failed"), (S.FASTER, "faster"),
             (S.UNCHANGED, "unchanged"), (S.NOISY, "too noisy")]
    lines.append("")
    lines.append("summary: " + ", ".join("%d %s" % (counts[k], label)
                                         for k, label in order if counts.get(k)))
    regressions = [f for f in findings if f.regressed]
    if regressions:
        lines.append("%d regression(s) beyond %.1f%%:" % (len(regressions), 100 * threshold))
        for f in regressions:
            if f.comparison is not None:
                c = f.comparison
                lines.append("  %s on %s: %s [%s, %s]" % (f.bench, f.interp, _pct(c.change),
                                                         _pct(c.low), _pct(c.high)))
            else:
                lines.append("  %s on %s: %s" % (f.bench, f.interp, f.note))
    else:
        lines.append("no regressions beyond %.1f%%" % (100 * threshold))
    return "\n".join(lines)
