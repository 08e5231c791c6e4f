"""The dashboard page as markup (no browser): built from the fixture
history, it has a plot per benchmark, the summary table with geometric
means, the newest regression highlighted, run details with Krait stats, and
no reference to anything outside the file. Also the SVG helpers."""

import html.parser
import unittest

from helpers import FIXTURE_HISTORY, TempDirTest, run_tool
from dashboard import page, store, svg


class Collector(html.parser.HTMLParser):
    """Every start tag with its attributes."""

    def __init__(self):
        super().__init__()
        self.tags = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def build():
    runs, errors = store.load_history(FIXTURE_HISTORY)
    return runs, page.build_page(runs, errors, page.Options(history_label="fixtures"))


class Page(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.runs, cls.html = build()
        cls.parsed = Collector()
        cls.parsed.feed(cls.html)

    def attrs(self, tag, **match):
        return [a for t, a in self.parsed.tags if t == tag and
                all(a.get(k) == v for k, v in match.items())]

    def test_one_plot_per_benchmark_plus_geomean_and_micro(self):
        plots = self.attrs("svg", **{"class": "plot"})
        # geomean + startup, fib, nbody, leibniz + 2 micro-benchmarks
        self.assertEqual(len(plots), 7)
        cards = {a["data-benchmark"] for a in self.attrs("div") if "data-benchmark" in a}
        self.assertEqual(cards, {"geomean", "startup", "fib", "nbody", "leibniz",
                                 "BM_CallLoop_Hook", "BM_Fib20_Hook"})

    def test_series_bands_and_reference(self):
        series = {a["data-series"] for a in self.attrs("g") if "data-series" in a}
        self.assertEqual(series, {"krait", "krait-nojit", "pypy3", "krait_bench"})
        self.assertTrue(self.attrs("polygon", **{"class": "band"}))
        self.assertTrue(self.attrs("line", **{"class": "reference"}))
        self.assertIn("line dashed", self.html)              # pypy3, the peer

    def test_summary_table(self):
        self.assertTrue(self.attrs("table", id="summary-table"))
        start = self.html.index('id="summary-table"')
        table = self.html[start:self.html.index("</table>", start)]
        for bench in ("fib", "nbody", "leibniz", "startup"):
            self.assertIn("<th>%s</th>" % bench, table)
        self.assertIn("geometric mean", table)
        self.assertIn("geometric mean vs pypy3", table)
        self.assertIn("×", table)

    def test_newest_regression_highlighted(self):
        self.assertIn('class="alert regressed"', self.html)
        self.assertIn("<b>fib</b> on krait: +2", self.html)
        self.assertIn('td class="num regressed"', self.html)
        self.assertIn('class="flag"', self.html)              # red ring on the plot
        self.assertIn("<b>nbody</b> on krait: -1", self.html)  # faster, listed too

    def test_run_details(self):
        self.assertTrue(self.attrs("table", id="runs-table"))
        self.assertEqual(self.html.count('<tr class="details">'), len(self.runs))
        self.assertIn("Krait stats, krait", self.html)
        self.assertIn("hot_loops", self.html)
        self.assertIn("Fixture CPU, 2 CPUs", self.html)
        self.assertIn("build/release/krait", self.html)        # the interpreter's command

    def test_self_contained(self):
        lowered = self.html.lower()
        for needle in ("http://", "https://", "<link", " src=", "@import", "url("):
            self.assertNotIn(needle, lowered)

    def test_error_recorder_first_status_last(self):
        self.assertLess(self.html.index("__dashboardErrors"), self.html.index("<style>"))
        self.assertTrue(self.attrs("div", id="page-status"))
        self.assertTrue(self.attrs("pre", id="js-errors"))

    def test_empty_history(self):
        text = page.build_page([], [])
        self.assertIn("No runs yet", text)
        self.assertIn('id="page-status"', text)


class Command(TempDirTest):
    def test_dashboard_command(self):
        out = self.tmp / "sub" / "dash.html"
        code, stdout, err = run_tool("bench_dashboard.py", FIXTURE_HISTORY, "-o", out)
        self.assertEqual(code, 0, err)
        self.assertIn("7 run(s)", stdout)
        self.assertIn('<svg class="plot"', out.read_text())

    def test_bad_file_in_history_is_shown_not_fatal(self):
        hist = self.tmp / "h"
        for p in sorted(FIXTURE_HISTORY.glob("*.json"))[:2]:
            store.append(hist, store.load_run_file(p)[0])
        (hist / "broken.json").write_text("{")
        out = self.tmp / "d.html"
        code, _, err = run_tool("bench_dashboard.py", hist, "-o", out)
        self.assertEqual(code, 0)
        self.assertIn("broken.json", err)
        self.assertIn("could not be used", out.read_text())


class Svg(unittest.TestCase):
    def test_log_ticks(self):
        t = svg.ticks(0.3, 30, log=True)
        for v in (0.5, 1, 2, 5, 10, 20):
            self.assertIn(v, t)
        self.assertTrue(all(0.3 <= v <= 30 for v in t))

    def test_linear_ticks(self):
        self.assertEqual(svg.ticks(0.0, 1.0, log=False), [0.0, 0.25, 0.5, 0.75, 1.0])
        t = svg.ticks(0.82, 1.07, log=True)            # narrow log range: round steps
        self.assertTrue(2 <= len(t) <= 6)

    def test_chart_markup(self):
        s = svg.Series("a<b", "#123456", [svg.Point(0, 1.0, 0.9, 1.1, "tip & more"),
                                          svg.Point(1, 1.2, 1.1, 1.3, "x", flag=True)])
        out = svg.line_chart([s], ["c1", "c2"], title="t", reference=1.0, reference_label="ref")
        self.assertTrue(out.startswith('<svg class="plot"'))
        self.assertIn('data-series="a&lt;b"', out)
        self.assertIn("<title>tip &amp; more</title>", out)
        self.assertIn('class="band"', out)
        self.assertIn('class="flag"', out)
        self.assertIn("polyline", out)

    def test_single_point_has_a_bar_not_a_band(self):
        s = svg.Series("a", "#000", [svg.Point(0, 1.0, 0.9, 1.1)])
        out = svg.line_chart([s], ["c1"])
        self.assertIn('class="bar"', out)
        self.assertNotIn("polygon", out)
        self.assertNotIn("polyline", out)


if __name__ == "__main__":
    unittest.main()
