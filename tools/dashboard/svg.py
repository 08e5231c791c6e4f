"""Our own SVG line charts: one line per series over evenly spaced x
positions (runs), a shaded band for each point's uncertainty interval, a
dashed reference line, log or linear y axis with readable ticks, and a
<title> tooltip on every point. No library: the page must open without
network access, and a chart of this kind is a few hundred lines at most.
"""

import math
from html import escape


class Point:
    def __init__(self, x, y, lo=None, hi=None, tip="", flag=False):
        self.x = x          # index into the chart's x labels
        self.y = y
        self.lo = lo
        self.hi = hi
        self.tip = tip
        self.flag = flag    # drawn with a red ring (a regression)


class Series:
    def __init__(self, name, color, points, dashed=False):
        self.name = name
        self.color = color
        self.points = sorted(points, key=lambda p: p.x)
        self.dashed = dashed


def _fmt(v):
    return ("%.1f" % v).rstrip("0").rstrip(".")


def _nice_step(span, target):
    raw = span / max(1, target)
    mag = 10 ** math.floor(math.log10(raw))
    for m in (1, 2, 2.5, 5, 10):
        if m * mag >= raw:
            return m * mag
    return 10 * mag


def ticks(lo, hi, log):
    """Tick values between lo and hi: 1-2-5 per decade on a log axis that
    spans more than a factor 4, otherwise evenly stepped round numbers."""
    if log and hi / lo > 4:
        out = []
        for e in range(int(math.floor(math.log10(lo))), int(math.ceil(math.log10(hi))) + 1):
            for m in (1, 2, 5):
                v = m * 10 ** e
                if lo <= v <= hi:
                    out.append(v)
        return out
    step = _nice_step(hi - lo, 4)
    first = math.ceil(lo / step) * step
    out = []
    v = first
    while v <= hi + step * 1e-9:
        out.append(round(v, 10))
        v += step
    return out


def tick_label(v):
    if v == 0:
        return "0"
    if abs(v) >= 100:
        return "%.0f" % v
    if abs(v) >= 10:
        return ("%.1f" % v).rstrip("0").rstrip(".")
    return ("%.3g" % v)


class _Axis:
    def __init__(self, lo, hi, top, bottom, log):
        self.log = log
        f = math.log if log else (lambda v: v)
        self.a, self.b = f(lo), f(hi)
        self.top, self.bottom = top, bottom
        self.f = f

    def __call__(self, v):
        t = (self.f(v) - self.a) / (self.b - self.a) if self.b != self.a else 0.5
        return self.bottom - t * (self.bottom - self.top)


def _y_range(series, reference, log):
    vals = []
    for s in series:
        for p in s.points:
            vals += [v for v in (p.y, p.lo, p.hi) if v is not None and (v > 0 or not log)]
    if reference is not None:
        vals.append(reference)
    if not vals:
        return (0.5, 2.0) if log else (0.0, 1.0)
    lo, hi = min(vals), max(vals)
    if log:
        if hi / lo < 1.2:       # keep a flat history from filling the chart with noise
            mid = math.sqrt(hi * lo)
            lo, hi = mid / 1.1, mid * 1.1
        pad = (hi / lo) ** 0.06
        return lo / pad, hi * pad
    if hi == lo:
        lo, hi = lo * 0.9, hi * 1.1 if hi else 1.0
    pad = (hi - lo) * 0.08
    # Times are positive: do not let the padding invent negative ones.
    low = max(0.0, lo - pad) if lo >= 0 else lo - pad
    return low, hi + pad


def line_chart(series, x_labels, title="", log_y=True, reference=None,
               reference_label="", y_label="", x_tips=None, width=420, height=230):
    """SVG markup of a chart. x_labels: one short label per x position
    (thinned out when crowded); x_tips: optional longer text per position."""
    left, right, top, bottom = 52, 12, 22, height - 46
    n = max(1, len(x_labels))
    plot_w = width - left - right

    def xpos(i):
        return left + plot_w / 2 if n == 1 else left + plot_w * i / (n - 1)

    lo, hi = _y_range(series, reference, log_y)
    y = _Axis(lo, hi, top, bottom, log_y)
    out = ['<svg class="plot" viewBox="0 0 %d %d" width="%d" height="%d" role="img" '
           'aria-label="%s">' % (width, height, width, height, escape(title))]
    if title:
        out.append('<text class="title" x="%d" y="14">%s</text>' % (left, escape(title)))
    # Grid and y ticks.
    for v in ticks(lo, hi, log_y):
        py = y(v)
        out.append('<line class="grid" x1="%d" x2="%d" y1="%s" y2="%s"/>'
                   % (left, width - right, _fmt(py), _fmt(py)))
        out.append('<text class="tick" x="%d" y="%s" text-anchor="end">%s</text>'
                   % (left - 4, _fmt(py + 3), tick_label(v)))
    if y_label:
        out.append('<text class="axis" transform="translate(11,%s) rotate(-90)" '
                   'text-anchor="middle">%s</text>' % (_fmt((top + bottom) / 2), escape(y_label)))
    out.append('<line class="axisline" x1="%d" x2="%d" y1="%d" y2="%d"/>'
               % (left, width - right, bottom, bottom))
    # X labels, at most ~10 so they stay legible.
    stride = max(1, int(math.ceil(n / 10.0)))
    for i, label in enumerate(x_labels):
        if i % stride and i != n - 1:
            continue
        px = xpos(i)
        tip = "<title>%s</title>" % escape(x_tips[i]) if x_tips else ""
        out.append('<text class="tick" transform="translate(%s,%d) rotate(-35)" '
                   'text-anchor="end">%s%s</text>' % (_fmt(px + 3), bottom + 12, escape(label), tip))
    if reference is not None and lo <= reference <= hi:
        py = y(reference)
        out.append('<line class="reference" x1="%d" x2="%d" y1="%s" y2="%s"/>'
                   % (left, width - right, _fmt(py), _fmt(py)))
        if reference_label:
            out.append('<text class="reflabel" x="%d" y="%s" text-anchor="end">%s</text>'
                       % (width - right - 2, _fmt(py - 3), escape(reference_label)))
    for s in series:
        out.append(_series(s, xpos, y))
    out.append("</svg>")
    return "".join(out)


def _series(s, xpos, y):
    parts = ['<g class="series" data-series="%s">' % escape(s.name)]
    color = escape(s.color)
    # Bands over consecutive points that have intervals; a lone one is a bar.
    run = []
    for p in s.points + [None]:
        if p is not None and p.lo is not None and p.hi is not None:
            run.append(p)
            continue
        if len(run) >= 2:
            upper = " ".join("%s,%s" % (_fmt(xpos(q.x)), _fmt(y(q.hi))) for q in run)
            lower = " ".join("%s,%s" % (_fmt(xpos(q.x)), _fmt(y(q.lo))) for q in reversed(run))
            parts.append('<polygon class="band" fill="%s" points="%s %s"/>' % (color, upper, lower))
        elif len(run) == 1:
            q = run[0]
            parts.append('<line class="bar" stroke="%s" x1="%s" x2="%s" y1="%s" y2="%s"/>' % (
                color, _fmt(xpos(q.x)), _fmt(xpos(q.x)), _fmt(y(q.lo)), _fmt(y(q.hi))))
        run = []
    if len(s.points) > 1:
        pts = " ".join("%s,%s" % (_fmt(xpos(p.x)), _fmt(y(p.y))) for p in s.points)
        parts.append('<polyline class="line%s" stroke="%s" points="%s"/>'
                     % (" dashed" if s.dashed else "", color, pts))
    for p in s.points:
        px, py = _fmt(xpos(p.x)), _fmt(y(p.y))
        if p.flag:
            parts.append('<circle class="flag" cx="%s" cy="%s" r="7"/>' % (px, py))
        parts.append('<circle class="point" fill="%s" cx="%s" cy="%s" r="3"><title>%s</title>'
                     '</circle>' % (color, px, py, escape(p.tip)))
    parts.append("</g>")
    return "".join(parts)
