"""The dashboard: one self-contained HTML page (inline CSS, inline SVG, a few
lines of inline script, no external reference of any kind) built from the
loaded history.

Sections: latest regressions (the newest run against the runs before it),
a summary table of the newest run with geometric means, the geometric-mean
and per-benchmark time series of speedup over the baseline interpreter, the
Google Benchmark micro-benchmarks as times, and every run's details
(machine, options, Krait stats).

Speedup = 1 / median of the per-round ratios (runs.py), its band the
bootstrap interval of that median; a run with one round has no band.
"""

import datetime
from html import escape

from . import regress, svg
from . import stats as S
from .assets import CSS, ERROR_RECORDER, PAGE_SCRIPT
from .runs import STARTUP

PALETTE = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#17becf", "#8c564b",
           "#e377c2", "#bcbd22", "#7f7f7f"]
PEER = "pypy3"            # drawn dashed: a reference point, not a Krait build
PEER_COLOR = "#9467bd"
BAND_RESAMPLES = 1000     # bands are for the eye; 1000 resamples keep the page quick


class Options:
    def __init__(self, title="Krait performance history", compare_last=5,
                 threshold=S.DEFAULT_THRESHOLD, confidence=S.DEFAULT_CONFIDENCE,
                 history_label="", now=None):
        self.title = title
        self.compare_last = compare_last
        self.threshold = threshold
        self.confidence = confidence
        self.history_label = history_label
        self.now = now or datetime.datetime.now(datetime.timezone.utc)


def _colors(names):
    out, i = {}, 0
    for n in names:
        if n == PEER:
            out[n] = PEER_COLOR
        else:
            out[n] = PALETTE[i % len(PALETTE)]
            i += 1
    return out


def _x(v, digits=2):
    return "-" if v is None else ("%.*f×" % (digits, v))


def _time(seconds):
    if seconds is None:
        return "-"
    for unit, scale in (("s", 1.0), ("ms", 1e-3), ("µs", 1e-6), ("ns", 1e-9)):
        if seconds >= scale:
            return "%.3g %s" % (seconds / scale, unit)
    return "%.3g ns" % (seconds / 1e-9)


class _Speedups:
    """Speedup of (run, benchmark, interpreter) with its band, computed once."""

    def __init__(self, confidence):
        self.confidence = confidence
        self.cache = {}

    def get(self, run, bench, interp):
        key = (id(run), bench, interp)
        if key not in self.cache:
            rs = run.ratios(bench, interp)
            if not rs:
                self.cache[key] = None
            else:
                lo, hi = S.bootstrap_median_ci(rs, self.confidence, BAND_RESAMPLES)
                band = (1.0 / hi, 1.0 / lo) if len(rs) > 1 else (None, None)
                self.cache[key] = (1.0 / S.median(rs), band[0], band[1], len(rs))
        return self.cache[key]


def _ordered(items):
    out = []
    for i in items:
        if i not in out:
            out.append(i)
    return out


def _bench_order(names):
    # Programs alphabetically, start-up (a different kind of number) last.
    return sorted(n for n in names if n != STARTUP) + ([STARTUP] if STARTUP in names else [])


def build_page(runs, errors=(), options=None):
    o = options or Options()
    program_runs = [r for r in runs if r.baseline is not None and r.source == "bench_run"]
    micro_runs = [r for r in runs if r not in program_runs]
    sp = _Speedups(o.confidence)
    checks = [_latest_check(program_runs, o), _latest_check(micro_runs, o)]
    body = [_header(runs, errors, o), _regressions_section(checks, o)]
    if program_runs:
        interps = _ordered(i for r in program_runs for i in r.interpreters if i != r.baseline)
        colors = _colors(interps)
        body.append(_summary_section(program_runs[-1], checks[0], sp, colors))
        body.append(_plots_section(program_runs, interps, colors, sp, checks[0]))
    if micro_runs:
        body.append(_micro_section(micro_runs, checks[1]))
    body.append(_runs_section(runs))
    return _document(o.title, "\n".join(body))


# ---------------------------------------------------------------------------
# Latest regressions.

class _Check:
    def __init__(self, run, baseline, findings):
        self.run = run
        self.baseline = baseline
        self.findings = findings
        self.by_key = {(f.bench, f.interp): f for f in findings}


def _latest_check(runs, o):
    if not runs:
        return None
    latest = runs[-1]
    # Against earlier commits: repeated runs of the newest commit would
    # otherwise dilute a change that commit made.
    baseline = regress.select_baseline(runs, latest, last=o.compare_last, earlier_commits=True)
    findings = regress.compare_runs(baseline, latest, threshold=o.threshold,
                                    confidence=o.confidence) if baseline else []
    return _Check(latest, baseline, findings)


def _regressions_section(checks, o):
    out = ['<section id="regressions"><h2>Latest regressions</h2>']
    any_check = False
    for check in checks:
        if check is None:
            continue
        any_check = True
        r = check.run
        what = "micro-benchmarks" if r.source != "bench_run" else "programs"
        out.append('<p>%s: run <b>%s</b> (%s) against %s, threshold %.0f%%.</p>' % (
            what.capitalize(), escape(r.short_commit), r.date.strftime("%Y-%m-%d %H:%M"),
            "the %d run(s) of earlier commits before it (%s)" % (
                len(check.baseline), escape(", ".join(_ordered(b.short_commit
                                                               for b in check.baseline))))
            if check.baseline else "nothing (no run of an earlier commit on this machine)",
            100 * o.threshold))
        if not check.findings:
            continue
        bad = [f for f in check.findings if f.regressed]
        good = [f for f in check.findings if f.verdict == S.FASTER]
        noisy = [f for f in check.findings if f.verdict == S.NOISY]
        same = [f for f in check.findings if f.verdict == S.UNCHANGED]
        if bad:
            out.append('<div class="alert regressed"><b>%d regression(s):</b><ul>%s</ul></div>'
                       % (len(bad), "".join("<li>%s</li>" % _finding_text(f) for f in bad)))
        else:
            out.append('<div class="alert ok">No regression beyond the threshold.</div>')
        if good:
            out.append('<div class="alert faster"><b>Faster:</b><ul>%s</ul></div>'
                       % "".join("<li>%s</li>" % _finding_text(f) for f in good))
        out.append('<p class="note">%d unchanged, %d too noisy to decide%s.</p>' % (
            len(same), len(noisy), (": " + ", ".join(
                "%s on %s" % (escape(f.bench), escape(f.interp)) for f in noisy[:12])
                + (" …" if len(noisy) > 12 else "")) if noisy else ""))
    if not any_check:
        out.append("<p>No runs yet.</p>")
    out.append("</section>")
    return "\n".join(out)


def _finding_text(f):
    c = f.comparison
    if c is None:
        return "<b>%s</b> on %s: %s" % (escape(f.bench), escape(f.interp), escape(f.note))
    return ("<b>%s</b> on %s: %+.1f%% (interval %+.1f%% … %+.1f%%)"
            % (escape(f.bench), escape(f.interp), 100 * c.change, 100 * c.low, 100 * c.high))


# ---------------------------------------------------------------------------
# Summary of the newest run.

def _summary_section(run, check, sp, colors):
    interps = [i for i in run.interpreters if i != run.baseline]
    head = "".join('<th><span class="swatch" style="background:%s"></span>%s</th>'
                   % (colors.get(i, "#000"), escape(i)) for i in interps)
    rows = []
    geo = {i: [] for i in interps}
    for bench in _bench_order(run.benchmarks):
        base = run.times(bench, run.baseline)
        cells = ['<td class="num">%s</td>' % (_time(S.median(base)) if base else "failed")]
        for i in interps:
            v = sp.get(run, bench, i)
            f = check.by_key.get((bench, i)) if check else None
            cls, badge = _verdict_style(f)
            if v is None:
                text = "failed" if run.failed(bench, i) else "-"
                cells.append('<td class="num %s">%s%s</td>' % (cls, text, badge))
                continue
            if bench != STARTUP:
                geo[i].append(v[0])
            band = ('<span class="ci">%s–%s</span>' % (_x(v[1]), _x(v[2]))
                    if v[1] is not None else "")
            cells.append('<td class="num %s">%s %s%s</td>' % (cls, _x(v[0]), band, badge))
        rows.append("<tr><th>%s</th>%s</tr>" % (escape(bench), "".join(cells)))
    counts = {i: len(geo[i]) for i in interps}
    most = max(counts.values()) if counts else 0
    foot = '<tr><th>geometric mean</th><td></td>%s</tr>' % "".join(
        '<td class="num"><b>%s</b>%s</td>' % (
            _x(S.geomean(geo[i])), "" if counts[i] == most else " <small>(%d)</small>"
            % counts[i]) for i in interps)
    if PEER in interps:
        foot += _peer_row(run, interps, sp)
    return ("<section id=\"summary\"><h2>Newest run</h2>"
            "<p>Run %s at %s: speedup over <b>%s</b> (median time shown), higher is faster; "
            "small numbers are the %.0f%% interval. Geometric mean over the programs "
            "(start-up excluded). Cells that are slower or faster than in the runs before "
            "it (see above) are marked.</p>"
            '<table class="summary" id="summary-table"><thead><tr><th>benchmark</th>'
            "<th>%s</th>%s</tr></thead><tbody>%s</tbody>"
            '<tfoot>%s</tfoot></table></section>'
            % (escape(run.short_commit), run.date.strftime("%Y-%m-%d %H:%M"),
               escape(run.baseline), 100 * sp.confidence, escape(run.baseline), head,
               "".join(rows), foot))


def _peer_row(run, interps, sp):
    """Geometric mean of each interpreter's speedup over pypy3, from the same
    rounds (speedup over the baseline divided by pypy3's)."""
    cells = []
    for i in interps:
        if i == PEER:
            cells.append('<td class="num">1.00×</td>')
            continue
        ratios = []
        for bench in run.benchmarks:
            mine, peer = sp.get(run, bench, i), sp.get(run, bench, PEER)
            if bench != STARTUP and mine and peer:
                ratios.append(mine[0] / peer[0])
        cells.append('<td class="num">%s</td>' % _x(S.geomean(ratios)))
    return '<tr><th>geometric mean vs %s</th><td></td>%s</tr>' % (PEER, "".join(cells))


def _verdict_style(f):
    if f is None:
        return "", ""
    if f.regressed:
        return "regressed", ' <span class="badge bad">slower</span>'
    if f.verdict == S.FASTER:
        return "faster", ' <span class="badge good">faster</span>'
    return "", ""


# ---------------------------------------------------------------------------
# Time series.

def _x_axis(runs):
    labels = [r.short_commit for r in runs]
    tips = ["%s  %s%s  %s" % (r.date.strftime("%Y-%m-%d %H:%M"), r.commit or "no commit",
                              " (dirty tree)" if r.dirty else "", r.name) for r in runs]
    return labels, tips


def _plots_section(runs, interps, colors, sp, check):
    labels, tips = _x_axis(runs)
    baseline_names = _ordered(r.baseline for r in runs)
    ref = " / ".join(baseline_names)
    toggles = "".join(
        '<label><input type="checkbox" class="toggle" value="%s" checked> '
        '<span class="swatch%s" style="background:%s"></span>%s</label>'
        % (escape(i), " peer" if i == PEER else "", colors[i], escape(i)) for i in interps)
    cards = [_geomean_card(runs, interps, colors, sp, labels, tips, ref)]
    benches = _bench_order(_ordered(b for r in runs for b in r.benchmarks))
    for bench in benches:
        series = []
        for i in interps:
            pts = []
            for x, r in enumerate(runs):
                v = sp.get(r, bench, i)
                if v is None:
                    continue
                flagged = (check is not None and r is check.run
                           and check.by_key.get((bench, i)) is not None
                           and check.by_key[(bench, i)].regressed)
                tip = "%s at %s (%s): %s faster than %s%s, %d round(s)" % (
                    i, r.short_commit, r.date.strftime("%Y-%m-%d %H:%M"), _x(v[0]), r.baseline,
                    " [%s – %s]" % (_x(v[1]), _x(v[2])) if v[1] is not None else "", v[3])
                pts.append(svg.Point(x, v[0], v[1], v[2], tip, flagged))
            if pts:
                series.append(svg.Series(i, colors[i], pts, dashed=(i == PEER)))
        chart = svg.line_chart(series, labels, title=bench, log_y=True, reference=1.0,
                               reference_label=ref, y_label="speedup (×, log)", x_tips=tips)
        cards.append('<div class="card" data-benchmark="%s">%s</div>' % (escape(bench), chart))
    return ('<section id="plots"><h2>Speedup over %s, by commit</h2>'
            '<p>One point per run, oldest left; x labels are commits (* = uncommitted '
            'changes in the tree). Bands: %.0f%% bootstrap interval of the median per-round '
            'ratio. Red rings: regressions of the newest run. Log scale; above the dashed '
            'line is faster than %s.</p><div class="toggles">%s</div><div class="grid">%s'
            '</div></section>' % (escape(ref), 100 * sp.confidence, escape(ref), toggles,
                                  "".join(cards)))


def _geomean_card(runs, interps, colors, sp, labels, tips, ref):
    # Runs cover different program sets; a geometric mean is only comparable
    # over the programs that every run has.
    common = None
    for r in runs:
        have = {b for b in r.benchmarks if b != STARTUP}
        common = have if common is None else common & have
    common = sorted(common or [])
    series = []
    for i in interps:
        pts = []
        for x, r in enumerate(runs):
            vals = [sp.get(r, b, i) for b in common]
            if not common or any(v is None for v in vals):
                continue
            g = S.geomean([v[0] for v in vals])
            pts.append(svg.Point(x, g, tip="%s at %s: geometric mean %s over %d programs"
                                 % (i, r.short_commit, _x(g), len(common))))
        if pts:
            series.append(svg.Series(i, colors[i], pts, dashed=(i == PEER)))
    title = "geometric mean (%d programs every run has)" % len(common)
    chart = svg.line_chart(series, labels, title=title, log_y=True, reference=1.0,
                           reference_label=ref, y_label="speedup (×, log)", x_tips=tips)
    return ('<div class="card wide" data-benchmark="geomean">%s<p class="note">%s</p></div>'
            % (chart, escape(", ".join(common)) or "no program is in every run"))


def _micro_section(runs, check):
    labels, tips = _x_axis(runs)
    names = _ordered(i for r in runs for i in r.interpreters)
    colors = _colors(names)
    cards = []
    for bench in _ordered(b for r in runs for b in r.benchmarks):
        raw = []   # (interpreter, x, run, median, low, high) in seconds
        for i in names:
            for x, r in enumerate(runs):
                ts = r.times(bench, i)
                if ts:
                    lo, hi = (S.bootstrap_median_ci(ts, S.DEFAULT_CONFIDENCE, BAND_RESAMPLES)
                              if len(ts) > 1 else (None, None))
                    raw.append((i, x, r, S.median(ts), lo, hi, len(ts)))
        # One unit per chart, chosen so the tick labels stay short.
        top = max([v[3] for v in raw] or [1.0])
        unit, scale = next((u, k) for u, k in (("ns", 1e9), ("µs", 1e6), ("ms", 1e3),
                                                 ("s", 1.0)) if top * k < 1000 or u == "s")
        series = []
        for i in names:
            pts = []
            for name, x, r, m, lo, hi, n in raw:
                if name != i:
                    continue
                f = check.by_key.get((bench, i)) if check and r is check.run else None
                pts.append(svg.Point(x, m * scale, lo and lo * scale, hi and hi * scale,
                                     "%s at %s: %.4g %s per iteration, %d repetition(s)"
                                     % (i, r.short_commit, m * scale, unit, n),
                                     bool(f and f.regressed)))
            if pts:
                series.append(svg.Series(i, colors[i], pts))
        chart = svg.line_chart(series, labels, title=bench, log_y=False,
                               y_label="time per iteration (%s)" % unit, x_tips=tips)
        cards.append('<div class="card" data-benchmark="%s">%s</div>' % (escape(bench), chart))
    return ('<section id="micro"><h2>Micro-benchmarks (Google Benchmark)</h2><p>Time per '
            'iteration, lower is faster; bands: %.0f%% bootstrap interval of the median over '
            'repetitions.</p><div class="grid">%s</div></section>'
            % (100 * S.DEFAULT_CONFIDENCE, "".join(cards)))


# ---------------------------------------------------------------------------
# Run details.

def _runs_section(runs):
    rows = []
    # The newest run of each kind starts unfolded: it is what people check.
    newest = {id(r) for r in (
        [r for r in runs if r.source == "bench_run"][-1:] +
        [r for r in runs if r.source != "bench_run"][-1:])}
    for r in reversed(runs):
        m = r.machine
        load = m.get("loadavg_start") or []
        load_end = m.get("loadavg_end") or []
        failures = sum(1 for b in r.benchmarks for i in r.interpreters if r.failed(b, i))
        rows.append(
            '<tr><td>%s</td><td title="%s">%s</td><td>%s</td><td>%s</td><td>%s</td>'
            '<td class="num">%s</td><td class="num">%s</td><td>%s</td><td class="num">%d%s'
            '</td></tr><tr class="details"><td colspan="9">%s</td></tr>' % (
                r.date.strftime("%Y-%m-%d %H:%M"), escape(r.commit or ""),
                escape(r.short_commit), escape(r.source),
                escape(str((m.get("uname") or {}).get("node") or "?")),
                escape("%s, %s CPUs" % (m.get("cpu_model") or "?", m.get("nproc") or "?")),
                "%.2f" % load[0] if load else "-",
                ("%.2f" % load_end[0]) if load_end else "-",
                escape(", ".join(r.interpreters)), len(r.benchmarks),
                ' <span class="badge bad">%d failed</span>' % failures if failures else "",
                _run_details(r, id(r) in newest)))
    return ('<section id="runs"><h2>Runs</h2><table class="runs" id="runs-table"><thead><tr>'
            "<th>date (UTC)</th><th>commit</th><th>source</th><th>machine</th><th>CPU</th>"
            "<th>load start</th><th>load end</th><th>interpreters</th><th>benchmarks</th>"
            "</tr></thead><tbody>%s</tbody></table></section>" % "".join(rows))


def _run_details(r, open_=False):
    settings = r.data.get("settings") or {}
    parts = ["<details%s><summary>details: options, interpreters%s</summary>" % (
        " open" if open_ else "",
        ", Krait stats" if any(r.stats(i) for i in r.interpreters) else "")]
    parts.append("<p><b>file</b> %s · <b>command</b> <code>%s</code> · <b>settings</b> %s</p>"
                 % (escape(r.name), escape(" ".join(str(a) for a in r.data.get("argv") or [])),
                    escape(", ".join("%s=%s" % (k, "-" if v is None else v)
                                     for k, v in settings.items()))))
    rows = []
    for info in r.data["interpreters"]:
        env = " ".join("%s=%s" % kv for kv in (info.get("env") or {}).items())
        rows.append("<tr><th>%s</th><td><code>%s</code></td><td><code>%s</code></td><td>%s</td>"
                    "</tr>" % (escape(info["name"]), escape(str(info.get("command") or "")),
                               escape(env), escape(str(info.get("version") or ""))))
    parts.append('<table class="interps"><tr><th>interpreter</th><th>command</th>'
                 "<th>environment</th><th>version</th></tr>%s</table>" % "".join(rows))
    for interp in r.interpreters:
        stats = r.stats(interp)
        if stats:
            parts.append(_stats_table(interp, stats))
    problems = [(b, i, (r.cell(b, i).get("error") or "").splitlines()[:1])
                for b in r.benchmarks for i in r.interpreters if r.failed(b, i)]
    if problems:
        parts.append("<p><b>failures</b></p><ul>%s</ul>" % "".join(
            "<li>%s on %s: %s</li>" % (escape(b), escape(i), escape(e[0] if e else "?"))
            for b, i, e in problems))
    parts.append("</details>")
    return "".join(parts)


def _stats_table(interp, stats):
    benches = list(stats)
    counters = _ordered(k for b in benches for k in stats[b])
    head = "".join("<th>%s</th>" % escape(b) for b in benches)
    rows = "".join("<tr><th>%s</th>%s</tr>" % (escape(k), "".join(
        '<td class="num">%s</td>' % _count(stats[b].get(k, 0)) for b in benches))
        for k in counters)
    return ('<p><b>Krait stats, %s</b> (counters of each program\'s last run; absent = 0)</p>'
            '<table class="stats">'
            "<tr><th>counter</th>%s</tr>%s</table>" % (escape(interp), head, rows))


def _count(v):
    if isinstance(v, float) and not v.is_integer():
        return "%.4g" % v
    return "{:,}".format(int(v))


def _header(runs, errors, o):
    commits = _ordered(r.commit for r in runs if r.commit)
    span = ("%s – %s" % (runs[0].date.strftime("%Y-%m-%d %H:%M"),
                         runs[-1].date.strftime("%Y-%m-%d %H:%M")) if runs else "no runs")
    out = ['<header><h1>%s</h1><p>%d run(s) over %d commit(s), %s (UTC). History: %s. '
           'Generated %s by tools/bench_dashboard.py.</p>' % (
               escape(o.title), len(runs), len(commits), span, escape(o.history_label),
               o.now.strftime("%Y-%m-%d %H:%M UTC"))]
    if errors:
        out.append('<div class="alert regressed"><b>%d file(s) in the history could not be '
                   'used:</b><ul>%s</ul></div>' % (len(errors), "".join(
                       "<li><code>%s</code></li>" % escape(str(e).splitlines()[0])
                       for e in errors)))
    out.append("</header>")
    return "".join(out)


# ---------------------------------------------------------------------------
# The document.

def _document(title, body):
    return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            "<title>%s</title><script>%s</script><style>%s</style></head><body>\n"
            "%s\n<pre id=\"js-errors\" hidden></pre>"
            "<div id=\"page-status\" data-ready=\"0\" hidden></div>"
            "<script>%s</script></body></html>\n"
            % (escape(title), ERROR_RECORDER, CSS, body, PAGE_SCRIPT))
