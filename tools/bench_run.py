#!/usr/bin/python3.11
"""Run the Krait benchmark suite (bench/programs/*.py) on several Python
interpreters and report median wall time, ratio to a baseline interpreter and
peak memory, as a text table, optionally as Markdown, and as a JSON file in
bench/results/.

Usage examples (from the repository root):

    tools/bench_run.py                      # default interpreters, 5 rounds
    tools/bench_run.py --quick --markdown   # 1 round, also print Markdown
    tools/bench_run.py --programs 'n*' fib --rounds 3
    tools/bench_run.py --interp python3.11=/usr/bin/python3.11 \\
        --interp "krait=build/release/krait" \\
        --interp "krait-nojit=build/release/krait -X jit=off" \\
        --interp "krait-mi=env KRAIT_MIMALLOC=1 build/release/krait"

Each --interp is NAME=COMMAND; COMMAND is split like a shell would (shlex),
and leading KEY=VALUE words (optionally after `env`) become environment
variables of that interpreter's runs instead of being executed.

Method: within a round, every program is run once per interpreter, the
interpreters taking turns (A B C), and the starting interpreter rotates from
round to round (B C A, ...), so slow drifts of a noisy machine (thermal,
other tenants) hit all interpreters alike; the order of the others after the
baseline changes too (A C B, ...), so that no interpreter always runs right
after the same one (a run after python3.11's was measured ~15% slower). Wall time is perf_counter() around
spawn + wait; peak RSS is the child's ru_maxrss from wait4(). A run that exits
non-zero, times out, or prints something different from the baseline
interpreter's output is a failure: it is reported at once, that
program/interpreter pair is skipped for the remaining rounds, and the runner
exits with status 1 at the end.

Only the standard library is used, so the runner works on a bare
/usr/bin/python3.11.
"""

import argparse
import ast
import datetime
import fnmatch
import json
import math
import os
import platform
import re
import shlex
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PROGRAMS_DIR = REPO / "bench" / "programs"
RESULTS_DIR = REPO / "bench" / "results"

STARTUP = "startup"
STARTUP_RUNS = 20
DEFAULT_BASELINE = "python3.11"
KRAIT = "build/release/krait"

ENV_WORD = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*=")


class Interp:
    def __init__(self, name, command):
        self.name = name
        self.command = command
        words = shlex.split(command)
        # `env` is stripped rather than run so that the timed process is the
        # interpreter itself, with no extra exec in the measurement.
        if words and words[0] == "env":
            words = words[1:]
            if words and words[0].startswith("-"):
                raise SystemExit("--interp %s: env options are not supported; "
                                 "use plain KEY=VALUE words" % name)
        self.env = {}
        while words and ENV_WORD.match(words[0]):
            key, value = words.pop(0).split("=", 1)
            self.env[key] = value
        if not words:
            raise SystemExit("--interp %s: no command after the environment "
                             "assignments" % name)
        self.path = resolve_executable(name, words[0])
        self.argv = [self.path] + words[1:]
        self.version = None
        self.implementation = None
        self.executable = None

    def metadata(self):
        return {"name": self.name, "command": self.command, "argv": self.argv,
                "env": self.env, "path": self.path, "version": self.version,
                "implementation": self.implementation,
                "sys_executable": self.executable}


def resolve_executable(name, exe):
    """Absolute path of an interpreter's executable.

    A relative path containing a slash is tried against the current directory
    first and then the repository root, so the default `build/release/krait`
    works from anywhere; a bare name is looked up on PATH.
    """
    if "/" in exe:
        candidates = [Path(exe)] if os.path.isabs(exe) else [Path.cwd() / exe,
                                                             REPO / exe]
        for c in candidates:
            if c.is_file() and os.access(c, os.X_OK):
                return str(c.resolve())
        raise SystemExit("--interp %s: %s is not an executable file" % (name, exe))
    found = shutil.which(exe)
    if found is None:
        raise SystemExit("--interp %s: %s not found on PATH" % (name, exe))
    return os.path.abspath(found)


# ---------------------------------------------------------------------------
# Running one child process.

class _Child:
    # The pid the SIGALRM handler should kill on timeout. A signal handler
    # (rather than a watchdog thread) keeps the parent idle while timing.
    pid = None
    timed_out = False


def _on_alarm(signum, frame):
    if _Child.pid is not None:
        _Child.timed_out = True
        try:
            os.kill(_Child.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass


class RunResult:
    def __init__(self, ok, seconds, rss_kib, stdout, error):
        self.ok = ok
        self.seconds = seconds
        self.rss_kib = rss_kib
        self.stdout = stdout
        self.error = error


def round_order(interps, base, rnd):
    """The order of round `rnd` (0-based): the baseline interps[base] first in round 0.
    Who follows whom changes every round as well as who starts: a run right after
    python3.11's was measured ~15% slower (word_count, under either Krait mode), and a
    plain rotation kept the same interpreter right after it in every round."""
    others = [i for n, i in enumerate(interps) if n != base]
    turn = rnd % len(others) if others else 0
    cycle = [interps[base]] + others[turn:] + others[:turn]
    shift = rnd % len(cycle)
    return cycle[shift:] + cycle[:shift]


def run_once(interp, args, timeout, extra_env=None):
    """Spawn interp with args, wait for it, return a RunResult."""
    argv = interp.argv + args
    env = dict(os.environ)
    env.update(interp.env)
    env.update(extra_env or {})
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        actions = [(os.POSIX_SPAWN_OPEN, 0, os.devnull, os.O_RDONLY, 0),
                   (os.POSIX_SPAWN_DUP2, out.fileno(), 1),
                   (os.POSIX_SPAWN_DUP2, err.fileno(), 2)]
        _Child.timed_out = False
        signal.setitimer(signal.ITIMER_REAL, timeout)
        start = time.perf_counter()
        try:
            pid = os.posix_spawn(argv[0], argv, env, file_actions=actions)
            _Child.pid = pid
            _, status, usage = os.wait4(pid, 0)
            seconds = time.perf_counter() - start
        except OSError as e:
            return RunResult(False, None, None, "", "could not run %s: %s"
                             % (shlex.join(argv), e))
        finally:
            _Child.pid = None
            signal.setitimer(signal.ITIMER_REAL, 0)
        out.seek(0)
        err.seek(0)
        stdout = out.read().decode("utf-8", "replace")
        stderr = err.read().decode("utf-8", "replace")
    code = os.waitstatus_to_exitcode(status)
    if _Child.timed_out:
        error = "timed out after %gs" % timeout
    elif code != 0:
        error = ("killed by signal %d" % -code) if code < 0 else "exit status %d" % code
    else:
        error = None
    if error and stderr.strip():
        error += "\n" + "\n".join(stderr.rstrip().splitlines()[-15:])
    return RunResult(error is None, seconds, usage.ru_maxrss, stdout, error)


def run_with_stats(interp, args, timeout):
    """run_once with KRAIT_STATS_FILE set; returns (RunResult, non-zero
    counters or None). Interpreters other than Krait ignore the variable and
    write nothing. Zero counters are dropped: there are hundreds of them
    (one per opcode hand-off) and they would dominate the result file."""
    # A fresh name, but no file: Krait creates it, so "absent" means "wrote nothing".
    fd, path = tempfile.mkstemp(prefix="krait-stats-", suffix=".json")
    os.close(fd)
    os.unlink(path)
    try:
        r = run_once(interp, args, timeout, {"KRAIT_STATS_FILE": path})
        try:
            with open(path) as f:
                counters = json.load(f)
        except (OSError, ValueError):
            return r, None
        return r, {k: v for k, v in counters.items() if v}
    finally:
        if os.path.exists(path):
            os.unlink(path)


def query_interpreter(interp, timeout):
    probe = ("import sys; print(repr((sys.version, sys.executable, "
             "sys.implementation.name)))")
    r = run_once(interp, ["-c", probe], timeout)
    if not r.ok:
        raise SystemExit("interpreter %s (%s) does not work: %s"
                         % (interp.name, interp.command, r.error))
    try:
        info = ast.literal_eval(r.stdout.strip().splitlines()[-1])
        interp.version, interp.executable, interp.implementation = info
    except (ValueError, TypeError, SyntaxError, IndexError):
        raise SystemExit("interpreter %s printed unexpected output for the "
                         "version probe: %r" % (interp.name, r.stdout))


# ---------------------------------------------------------------------------
# Metadata.

def git_info():
    def git(*args):
        p = subprocess.run(["git", "-C", str(REPO)] + list(args),
                           capture_output=True, text=True)
        return p.stdout.strip() if p.returncode == 0 else None
    commit = git("rev-parse", "HEAD")
    status = git("status", "--porcelain")
    return {"commit": commit, "dirty": bool(status) if status is not None else None}


def cpu_model():
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or None


PINNED_CPU = None


def pin_cpu(choice):
    """Pin this process, and so every interpreter it spawns, to one CPU."""
    global PINNED_CPU
    if choice == "any":
        return
    cpus = sorted(os.sched_getaffinity(0))
    cpu = cpus[-1] if choice == "last" else int(choice)
    if cpu not in cpus:
        raise SystemExit("--cpu %d is not usable here (usable: %s)"
                         % (cpu, ", ".join(map(str, cpus))))
    os.sched_setaffinity(0, {cpu})
    PINNED_CPU = cpu


def machine_info():
    u = platform.uname()
    return {"uname": {"system": u.system, "node": u.node, "release": u.release,
                      "version": u.version, "machine": u.machine},
            "cpu_model": cpu_model(),
            "nproc": os.cpu_count(),
            "usable_cpus": len(os.sched_getaffinity(0)),
            "pinned_cpu": PINNED_CPU,
            "loadavg_start": list(os.getloadavg()),
            "runner_python": sys.version}


# ---------------------------------------------------------------------------
# Options.

def parse_args(argv):
    p = argparse.ArgumentParser(
        description="Run bench/programs on several interpreters and compare "
                    "them with a baseline.",
        epilog="Default interpreters: python3.11=/usr/bin/python3.11, then "
               "krait=%s and krait-nojit='%s -X jit=off' if that file exists, "
               "then pypy3 if on PATH." % (KRAIT, KRAIT))
    p.add_argument("--interp", action="append", default=[], metavar="NAME=COMMAND",
                   help="interpreter to benchmark (repeatable); leading "
                        "KEY=VALUE words in COMMAND set environment variables")
    p.add_argument("--baseline", default=DEFAULT_BASELINE, metavar="NAME",
                   help="interpreter the ratios are relative to (default %(default)s)")
    p.add_argument("--no-pypy", action="store_true",
                   help="leave pypy3 out of the default interpreters")
    p.add_argument("--programs", nargs="+", default=None, metavar="PATTERN",
                   help="program names or globs (comma-separated also works), "
                        "e.g. 'n*' fib; 'startup' selects the startup test; "
                        "default: all programs plus startup")
    p.add_argument("--rounds", type=int, default=5, help="rounds (default %(default)s)")
    p.add_argument("--quick", action="store_true", help="one round (same as --rounds 1)")
    p.add_argument("--no-startup", action="store_true",
                   help="skip the startup pseudo-benchmark")
    p.add_argument("--timeout", type=float, default=300.0,
                   help="seconds before a run is killed (default %(default)s)")
    p.add_argument("--stats", action="store_true",
                   help="record Krait's counters (KRAIT_STATS_FILE) of each "
                        "program's last run, non-zero ones only")
    p.add_argument("--markdown", action="store_true",
                   help="also print the table as Markdown")
    p.add_argument("--cpu", default="last", metavar="N",
                   help="pin every run to this CPU (inherited affinity): a number, 'last' "
                        "(default: the last usable CPU) or 'any' (no pinning). The vCPUs of "
                        "these machines can differ in speed for minutes at a time (fib: 0.53 s "
                        "on one, 0.77 s on the other), which unpinned runs turn into "
                        "bimodal noise")
    p.add_argument("--out", metavar="FILE",
                   help="JSON result file (default bench/results/DATE-COMMIT.json)")
    args = p.parse_args(argv)
    if args.cpu not in ("any", "last"):
        try:
            int(args.cpu)
        except ValueError:
            p.error("--cpu wants a CPU number, 'last' or 'any', got %r" % args.cpu)
    if args.quick:
        args.rounds = 1
    if args.rounds < 1:
        p.error("--rounds must be at least 1")
    return args


def build_interpreters(args):
    specs = list(args.interp)
    if not specs:
        specs.append("python3.11=/usr/bin/python3.11")
        if (REPO / KRAIT).is_file():
            specs.append("krait=" + KRAIT)
            specs.append("krait-nojit=%s -X jit=off" % KRAIT)
        if not args.no_pypy and shutil.which("pypy3"):
            specs.append("pypy3=pypy3")
    interps = []
    for spec in specs:
        name, sep, command = spec.partition("=")
        name = name.strip()
        if not sep or not name or not command.strip():
            raise SystemExit("--interp wants NAME=COMMAND, got %r" % spec)
        if any(i.name == name for i in interps):
            raise SystemExit("interpreter name %r given twice" % name)
        interps.append(Interp(name, command))
    if not any(i.name == args.baseline for i in interps):
        raise SystemExit("baseline %r is not among the interpreters (%s); use "
                         "--baseline" % (args.baseline,
                                         ", ".join(i.name for i in interps)))
    return interps


def select_programs(args):
    """Return (program names in run order, whether startup is included)."""
    available = sorted(p.stem for p in PROGRAMS_DIR.glob("*.py"))
    if args.programs is None:
        return available, not args.no_startup
    patterns = [x for item in args.programs for x in item.split(",") if x]
    chosen = set()
    startup = False
    for pat in patterns:
        pat = pat[:-3] if pat.endswith(".py") else pat
        hits = fnmatch.filter(available, pat)
        if fnmatch.fnmatch(STARTUP, pat):
            startup = True
        elif not hits:
            raise SystemExit("--programs %r matches nothing; available: %s"
                             % (pat, ", ".join(available)))
        chosen.update(hits)
    return sorted(chosen), startup and not args.no_startup


# ---------------------------------------------------------------------------
# Measuring.

class Cell:
    """All runs of one program on one interpreter."""

    def __init__(self):
        self.times = []
        self.rss = []
        self.error = None
        self.stats = None

    def to_json(self, baseline_median):
        d = {"times": self.times, "rss_kib": self.rss, "failed": self.error is not None,
             "error": self.error}
        if self.stats is not None:
            d["stats"] = self.stats
        if self.times:
            d["median"] = statistics.median(self.times)
            d["min"] = min(self.times)
            d["max"] = max(self.times)
            d["median_rss_kib"] = statistics.median(self.rss)
            if baseline_median and self.error is None:
                d["ratio"] = d["median"] / baseline_median
        return d

    def median(self):
        return statistics.median(self.times) if self.times and self.error is None else None


class Bench:
    def __init__(self, interps, baseline, timeout, stats=False):
        self.interps = interps
        self.baseline = baseline
        self.timeout = timeout
        self.stats = stats
        self.cells = {}          # (program, interp name) -> Cell
        self.expected = {}       # program -> stdout to compare against
        self.failures = []

    def cell(self, program, name):
        return self.cells.setdefault((program, name), Cell())

    def measure(self, program, interp, args):
        """One timed run, recorded in the pair's Cell; a pair that has failed
        once is not run again."""
        cell = self.cell(program, interp.name)
        if cell.error is not None:
            return
        if self.stats and program != STARTUP:
            r, stats = run_with_stats(interp, args, self.timeout)
            if stats is not None:
                cell.stats = stats
        else:
            r = run_once(interp, args, self.timeout)
        error = r.error
        if error is None and program != STARTUP:
            want = self.expected.get(program)
            if want is None:
                self.expected[program] = r.stdout
            elif r.stdout != want:
                error = ("output differs from the first successful run:\n"
                         "  expected: %r\n  got:      %r" % (want, r.stdout))
        if error is not None:
            cell.error = error
            self.failures.append({"program": program, "interp": interp.name,
                                  "error": error})
            bar = "!" * 72
            print("\n%s\nFAILED: %s on %s\n%s\n%s\n" % (bar, program, interp.name,
                                                        error, bar),
                  file=sys.stderr, flush=True)
            return
        cell.times.append(r.seconds)
        cell.rss.append(r.rss_kib)

    def run(self, programs, startup, rounds):
        k = len(self.interps)
        # Baseline first in round 1, so its output becomes the reference that
        # the other interpreters' output is compared with.
        base = [i.name for i in self.interps].index(self.baseline)
        for rnd in range(rounds):
            order = round_order(self.interps, base, rnd)
            tag = "round %d/%d" % (rnd + 1, rounds)
            if startup:
                for _ in range(STARTUP_RUNS):
                    for interp in order:
                        self.measure(STARTUP, interp, ["-c", "pass"])
                self.progress(tag, STARTUP, order, per_run=True)
            for program in programs:
                path = str(PROGRAMS_DIR / (program + ".py"))
                for interp in order:
                    self.measure(program, interp, [path])
                self.progress(tag, program, order)

    def progress(self, tag, program, order, per_run=False):
        parts = []
        for interp in order:
            cell = self.cell(program, interp.name)
            if cell.error is not None:
                parts.append("%s FAILED" % interp.name)
            elif per_run:
                parts.append("%s %s" % (interp.name,
                                        fmt_time(statistics.median(cell.times[-STARTUP_RUNS:]))))
            else:
                parts.append("%s %s" % (interp.name, fmt_time(cell.times[-1])))
        print("[%s] %-14s %s" % (tag, program, "  ".join(parts)), file=sys.stderr,
              flush=True)


# ---------------------------------------------------------------------------
# Reporting.

def fmt_time(seconds):
    if seconds is None:
        return "-"
    if seconds < 1.0:
        return "%.1f ms" % (seconds * 1000)
    return "%.3f s" % seconds


def fmt_rss(kib):
    return "-" if kib is None else "%.1f MiB" % (kib / 1024)


def fmt_ratio(r):
    return "-" if r is None else "%.2f" % r


def summarise(bench, programs):
    """Per program and interpreter: (median, ratio, median RSS, spread %)."""
    rows = {}
    for program in programs:
        base = bench.cell(program, bench.baseline).median()
        row = {}
        for interp in bench.interps:
            cell = bench.cell(program, interp.name)
            med = cell.median()
            ratio = med / base if med is not None and base else None
            rss = statistics.median(cell.rss) if med is not None else None
            # Half the min-max range, relative to the median: a quick feel for
            # how much of a ratio difference is noise.
            spread = (100 * (max(cell.times) - min(cell.times)) / (2 * med)
                      if med is not None and len(cell.times) > 1 else None)
            row[interp.name] = (med, ratio, rss, spread)
        rows[program] = row
    return rows


def geomeans(bench, rows):
    """Geometric mean of ratios over real programs (startup excluded, since it
    measures something else). Returns name -> (value, programs counted)."""
    out = {}
    for interp in bench.interps:
        logs = [math.log(r[interp.name][1]) for p, r in rows.items()
                if p != STARTUP and r[interp.name][1] is not None]
        out[interp.name] = (math.exp(sum(logs) / len(logs)) if logs else None,
                            len(logs))
    return out


def text_table(bench, rows, means):
    names = [i.name for i in bench.interps]
    progw = max([len(p) for p in rows] + [len("geomean (99)")])
    colw = 34
    head1 = " " * progw + "".join("  " + n.center(colw) for n in names)
    sub = "%10s %6s %6s %10s" % ("time", "±%", "ratio", "RSS")
    head2 = " " * progw + ("  " + sub.ljust(colw)) * len(names)
    lines = [head1.rstrip(), head2.rstrip(), "-" * len(head2.rstrip())]
    for program, row in rows.items():
        line = program.ljust(progw)
        for n in names:
            med, ratio, rss, spread = row[n]
            if med is None:
                cell = "%10s" % "FAILED"
            else:
                cell = "%10s %6s %6s %10s" % (
                    fmt_time(med), "-" if spread is None else "%.1f" % spread,
                    fmt_ratio(ratio), fmt_rss(rss))
            line += "  " + cell.ljust(colw)
        lines.append(line.rstrip())
    lines.append("-" * len(head2.rstrip()))
    counted = {c for _, c in means.values()}
    line = ("geomean (%d)" % max(counted)).ljust(progw)
    for n in names:
        value, count = means[n]
        mark = "*" if len(counted) > 1 and count != max(counted) else ""
        line += "  " + ("%10s %6s %6s" % ("", "", fmt_ratio(value) + mark)).ljust(colw)
    lines.append(line.rstrip())
    lines.append("ratio = median time / median time of %s (>1 is slower); ±%% = "
                 "half the min-max range; RSS = median peak RSS" % bench.baseline)
    if len(counted) > 1:
        lines.append("* geomean over fewer programs (some runs failed)")
    return "\n".join(lines)


def markdown_table(bench, rows, means):
    names = [i.name for i in bench.interps]
    lines = ["| program | " + " | ".join(names) + " |",
             "|---|" + "---:|" * len(names)]
    for program, row in rows.items():
        cells = []
        for n in names:
            med, ratio, rss, _ = row[n]
            if med is None:
                cells.append("FAILED")
            elif n == bench.baseline:
                cells.append("%s · %s" % (fmt_time(med), fmt_rss(rss)))
            else:
                cells.append("%s (%s×) · %s" % (fmt_time(med), fmt_ratio(ratio),
                                                fmt_rss(rss)))
        lines.append("| %s | %s |" % (program, " | ".join(cells)))
    lines.append("| **geomean** | %s |" % " | ".join(
        "**%s×**" % fmt_ratio(means[n][0]) for n in names))
    return "\n".join(lines)


def result_json(bench, args, programs, startup, machine, git, started, means):
    results = {}
    for program in ([STARTUP] if startup else []) + programs:
        base = bench.cell(program, bench.baseline).median()
        results[program] = {i.name: bench.cell(program, i.name).to_json(base)
                            for i in bench.interps}
    return {
        "schema": 1,
        "date": started.isoformat(timespec="seconds"),
        "argv": sys.argv,
        "machine": machine,
        "git": git,
        "settings": {"rounds": args.rounds, "baseline": bench.baseline,
                     "startup_runs_per_round": STARTUP_RUNS if startup else 0,
                     "timeout": args.timeout},
        "interpreters": [i.metadata() for i in bench.interps],
        "results": results,
        "geomean": {n: {"ratio": v, "programs": c} for n, (v, c) in means.items()},
        # Each program's one-line result, as printed by every interpreter.
        "outputs": {p: bench.expected.get(p) for p in programs},
        "failures": bench.failures,
    }


def main(argv=None):
    args = parse_args(argv)
    interps = build_interpreters(args)
    programs, startup = select_programs(args)
    if not programs and not startup:
        raise SystemExit("nothing to run")
    signal.signal(signal.SIGALRM, _on_alarm)
    pin_cpu(args.cpu)

    started = datetime.datetime.now(datetime.timezone.utc)
    machine = machine_info()
    git = git_info()
    for interp in interps:
        query_interpreter(interp, args.timeout)
        print("%-12s %s\n%12s %s" % (interp.name, " ".join(interp.argv), "",
                                     interp.version.replace("\n", " ")),
              file=sys.stderr)

    bench = Bench(interps, args.baseline, args.timeout, stats=args.stats)
    bench.run(programs, startup, args.rounds)
    machine["loadavg_end"] = list(os.getloadavg())

    rows = summarise(bench, ([STARTUP] if startup else []) + programs)
    means = geomeans(bench, rows)
    print()
    print(text_table(bench, rows, means))
    if args.markdown:
        print()
        print(markdown_table(bench, rows, means))

    data = result_json(bench, args, programs, startup, machine, git, started, means)
    if args.out:
        out = Path(args.out)
    else:
        sha = (git["commit"] or "nogit")[:10]
        out = RESULTS_DIR / ("%s-%s.json" % (started.strftime("%Y%m%d-%H%M%S"), sha))
    out.parent.mkdir(parents=True, exist_ok=True)
    with open(out, "w") as f:
        json.dump(data, f, indent=1)
        f.write("\n")
    print("\nload average %.2f at start, %.2f at end; results written to %s"
          % (machine["loadavg_start"][0], machine["loadavg_end"][0], out))

    if bench.failures:
        print("\n%d FAILED run(s):" % len(bench.failures), file=sys.stderr)
        for f in bench.failures:
            print("  %s on %s: %s" % (f["program"], f["interp"],
                                      f["error"].splitlines()[0]), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
