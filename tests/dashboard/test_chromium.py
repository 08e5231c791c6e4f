"""The dashboard in a real browser: headless Chromium loads the page built
from the fixture history; the rendered DOM must hold the plots and the
table, the page must log no console message and record no script error, and
a screenshot is saved for people to look at (KRAIT_DASHBOARD_TEST_DIR, or
the temporary directory; the test prints where).

Errors are caught twice over: the page records uncaught errors and
console.error calls into #js-errors / #page-status, which --dump-dom shows;
and Chromium's own log (--enable-logging=stderr) prints every console message
as a CONSOLE line. A control test injects an error to prove both catch it.

Without Chromium the tests are skipped, unless KRAIT_REQUIRE_CHROMIUM=1
(set by ctest) turns that into a failure: tools/install_deps.sh installs it.
"""

import html.parser
import os
import re
import shutil
import struct
import subprocess
import tempfile
import unittest

from helpers import FIXTURE_HISTORY, output_dir
from dashboard import page, store

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run",
         "--hide-scrollbars", "--enable-logging=stderr", "--v=0"]
CONSOLE = re.compile(r':CONSOLE[:(][^\]]*\]\s*"(.*)", source:')
SCREEN = (1400, 2400)


def chromium():
    return shutil.which("chromium") or shutil.which("chromium-browser")


def run_chromium(args, url):
    """(stdout, console messages) of one headless Chromium run, with a
    throwaway profile so runs never share state."""
    profile = tempfile.mkdtemp(prefix="krait-chromium-")
    try:
        p = subprocess.run([chromium()] + FLAGS + ["--user-data-dir=" + profile] + args + [url],
                           capture_output=True, text=True, timeout=180)
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    if p.returncode != 0:
        raise AssertionError("chromium exited with %d:\n%s" % (p.returncode, p.stderr[-3000:]))
    return p.stdout, CONSOLE.findall(p.stderr)


class Dom(html.parser.HTMLParser):
    """What the assertions need from the rendered DOM."""

    def __init__(self):
        super().__init__()
        self.tags = []
        self.stack = []
        self.text = {}

    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
            "source", "track", "wbr"}

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append((tag, attrs))
        if tag not in self.VOID:
            self.stack.append((tag, attrs.get("id")))

    def handle_endtag(self, tag):
        # Pop to the matching element: tolerant of omitted end tags.
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                return

    def handle_data(self, data):
        for _, ident in self.stack:
            if ident:
                self.text[ident] = self.text.get(ident, "") + data

    def find(self, tag, **match):
        return [a for t, a in self.tags if t == tag and
                all(a.get(k) == v for k, v in match.items())]


@unittest.skipUnless(chromium() or os.environ.get("KRAIT_REQUIRE_CHROMIUM"),
                     "chromium is not installed (tools/install_deps.sh installs it)")
class InChromium(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        if not chromium():
            raise AssertionError("KRAIT_REQUIRE_CHROMIUM is set but chromium is not installed")
        cls.out = output_dir("chromium")
        runs, errors = store.load_history(FIXTURE_HISTORY)
        cls.page_path = cls.out / "dashboard.html"
        cls.page_path.write_text(page.build_page(runs, errors,
                                                 page.Options(history_label="fixtures")))
        cls.url = cls.page_path.resolve().as_uri()
        dom_text, cls.console = run_chromium(
            ["--dump-dom", "--window-size=%d,1000" % SCREEN[0]], cls.url)
        cls.dom = Dom()
        cls.dom.feed(dom_text)

    def test_page_ran_without_errors(self):
        status = self.dom.find("div", id="page-status")
        self.assertEqual(len(status), 1)
        self.assertEqual(status[0].get("data-ready"), "1", "the page script did not finish")
        self.assertEqual(status[0].get("data-errors"), "0", self.dom.text.get("js-errors"))
        self.assertFalse(self.dom.text.get("js-errors", "").strip())

    def test_fits_the_window_width(self):
        status = self.dom.find("div", id="page-status")[0]
        self.assertLessEqual(int(status.get("data-width")), SCREEN[0])

    def test_no_console_messages(self):
        self.assertEqual(self.console, [])

    def test_plots_rendered(self):
        plots = self.dom.find("svg", **{"class": "plot"})
        self.assertEqual(len(plots), 7)
        status = self.dom.find("div", id="page-status")[0]
        self.assertEqual(status.get("data-plots"), "7")
        self.assertGreater(len(self.dom.find("circle", **{"class": "point"})), 40)
        self.assertTrue(self.dom.find("polygon", **{"class": "band"}))

    def test_summary_table_rendered(self):
        self.assertEqual(len(self.dom.find("table", id="summary-table")), 1)
        text = self.dom.text.get("summary-table", "")
        for needle in ("fib", "nbody", "leibniz", "startup", "geometric mean", "krait", "pypy3"):
            self.assertIn(needle, text)
        self.assertTrue(self.dom.find("td", **{"class": "num regressed"}))

    def test_screenshot(self):
        shot = self.out / "dashboard.png"
        if shot.exists():
            shot.unlink()
        run_chromium(["--screenshot=%s" % shot, "--window-size=%d,%d" % SCREEN], self.url)
        data = shot.read_bytes()
        self.assertEqual(data[:8], b"\x89PNG\r\n\x1a\n")
        self.assertEqual(struct.unpack(">II", data[16:24]), SCREEN)
        self.assertGreater(len(data), 20000)     # not a blank page
        print("\nscreenshot: %s" % shot)


@unittest.skipUnless(chromium(), "chromium is not installed")
class ErrorDetection(unittest.TestCase):
    """Control: a broken page must be caught by both mechanisms, or the
    'no errors' assertions above would prove nothing."""

    def test_injected_error_is_seen(self):
        html_text = page.build_page([], [])
        broken = html_text.replace("</style>", "</style><script>console.error('control-msg');"
                                   "notDefinedAnywhere();</script>", 1)
        out = output_dir("chromium") / "broken.html"
        out.write_text(broken)
        dom_text, console = run_chromium(["--dump-dom"], out.resolve().as_uri())
        dom = Dom()
        dom.feed(dom_text)
        status = dom.find("div", id="page-status")[0]
        self.assertEqual(status.get("data-errors"), "2")
        recorded = dom.text.get("js-errors", "")
        self.assertIn("control-msg", recorded)
        self.assertIn("notDefinedAnywhere", recorded)
        self.assertTrue(any("control-msg" in m for m in console), console)
        self.assertTrue(any("notDefinedAnywhere" in m for m in console), console)


if __name__ == "__main__":
    unittest.main()
