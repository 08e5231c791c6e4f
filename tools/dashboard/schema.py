"""What a valid run file is: the JSON written by tools/bench_run.py (schema 1),
plus the optional fields the history adds (docs/benchmark-history.md).

validate_run() returns every problem it finds as a human-readable string
with a JSON path, so a rejected file can be fixed in one go; it never
modifies the data.
"""

import datetime
import math
import re

SCHEMA_VERSION = 1
SOURCES = ("bench_run", "google-benchmark")
TIME_UNITS = {"ns": 1e-9, "us": 1e-6, "ms": 1e-3, "s": 1.0}
COMMIT = re.compile(r"^[0-9a-f]{7,40}$")

# Enough to fix a file without drowning the message in a thousand repeats.
MAX_PROBLEMS = 12


class RunFileError(Exception):
    """A file that is not a usable run; str() names the file and the problem."""

    def __init__(self, path, problems):
        self.path = str(path)
        self.problems = list(problems) if isinstance(problems, (list, tuple)) else [problems]
        super().__init__(self.path)

    def __str__(self):
        shown = self.problems[:MAX_PROBLEMS]
        more = len(self.problems) - len(shown)
        text = "%s: %s" % (self.path, shown[0])
        for p in shown[1:]:
            text += "\n  %s: %s" % (self.path, p)
        if more > 0:
            text += "\n  %s: ... and %d more problem(s)" % (self.path, more)
        return text


def is_number(x):
    # bool is an int subclass; true/false in a times list is a bug, not a number.
    return isinstance(x, (int, float)) and not isinstance(x, bool) and math.isfinite(x)


def parse_date(text):
    """datetime of an ISO-8601 date; naive dates are taken as UTC."""
    d = datetime.datetime.fromisoformat(text)
    if d.tzinfo is None:
        d = d.replace(tzinfo=datetime.timezone.utc)
    return d


class _Checker:
    def __init__(self):
        self.problems = []

    def bad(self, where, what):
        self.problems.append("%s: %s" % (where, what))

    def kind(self, where, value, types, name):
        types = types if isinstance(types, tuple) else (types,)
        # bool is an int subclass: `true` where an integer belongs is an error.
        ok = isinstance(value, types) and not (isinstance(value, bool) and bool not in types)
        if not ok:
            self.bad(where, "expected %s, got %s" % (name, _describe(value)))
        return ok

    def numbers(self, where, value, positive=False):
        if not self.kind(where, value, list, "a list of numbers"):
            return
        for i, x in enumerate(value):
            if not is_number(x) or (positive and x <= 0):
                self.bad("%s[%d]" % (where, i), "expected a %snumber, got %s"
                         % ("positive " if positive else "", _describe(x)))
                return


def _describe(value):
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, str):
        return "the string %r" % (value if len(value) <= 40 else value[:37] + "...")
    if isinstance(value, (int, float)):
        return "the number %r" % value
    if isinstance(value, list):
        return "a list"
    return "an object"


def validate_run(data):
    """Problems of a run file's parsed JSON, [] when it is valid."""
    c = _Checker()
    if not isinstance(data, dict):
        return ["expected a JSON object at the top level, got %s" % _describe(data)]
    if "schema" not in data:
        return ["no \"schema\" field: not a run file written by tools/bench_run.py"]
    if data["schema"] != SCHEMA_VERSION:
        return ["schema %s is not supported (this tool reads schema %d)"
                % (_describe(data["schema"]), SCHEMA_VERSION)]
    for key in ("date", "git", "machine", "settings", "interpreters", "results"):
        if key not in data:
            c.bad(key, "missing")
    if c.problems:
        return c.problems

    if c.kind("date", data["date"], str, "an ISO-8601 date string"):
        try:
            parse_date(data["date"])
        except ValueError:
            c.bad("date", "not an ISO-8601 date: %r" % data["date"])

    source = data.get("source", "bench_run")
    if source not in SOURCES:
        c.bad("source", "expected one of %s, got %s" % (", ".join(SOURCES), _describe(source)))

    git = data["git"]
    if c.kind("git", git, dict, "an object"):
        commit = git.get("commit")
        if commit is not None and (not isinstance(commit, str) or not COMMIT.match(commit)):
            c.bad("git.commit", "expected null or 7-40 lowercase hex digits, got %s"
                  % _describe(commit))
        if git.get("dirty") is not None and not isinstance(git.get("dirty"), bool):
            c.bad("git.dirty", "expected true, false or null, got %s" % _describe(git["dirty"]))

    machine = data["machine"]
    if c.kind("machine", machine, dict, "an object"):
        if "nproc" in machine and machine["nproc"] is not None:
            c.kind("machine.nproc", machine["nproc"], int, "an integer")
        for key in ("loadavg_start", "loadavg_end"):
            if machine.get(key) is not None:
                c.numbers("machine." + key, machine[key])

    names = []
    interps = data["interpreters"]
    if c.kind("interpreters", interps, list, "a list"):
        if not interps:
            c.bad("interpreters", "empty")
        for i, it in enumerate(interps):
            where = "interpreters[%d]" % i
            if not c.kind(where, it, dict, "an object"):
                continue
            name = it.get("name")
            if not isinstance(name, str) or not name:
                c.bad(where + ".name", "expected a non-empty string, got %s" % _describe(name))
            elif name in names:
                c.bad(where + ".name", "interpreter %r listed twice" % name)
            else:
                names.append(name)
            if "env" in it and it["env"] is not None:
                c.kind(where + ".env", it["env"], dict, "an object")

    settings = data["settings"]
    if c.kind("settings", settings, dict, "an object"):
        rounds = settings.get("rounds")
        if rounds is not None and (not isinstance(rounds, int) or isinstance(rounds, bool)
                                   or rounds < 1):
            c.bad("settings.rounds", "expected a positive integer, got %s" % _describe(rounds))
        baseline = settings.get("baseline")
        if baseline is not None and names and baseline not in names:
            c.bad("settings.baseline", "%r is not among the interpreters (%s)"
                  % (baseline, ", ".join(names)))

    results = data["results"]
    if c.kind("results", results, dict, "an object"):
        for bench, row in results.items():
            where = "results.%s" % bench
            if not c.kind(where, row, dict, "an object"):
                continue
            for interp, cell in row.items():
                _check_cell(c, "%s.%s" % (where, interp), interp, cell, names)
    return c.problems


def _check_cell(c, where, interp, cell, names):
    if names and interp not in names:
        c.bad(where, "interpreter %r is not listed in \"interpreters\"" % interp)
    if not c.kind(where, cell, dict, "an object"):
        return
    if "times" not in cell:
        c.bad(where + ".times", "missing")
        return
    c.numbers(where + ".times", cell["times"], positive=True)
    failed = cell.get("failed", False)
    if not isinstance(failed, bool):
        c.bad(where + ".failed", "expected true or false, got %s" % _describe(failed))
    elif not failed and isinstance(cell["times"], list) and not cell["times"]:
        c.bad(where + ".times", "empty although the cell did not fail")
    for key in ("rss_kib", "cpu_times", "iterations"):
        if cell.get(key) is not None:
            c.numbers(where + "." + key, cell[key])
            if (isinstance(cell[key], list) and isinstance(cell["times"], list)
                    and len(cell[key]) != len(cell["times"])):
                c.bad(where + "." + key, "has %d entries but times has %d"
                      % (len(cell[key]), len(cell["times"])))
    unit = cell.get("time_unit")
    if unit is not None and unit not in TIME_UNITS:
        c.bad(where + ".time_unit", "expected one of %s, got %s"
              % (", ".join(TIME_UNITS), _describe(unit)))
    stats = cell.get("stats")
    if stats is not None and c.kind(where + ".stats", stats, dict, "an object"):
        for k, v in stats.items():
            if not is_number(v):
                c.bad("%s.stats.%s" % (where, k), "expected a number, got %s" % _describe(v))
                break
