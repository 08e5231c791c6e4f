"""A loaded run and the samples that comparisons and plots are made of.

Two metrics:
  ratio  per-round ratios to the run's baseline interpreter: sample i of an
         interpreter divided by sample i of the baseline. bench_run runs the
         interpreters interleaved (A B A B ...), so sample i of each was taken
         moments apart on the same machine state; dividing cancels most of a
         drifting machine's noise. Failed-then-skipped cells are shorter, and
         only the leading pairs that both exist are used.
  time   the raw samples in seconds (Google Benchmark runs, which have no
         baseline, and the baseline interpreter itself).
"""

from .schema import parse_date

STARTUP = "startup"


class Run:
    def __init__(self, data, path=None):
        self.data = data
        self.path = path
        self.name = path.name if path is not None else "<run>"
        self.date = parse_date(data["date"])
        git = data.get("git") or {}
        self.commit = git.get("commit")
        self.dirty = git.get("dirty")
        self.source = data.get("source", "bench_run")
        self.baseline = (data.get("settings") or {}).get("baseline")
        self.interpreters = [i["name"] for i in data["interpreters"]]
        self.benchmarks = list(data["results"])

    @property
    def short_commit(self):
        return (self.commit or "nogit")[:7] + ("*" if self.dirty else "")

    @property
    def machine(self):
        return self.data.get("machine") or {}

    def machine_key(self):
        """What must match for two runs' numbers to be comparable."""
        m = self.machine
        return ((m.get("uname") or {}).get("node"), m.get("cpu_model"), m.get("nproc"))

    def cell(self, bench, interp):
        return (self.data["results"].get(bench) or {}).get(interp)

    def failed(self, bench, interp):
        c = self.cell(bench, interp)
        return c is not None and bool(c.get("failed"))

    def times(self, bench, interp):
        """Samples in seconds, [] when missing or failed."""
        c = self.cell(bench, interp)
        if c is None or c.get("failed"):
            return []
        return list(c["times"])

    def ratios(self, bench, interp):
        """Per-round ratios to the baseline (see the module doc), [] when
        there is no baseline or either cell has no samples."""
        if self.baseline is None or interp == self.baseline:
            return []
        mine = self.times(bench, interp)
        base = self.times(bench, self.baseline)
        return [a / b for a, b in zip(mine, base)]

    def samples(self, bench, interp, metric):
        return self.ratios(bench, interp) if metric == "ratio" else self.times(bench, interp)

    def stats(self, interp):
        """{benchmark: counters} of the cells that recorded Krait stats."""
        out = {}
        for bench in self.benchmarks:
            c = self.cell(bench, interp)
            if c and c.get("stats"):
                out[bench] = c["stats"]
        return out
