#!/usr/bin/python3.11
"""Run a subset of CPython's own regression tests under stock CPython and
under krait, and compare which tests pass.

Stdlib only; run it with the stock interpreter:

    /usr/bin/python3.11 tests/support/run_cpython.py \\
        --python /usr/bin/python3.11 --krait build/release/krait

For each interpreter this runs

    <interp> -m test -j<jobs> -W --timeout <S> -u <res> --junit-xml <file> \\
        --ignorefile <generated> <modules...>

in an empty working directory with a scrubbed environment (no PYTHON*/KRAIT_*
variables inherited; krait additionally gets KRAIT_HOT_LOOP=1 and every
--krait-env K=V).  regrtest's own worker processes, and every subprocess a
test spawns through sys.executable, therefore run the interpreter under test
too.

Per-module results come from regrtest's progress lines
("[ 3/120] test_int passed"); per-test-case results come from the JUnit XML.
Modules that do not pass on the first run are run once more in a fresh
regrtest invocation (our own re-run instead of regrtest's -w, which re-runs
inside the regrtest main process: a crashing interpreter would take the whole
run, and the XML, down with it).  Modules that only passed on the re-run are
reported as flaky.

Modules and test ids listed in tests/cpython/env_failures.txt (known failures
of *stock* CPython in this environment: no network, running as root, ...)
are excluded for both interpreters identically.  `--derive` regenerates that
file from stock runs.

The run ends with the line "N passed, N failed[, N skipped]": N passed =
modules passing under both with the same passing test cases, N failed =
modules whose result differs between the interpreters, N skipped = modules
with the same non-passing result under both.  Exit status is 0 only when the
passing sets (modules and test cases) are identical and stock passes at least
one module.
"""

from __future__ import annotations

import argparse
import collections
import datetime
import json
import os
import re
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import xml.etree.ElementTree as ET
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
DEFAULT_SUBSET = REPO / "tests" / "cpython" / "subset.txt"
DEFAULT_ENV_FAILURES = REPO / "tests" / "cpython" / "env_failures.txt"
DEFAULT_KRAIT = REPO / "build" / "release" / "krait"

# regrtest progress line, e.g.
#   "0:00:05 load avg: 1.23 [ 3/120/1] test_int failed (2 errors) -- running: ..."
PROGRESS_RE = re.compile(
    r"^\d+:\d\d:\d\d (?:load avg: \d+\.\d+ )?\[\s*\d+/\d+(?:/\d+)?\] "
    r"(test_[\w.]+) (.*)$")
# unittest verbose failure headers (printed thanks to -W), e.g.
#   "FAIL: test_foo (test.test_x.Cls.test_foo) (i=1)"
FAILHDR_RE = re.compile(
    r"^(FAIL|ERROR|UNEXPECTED SUCCESS): (\S+) \(([^()\s]+)\)")
SKIP_REASON_RE = re.compile(r"^(test_[\w.]+) skipped -- (.*)$")

PASS = "passed"
FAIL = "failed"
ENV_CHANGED = "env changed"
SKIPPED = "skipped"
RESOURCE_DENIED = "resource denied"
NO_TESTS = "ran no tests"
CRASHED = "crashed"
TIMEOUT = "timed out"
INTERRUPTED = "interrupted"
MISSING = "no result"

# statuses that are not failures of the module (nothing to re-run)
NOT_RERUN = {PASS, SKIPPED, RESOURCE_DENIED, NO_TESTS}


def classify(text: str) -> str:
    if text.startswith("passed"):
        return PASS
    if text.startswith("failed (env changed)"):
        return ENV_CHANGED
    if text.startswith("failed"):
        return FAIL
    if text.startswith("skipped (resource denied)"):
        return RESOURCE_DENIED
    if text.startswith("skipped"):
        return SKIPPED
    if text.startswith("ran no tests") or text.startswith("run no tests"):
        return NO_TESTS
    if text.startswith("crashed"):
        return CRASHED
    if text.startswith("timed out"):
        return TIMEOUT
    if text.startswith("interrupted"):
        return INTERRUPTED
    return FAIL


# --------------------------------------------------------------------------
# input files

def read_subset(path: Path) -> list[str]:
    """Module names, one per line, '#' comments.  A comment starting with a
    duration hint like '[38 s' marks a slow module: those are handed to
    regrtest first, longest first, so that no long module starts last and
    leaves one worker idle at the end (regrtest keeps the given order)."""
    mods: list[tuple[float, int, str]] = []
    seen = set()
    for lineno, line in enumerate(path.read_text().splitlines(), 1):
        entry, _, comment = line.partition("#")
        entry = entry.strip()
        if not entry:
            continue
        hint = re.match(r"\s*\[(\d+(?:\.\d+)?) s", comment)
        for tok in entry.split():
            if not re.fullmatch(r"test_\w+(\.test_\w+)*", tok):
                sys.exit(f"{path}:{lineno}: not a test module name: {tok!r}")
            if tok not in seen:
                seen.add(tok)
                mods.append((-float(hint.group(1)) if hint else 0.0,
                             len(mods), tok))
    return [tok for _, _, tok in sorted(mods)]


def read_env_failures(path: Path):
    """Return (modules, test_patterns); both map name -> reason.

    Format: one entry per line, '# reason' after it.  An entry without a
    dot is a whole test module (e.g. test_ftplib); an entry with a dot is a
    regrtest --ignorefile pattern for test ids
    (e.g. test.test_os.TestX.test_y or test.test_os.TestX.*)."""
    modules: dict[str, str] = {}
    patterns: dict[str, str] = {}
    if not path.exists():
        return modules, patterns
    for line in path.read_text().splitlines():
        entry, _, reason = line.partition("#")
        entry = entry.strip()
        if not entry:
            continue
        reason = reason.strip()
        if "." in entry:
            patterns[entry] = reason
        else:
            modules[entry] = reason
    return modules, patterns


# --------------------------------------------------------------------------
# running regrtest

def clean_env(extra: dict[str, str]) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if not k.startswith("PYTHON") and not k.startswith("KRAIT_")}
    env.update(extra)
    return env


class RunResult:
    def __init__(self):
        self.status: dict[str, str] = {}         # module -> status
        self.detail: dict[str, str] = {}         # module -> progress text
        self.output: dict[str, list[str]] = collections.defaultdict(list)
        # module -> {test id -> "pass"/"fail"/"skip"}
        self.cases: dict[str, dict[str, str]] = collections.defaultdict(dict)
        self.unnamed_failures: dict[str, int] = collections.Counter()
        self.failed_ids: dict[str, dict[str, str]] = collections.defaultdict(dict)
        self.skip_reason: dict[str, str] = {}
        self.summary_seen = False
        self.timed_out = False
        self.returncode = None
        self.duration = 0.0
        self.cpu = 0.0          # user+sys CPU seconds of regrtest and children
        self.xml_ok = False
        self.flaky: list[str] = []


def case_status(tc: ET.Element) -> str:
    tags = {child.tag for child in tc}
    if "error" in tags or "failure" in tags or "outcome" in tags:
        return "fail"
    if "skipped" in tags:
        return "skip"
    return "pass"  # includes expected failures ('output' child)


def first_line_of_error(tc: ET.Element) -> str:
    for child in tc:
        if child.tag in ("error", "failure"):
            msg = (child.get("message") or child.text or "").strip()
            lines = [l for l in msg.splitlines() if l.strip()]
            if lines:
                return lines[-1].strip() if len(lines) > 1 and \
                    lines[0].startswith("Traceback") else lines[0].strip()
            return child.get("type", child.tag)
        if child.tag == "outcome":
            return "unexpected success"
    return ""


def module_of(test_id: str) -> str | None:
    """'test.test_json.test_decode.TestDecode.test_x' -> 'test_json.test_decode'
    (the dotted chain of test_* packages/modules), None if not a test.* id."""
    parts = test_id.split(".")
    if len(parts) < 2 or parts[0] != "test" or not parts[1].startswith("test_"):
        return None
    chain = [parts[1]]
    for part in parts[2:-1]:
        if not part.startswith("test_"):
            break
        chain.append(part)
    return ".".join(chain)


def same_module(a: str | None, b: str | None) -> bool:
    """True if a and b are the same test module or one contains the other
    (test_json vs test_json.test_decode)."""
    if a is None or b is None:
        return False
    return a == b or a.startswith(b + ".") or b.startswith(a + ".")


# statuses whose regrtest result carries JUnit data (a skipped, crashed or
# timed-out module has none)
XML_STATUSES = {PASS, FAIL, ENV_CHANGED, NO_TESTS}


def attribute_suites(votes: list[str | None], order: list[str],
                     status: dict[str, str]) -> list[str | None]:
    """Map each <testsuite> of the XML to the test module that produced it.

    regrtest appends a module's suites (zero, one or several) in one go when
    it prints the module's progress line, so the suites are contiguous
    groups in progress-line order.  A suite's test ids usually name its
    module (test.test_int.X.y) but not always (unittest.test.*, doctests of
    stdlib modules, test_trace running test_pprint's tests, ...).  Find the
    monotone segmentation that best agrees with those votes, by dynamic
    programming: assigning a suite to a module costs 0 when the ids name that
    module, 1 when they name none, 2 when they name another; a module with a
    result that normally has XML but gets no suite costs 3."""
    cand = [m for m in order if status.get(m) in XML_STATUSES]
    S, K = len(votes), len(cand)
    if S == 0:
        return []
    if K == 0:
        return list(votes)
    pen = [0.0] + [3.0 if status[m] != NO_TESTS else 1.5 for m in cand]
    P = [0.0] * (K + 1)
    for k in range(1, K + 1):
        P[k] = P[k - 1] + pen[k]
    INF = float("inf")
    dp = [0.0] + [INF] * K           # state k: last suite went to cand[k-1]
    back = []
    for i in range(S):
        new = [INF] * (K + 1)
        choice = [0] * (K + 1)
        best, best_k = dp[0] - P[0], 0   # min over k < k' of dp[k] - P[k]
        for k2 in range(1, K + 1):
            v = votes[i]
            c = 0.0 if same_module(v, cand[k2 - 1]) else \
                (1.0 if v is None else 2.0)
            stay = dp[k2]
            move = best + P[k2 - 1]
            if stay <= move:
                new[k2], choice[k2] = stay + c, k2
            else:
                new[k2], choice[k2] = move + c, best_k
            if dp[k2] - P[k2] < best:
                best, best_k = dp[k2] - P[k2], k2
        back.append(choice)
        dp = new
    k = min(range(1, K + 1), key=lambda k: dp[k] + P[K] - P[k])
    result: list[str | None] = [None] * S
    for i in range(S - 1, -1, -1):
        result[i] = cand[k - 1]
        k = back[i][k]
    return result


def parse_junit(path: Path, res: RunResult, order: list[str]) -> None:
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError) as exc:
        print(f"  warning: no usable JUnit XML ({exc})")
        return
    res.xml_ok = True
    suites = [root] if root.tag == "testsuite" else root.findall("testsuite")
    votes = []
    for suite in suites:
        c = collections.Counter(
            m for tc in suite.findall("testcase")
            if (m := module_of(tc.get("name", ""))))
        votes.append(c.most_common(1)[0][0] if c else None)
    owners = attribute_suites(votes, order, res.status)
    for suite, mod in zip(suites, owners):
        mod = mod or "(unattributed)"
        for tc in suite.findall("testcase"):
            name = tc.get("name")
            if not name:
                # a test whose subtests failed: the XML has no name for it
                res.unnamed_failures[mod] += 1
                continue
            st = case_status(tc)
            prev = res.cases[mod].get(name)
            if prev == "fail" or (prev == "pass" and st == "skip"):
                st = prev
            res.cases[mod][name] = st
            if st == "fail":
                res.failed_ids[mod][name] = first_line_of_error(tc)


def become_subreaper() -> None:
    """Make processes orphaned below us (regrtest workers run in their own
    sessions; a crashed regrtest main leaves them behind) our children, so
    that kill_descendants() can find them.  Linux only; best effort."""
    try:
        import ctypes
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(36, 1, 0, 0, 0)          # PR_SET_CHILD_SUBREAPER
    except Exception:  # noqa: BLE001
        pass


def descendants(root: int, zombies: bool = True) -> list[int]:
    children = collections.defaultdict(list)
    for d in os.listdir("/proc"):
        if not d.isdigit():
            continue
        try:
            with open(f"/proc/{d}/stat") as f:
                stat = f.read()
        except OSError:
            continue
        state, ppid = stat.rsplit(")", 1)[1].split()[:2]
        if zombies or state != "Z":
            children[int(ppid)].append(int(d))
    out, stack = [], [root]
    while stack:
        for c in children.get(stack.pop(), []):
            out.append(c)
            stack.append(c)
    return out


def kill_descendants() -> list[tuple[int, str]]:
    """SIGKILL every live process below this one and reap the zombies
    (orphans that already exited are reparented to us as well).  Gives up
    after 5 s if processes keep appearing."""
    killed: dict[int, str] = {}
    deadline = time.monotonic() + 5
    while True:
        for pid in descendants(os.getpid(), zombies=False):
            try:
                with open(f"/proc/{pid}/cmdline", "rb") as f:
                    what = f.read().replace(b"\0", b" ").decode(
                        errors="replace").strip()[:120]
                os.kill(pid, signal.SIGKILL)
                killed.setdefault(pid, what)
            except (OSError, ProcessLookupError, PermissionError):
                pass
        while True:
            try:
                pid, _ = os.waitpid(-1, os.WNOHANG)
            except ChildProcessError:
                break
            if pid == 0:
                break
        if not descendants(os.getpid()) or time.monotonic() > deadline:
            break
        time.sleep(0.05)
    return sorted(killed.items())


def parse_log(log: Path, modules, res: RunResult) -> list[str]:
    """Fill res from a regrtest log; return the modules in progress order."""
    modset = set(modules)
    order: list[str] = []
    current = None
    pending, in_tb = None, False
    try:
        f = open(log, errors="replace")
    except OSError:
        return order
    with f:
        for line in f:
            line = line.rstrip("\n")
            m = PROGRESS_RE.match(line)
            if m and m.group(1) in modset:
                mod, text = m.group(1), m.group(2)
                res.status[mod] = classify(text)
                res.detail[mod] = text.split(" -- running:")[0]
                order.append(mod)
                current = mod
                pending, in_tb = None, False
                continue
            if line.startswith("== Tests result:"):
                res.summary_seen = True
                current = None
            if current is None:
                continue
            res.output[current].append(line)
            sm = SKIP_REASON_RE.match(line)
            if sm and sm.group(1) == current:
                res.skip_reason[current] = sm.group(2)
            if pending and line.startswith("Traceback (most recent"):
                in_tb = True
            elif pending and in_tb and line.strip() and \
                    not line.startswith(" "):
                res.failed_ids[current][pending[0]] = \
                    f"{pending[1]}: {line.strip()}"
                pending, in_tb = None, False
            fm = FAILHDR_RE.match(line)
            if fm:
                kind, name, paren = fm.groups()
                if paren == name or paren.endswith("." + name):
                    tid = paren
                elif name in ("setUpClass", "tearDownClass"):
                    tid = paren + ".*"
                elif name in ("setUpModule", "tearDownModule"):
                    tid = "<module>"
                else:
                    tid = paren + "." + name
                res.failed_ids[current].setdefault(tid, kind)
                pending, in_tb = (tid, kind), False
    return order


def load_regrtest(label, rundir: Path) -> RunResult:
    """Build a RunResult from a run directory (regrtest.log, junit.xml,
    meta.json) -- after a run, or later with --reanalyze."""
    meta = json.loads((rundir / "meta.json").read_text())
    modules = meta["modules"]
    res = RunResult()
    res.returncode = meta["returncode"]
    res.duration = meta["duration"]
    res.cpu = meta["cpu"]
    res.timed_out = meta["timed_out"]
    order = parse_log(rundir / "regrtest.log", modules, res)
    for mod in modules:
        res.status.setdefault(mod, MISSING)
    if res.timed_out:
        print(f"[{label}] regrtest killed after --run-timeout "
              f"({meta['run_timeout']}s)")
    elif not res.summary_seen:
        print(f"[{label}] warning: regrtest printed no summary "
              f"(exit code {res.returncode})")
    parse_junit(rundir / "junit.xml", res, order)
    return res


def run_regrtest(label, interp, modules, args, env, workdir: Path,
                 ignorefile: Path | None, tag: str) -> RunResult:
    rundir = workdir / f"{label}-{tag}"
    if args.reanalyze:
        return load_regrtest(label, rundir)
    if rundir.exists():
        shutil.rmtree(rundir, ignore_errors=True)
    rundir.mkdir(parents=True)
    xml = rundir / "junit.xml"
    log = rundir / "regrtest.log"
    jobs = max(1, min(args.jobs, len(modules)))
    cmd = [interp, "-m", "test", f"-j{jobs}", "-W",
           f"--timeout={args.timeout}", "--junit-xml", str(xml)]
    if args.use:
        cmd.append(f"-u{args.use}")
    if ignorefile is not None:
        cmd += ["--ignorefile", str(ignorefile)]
    cmd += list(modules)
    print(f"[{label}] {tag}: {len(modules)} modules, -j{jobs}, log {log}",
          flush=True)
    t0 = time.monotonic()
    ru0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    modset = set(modules)
    timed_out = []
    with open(log, "w", errors="replace") as logf:
        proc = subprocess.Popen(
            cmd, cwd=rundir, env=env, stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
            start_new_session=True, text=True, errors="replace")

        def kill():
            timed_out.append(True)
            kill_descendants()

        timer = threading.Timer(args.run_timeout, kill)
        timer.start()
        try:
            for line in proc.stdout:
                logf.write(line)
                m = PROGRESS_RE.match(line)
                if args.verbose or (m and m.group(1) in modset
                                    and classify(m.group(2)) != PASS):
                    print(f"[{label}] {line}", end="", flush=True)
            proc.wait()
        finally:
            timer.cancel()
            if proc.poll() is None:
                kill()
                proc.wait()
    # stragglers: workers orphaned by a crashed regrtest main, processes
    # left behind by tests
    for pid, what in kill_descendants():
        print(f"[{label}] killed leftover process {pid}: {what}")
    ru1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    meta = {
        "cmd": cmd, "modules": list(modules),
        "returncode": proc.returncode, "timed_out": bool(timed_out),
        "run_timeout": args.run_timeout,
        "duration": time.monotonic() - t0,
        "cpu": (ru1.ru_utime - ru0.ru_utime) + (ru1.ru_stime - ru0.ru_stime),
    }
    (rundir / "meta.json").write_text(json.dumps(meta, indent=1))
    return load_regrtest(label, rundir)


def merge_rerun(first: RunResult, rerun: RunResult, mods) -> None:
    for mod in mods:
        first.status[mod] = rerun.status[mod]
        first.detail[mod] = rerun.detail.get(mod, "")
        first.output[mod] = rerun.output.get(mod, [])
        first.cases[mod] = rerun.cases.get(mod, {})
        first.unnamed_failures[mod] = rerun.unnamed_failures.get(mod, 0)
        first.failed_ids[mod] = rerun.failed_ids.get(mod, {})
        if mod in rerun.skip_reason:
            first.skip_reason[mod] = rerun.skip_reason[mod]
    first.duration += rerun.duration
    first.cpu += rerun.cpu


def run_interpreter(label, interp, modules, args, env, workdir, ignorefile,
                    rerun=True, tag="run1"):
    res = run_regrtest(label, interp, modules, args, env, workdir,
                       ignorefile, tag)
    if rerun and args.rerun:
        again = [m for m in modules if res.status[m] not in NOT_RERUN]
        if args.reanalyze and not (workdir / f"{label}-rerun").is_dir():
            again = []
        if again:
            print(f"[{label}] re-running {len(again)} module(s) that did not "
                  f"pass: {' '.join(again)}", flush=True)
            res2 = run_regrtest(label, interp, again, args, env, workdir,
                                ignorefile, "rerun")
            res.flaky = [m for m in again if res2.status[m] == PASS]
            merge_rerun(res, res2, again)
    return res


def interp_version(interp, env) -> str:
    try:
        out = subprocess.run(
            [interp, "-c", "import sys, test; print(sys.version.split()[0],"
             " sys.implementation.name, test.__path__[0])"],
            env=env, capture_output=True, text=True, timeout=60)
        if out.returncode == 0 and out.stdout.strip():
            return out.stdout.strip()
        err = out.stderr.strip().splitlines()
        return f"<exit {out.returncode}: {err[-1] if err else ''}>"
    except Exception as exc:  # noqa: BLE001
        return f"<cannot run: {exc}>"


def passing_cases(res: RunResult, mod: str) -> set[str]:
    return {k for k, v in res.cases.get(mod, {}).items() if v == "pass"}


RANK = {"fail": 2, "pass": 1, "skip": 0}


def all_cases(res: RunResult) -> dict[str, str]:
    """test id -> status over the whole run, independent of which module a
    suite was attributed to (ids run more than once: fail > pass > skip)."""
    out: dict[str, str] = {}
    for cases in res.cases.values():
        for tid, st in cases.items():
            if tid not in out or RANK[st] > RANK[out[tid]]:
                out[tid] = st
    return out


def owner_map(res: RunResult) -> dict[str, str]:
    return {tid: mod for mod, cases in res.cases.items() for tid in cases}


def summarize(label, res: RunResult, modules) -> set[str]:
    passed = {m for m in modules if res.status[m] == PASS}
    ncases = sum(1 for st in all_cases(res).values() if st == "pass")
    counts = collections.Counter(res.status[m] for m in modules)
    other = ", ".join(f"{n} {st}" for st, n in sorted(counts.items())
                      if st != PASS)
    print(f"{label}: {len(passed)} modules passed ({ncases} test cases)"
          f" of {len(modules)} run in {res.duration:.0f}s"
          f" ({res.cpu:.0f} CPU-s)"
          + (f"; {other}" if other else ""))
    if res.flaky:
        print(f"{label}:   passed only on re-run (flaky): "
              f"{' '.join(res.flaky)}")
    if not res.xml_ok:
        print(f"{label}:   (no JUnit XML: test-case results unavailable)")
    return passed


def show_output(label, res, mod, limit):
    """Print the unittest failure report of a module (from the first
    '=====' separator on), or the tail of its output if it has none
    (crash, timeout)."""
    lines = res.output.get(mod, [])
    if not lines:
        return
    start = next((i for i, l in enumerate(lines) if l.startswith("=" * 70)),
                 None)
    print(f"    --- {label} output for {mod} ---")
    if start is not None:
        shown = lines[start:start + limit]
        cut = len(lines) - start - len(shown)
        for line in shown:
            print(f"    | {line}")
        if cut > 0:
            print(f"    | ... ({cut} more lines)")
    else:
        if len(lines) > limit:
            print(f"    | ... ({len(lines) - limit} lines before)")
        for line in lines[-limit:]:
            print(f"    | {line}")


def write_json(path, results: dict[str, RunResult], modules) -> None:
    data = {}
    for label, res in results.items():
        data[label] = {
            "duration": round(res.duration, 1),
            "cpu": round(res.cpu, 1),
            "flaky": res.flaky,
            "modules": {m: {"status": res.status[m],
                            "detail": res.detail.get(m, ""),
                            "cases": res.cases.get(m, {})}
                        for m in modules},
            "unattributed": {m: c for m, c in res.cases.items()
                             if m not in set(modules)},
        }
    Path(path).write_text(json.dumps(data, indent=1, sort_keys=True))
    print(f"wrote {path}")


# --------------------------------------------------------------------------
# compare mode

def compare(args, modules, env_mods, env_pats, workdir) -> int:
    if args.reanalyze:
        meta = json.loads((workdir / "stock-run1" / "meta.json").read_text())
        modules = meta["modules"]
        print(f"re-analysing {workdir} (nothing is run)")
    run_mods = [m for m in modules if m not in env_mods]
    excluded = [m for m in modules if m in env_mods]
    ignorefile = None
    if env_pats:
        ignorefile = workdir / "ignore.txt"
        ignorefile.write_text("".join(p + "\n" for p in env_pats))
    src = "the command line" if args.modules else args.subset
    print(f"subset: {len(modules)} modules from {src}; "
          f"{len(excluded)} excluded as environment failures, "
          f"{len(env_pats)} test-id patterns ignored ({args.env_failures})")
    if not run_mods:
        print("nothing to run")
        print("0 passed, 0 failed")
        return 1

    stock_env = clean_env({})
    krait_extra = {"KRAIT_HOT_LOOP": "1"}
    for kv in args.krait_env:
        k, sep, v = kv.partition("=")
        if not sep:
            sys.exit(f"--krait-env expects K=V, got {kv!r}")
        krait_extra[k] = v
    krait_env = clean_env(krait_extra)

    print(f"stock: {args.python} ({interp_version(args.python, stock_env)})")
    print(f"krait: {args.krait} ({interp_version(args.krait, krait_env)}) "
          f"env: {' '.join(f'{k}={v}' for k, v in krait_extra.items())}")
    t0 = time.monotonic()
    stock = run_interpreter("stock", args.python, run_mods, args, stock_env,
                            workdir, ignorefile)
    krait = run_interpreter("krait", args.krait, run_mods, args, krait_env,
                            workdir, ignorefile)
    wall = time.monotonic() - t0
    if args.reanalyze:
        wall = stock.duration + krait.duration
    if args.json:
        write_json(args.json, {"stock": stock, "krait": krait}, run_mods)

    print()
    print("=" * 70)
    s_pass = summarize("stock", stock, run_mods)
    k_pass = summarize("krait", krait, run_mods)

    only_stock = sorted(s_pass - k_pass)
    only_krait = sorted(k_pass - s_pass)
    differs: dict[str, str] = {}
    for m in only_stock:
        differs[m] = f"stock passed, krait {krait.status[m]} ({krait.detail.get(m, '')})"
    for m in only_krait:
        differs[m] = f"krait passed, stock {stock.status[m]} ({stock.detail.get(m, '')})"

    # Test cases are compared globally (a test id passes or not in the whole
    # run), so that the heuristic attribution of XML suites to modules can
    # never create a difference by itself; differing ids are then charged to
    # the module(s) they were attributed to.
    case_only_stock: dict[str, list[str]] = collections.defaultdict(list)
    case_only_krait: dict[str, list[str]] = collections.defaultdict(list)
    cases_comparable = stock.xml_ok and krait.xml_ok
    if cases_comparable:
        s_all, k_all = all_cases(stock), all_cases(krait)
        s_ids = {t for t, st in s_all.items() if st == "pass"}
        k_ids = {t for t, st in k_all.items() if st == "pass"}
        s_own, k_own = owner_map(stock), owner_map(krait)
        charged: dict[str, list[int]] = collections.defaultdict(lambda: [0, 0])
        for side, ids, d in ((0, s_ids - k_ids, case_only_stock),
                             (1, k_ids - s_ids, case_only_krait)):
            for tid in sorted(ids):
                owners = {o for o in (s_own.get(tid), k_own.get(tid)) if o} \
                    or {"(unattributed)"}
                d[min(owners)].append(tid)
                for o in owners:
                    charged[o][side] += 1
        for m, (ns, nk) in sorted(charged.items()):
            if m not in differs:
                differs[m] = (f"{ns} test case(s) pass only under stock, "
                              f"{nk} only under krait")
    else:
        which = " and ".join(l for l, r in (("stock", stock), ("krait", krait))
                             if not r.xml_ok)
        print(f"JUnit XML missing for {which}: counted as a difference")
        differs["(junit xml)"] = f"JUnit XML missing for {which}"

    def show_cases(title, d, other):
        n = sum(len(v) for v in d.values())
        print(f"\nTest cases passing under {title} ({n}):")
        for m, ids in sorted(d.items()):
            st = other.status.get(m)
            if st in (CRASHED, TIMEOUT, MISSING, INTERRUPTED):
                print(f"  {len(ids)} test case(s) of {m} ({st} under "
                      f"{'krait' if other is krait else 'stock'})")
                continue
            for tid in ids[:args.max_list]:
                print(f"  {tid}")
            if len(ids) > args.max_list:
                print(f"  ... and {len(ids) - args.max_list} more in {m}")

    print(f"\nModules passing under stock but not krait ({len(only_stock)}):")
    for m in only_stock:
        print(f"  {m}: krait {krait.status[m]} -- {krait.detail.get(m, '')}")
    print(f"Modules passing under krait but not stock ({len(only_krait)}):")
    for m in only_krait:
        print(f"  {m}: stock {stock.status[m]} -- {stock.detail.get(m, '')}")
    if cases_comparable:
        show_cases("stock but not krait", case_only_stock, krait)
        show_cases("krait but not stock", case_only_krait, stock)

    both_bad = [m for m in run_mods
                if m not in s_pass and m not in k_pass and m not in differs]
    if both_bad:
        print(f"\nNot passing under either interpreter ({len(both_bad)}):")
        for m in both_bad:
            print(f"  {m}: stock {stock.status[m]}, krait {krait.status[m]}")
        print("  (not passing under stock either, yet not listed in "
              "env_failures.txt: re-derive it with --derive if this persists)")

    if differs and args.show_output:
        print("\nOutput of differing modules:")
        for m in sorted(differs):
            print(f"  {m}: {differs[m]}")
            show_output("krait", krait, m, args.show_output)
            if stock.status.get(m) != PASS:
                show_output("stock", stock, m, args.show_output)

    n_failed = len([m for m in differs if m in set(run_mods)])
    unattributed = [m for m in differs if m not in set(run_mods)]
    n_failed += len(unattributed)
    n_passed = len([m for m in s_pass & k_pass if m not in differs])
    n_skipped = len(both_bad)
    ok = not differs and len(s_pass) > 0 and cases_comparable
    if not cases_comparable:
        print("FAIL: no JUnit XML, test cases could not be compared")
    print()
    print(f"wall time: {wall:.0f}s (stock {stock.duration:.0f}s / "
          f"{stock.cpu:.0f} CPU-s, krait {krait.duration:.0f}s / "
          f"{krait.cpu:.0f} CPU-s; load avg now {os.getloadavg()[0]:.1f})")
    if not s_pass:
        print("FAIL: stock CPython passed no module")
    print("RESULT: " + ("identical passing sets" if ok else
                        "passing sets differ"))
    line = f"{n_passed} passed, {n_failed} failed"
    if n_skipped:
        line += f", {n_skipped} skipped"
    print(line)
    return 0 if ok else 1


# --------------------------------------------------------------------------
# derive mode

def derive(args, modules, old_mods, old_pats, workdir) -> int:
    env = clean_env({})
    src = "the command line" if args.modules else args.subset
    print(f"derive: running {len(modules)} modules from {src} under "
          f"{args.python} ({interp_version(args.python, env)}) "
          f"{args.repeat} time(s), no exclusions")
    mod_reason: dict[str, str] = {}
    pat_reason: dict[str, str] = {}
    runs = []
    t0 = time.monotonic()
    for i in range(args.repeat):
        res = run_interpreter("stock", args.python, modules, args, env,
                              workdir, None, rerun=False, tag=f"run{i + 1}")
        runs.append(res)
        summarize(f"stock run {i + 1}", res, modules)
    for res in runs:
        for mod in modules:
            st = res.status[mod]
            if st == PASS or mod in mod_reason:
                continue
            if st in (SKIPPED, RESOURCE_DENIED, NO_TESTS):
                why = res.skip_reason.get(mod, st)
                mod_reason[mod] = f"skipped under stock: {why}"
                continue
            ids = res.failed_ids.get(mod, {})
            named = {t: r for t, r in ids.items() if t != "<module>"}
            if st == FAIL and named and "<module>" not in ids:
                for tid, why in named.items():
                    pat_reason.setdefault(
                        tid, f"fails under stock: {why}"[:160])
            else:
                extra = f"; failing: {', '.join(sorted(named))[:100]}" \
                    if named else ""
                mod_reason[mod] = (f"{st} under stock "
                                   f"({res.detail.get(mod, '')}){extra}")[:200]
    # keep hand-written reasons for entries that are still derived
    for mod in mod_reason:
        if old_mods.get(mod):
            mod_reason[mod] = old_mods[mod]
    for pat in pat_reason:
        if old_pats.get(pat):
            pat_reason[pat] = old_pats[pat]
    # test ids of modules excluded as a whole are redundant
    pat_reason = {p: r for p, r in pat_reason.items()
                  if not any(same_module(module_of(p), m) for m in mod_reason)}

    ver = interp_version(args.python, env)
    if mod_reason or pat_reason:
        result = (f"{len(mod_reason)} module(s) and {len(pat_reason)} test "
                  f"id(s) excluded.")
    else:
        result = (f"every module passed in every run: nothing is excluded.")
    hdr = f"""\
# Known environment failures of STOCK CPython for tests/cpython/subset.txt.
# Everything listed here is excluded for BOTH interpreters identically.
#
# GENERATED by:  /usr/bin/python3.11 tests/support/run_cpython.py --derive \\
#                    --python {args.python} --repeat {args.repeat}
# on {datetime.date.today().isoformat()} with {ver}
# ({len(modules)} modules, regrtest -j{args.jobs} -W --timeout={args.timeout}
#  -u{args.use or '(none)'}, {args.repeat} stock run(s) without re-runs: anything
#  that failed in ANY run is listed, so flaky tests are excluded too).
# Reasons written by hand after the '#' are kept when the file is re-derived.
#
# Result: {result}
# Modules that fail, hang or are skipped entirely in this environment were
# left out of subset.txt when it was chosen (see its header, e.g. test_socket
# hangs without network); this file only covers what is in the subset.
#
# Format: one entry per line, reason after '#'.
#   test_module                          -> whole module not run
#   test.test_mod.Class.test_method      -> test id passed to regrtest --ignorefile
#   test.test_mod.Class.*                -> whole class (setUpClass failed)
"""
    out = [hdr, "\n# --- whole modules ---\n"]
    for mod in sorted(mod_reason):
        out.append(f"{mod:<40} # {mod_reason[mod]}\n")
    out.append("\n# --- individual test ids (regrtest --ignorefile) ---\n")
    for pat in sorted(pat_reason):
        out.append(f"{pat:<60} # {pat_reason[pat]}\n")
    Path(args.env_failures).write_text("".join(out))
    print(f"\nwrote {args.env_failures}: {len(mod_reason)} modules, "
          f"{len(pat_reason)} test ids (in {time.monotonic() - t0:.0f}s)")
    skipped = [m for m in mod_reason if mod_reason[m].startswith("skipped")]
    failed = {m for m in mod_reason if m not in skipped}
    failed |= {m for m in modules
               if any(same_module(module_of(p), m) for p in pat_reason)}
    ok_mods = [m for m in modules if m not in failed and m not in skipped]
    print(f"{len(ok_mods)} passed, {len(failed)} failed, "
          f"{len(skipped)} skipped")
    return 0 if ok_mods else 1


# --------------------------------------------------------------------------

def main() -> int:
    p = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0],
        formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--python", default="/usr/bin/python3.11",
                   help="stock interpreter (default: %(default)s)")
    p.add_argument("--krait", default=str(DEFAULT_KRAIT),
                   help="krait executable (default: %(default)s; "
                        "not used by --derive)")
    p.add_argument("--jobs", "-j", type=int, default=2,
                   help="regrtest -j workers (default: %(default)s)")
    p.add_argument("--subset", default=str(DEFAULT_SUBSET),
                   help="list of test modules (default: %(default)s)")
    p.add_argument("--known-divergences",
                   default=str(REPO / "tests" / "cpython" / "known_divergences.txt"),
                   help="test ids Krait knowingly differs on (excluded for both, listed)")
    p.add_argument("--env-failures", default=str(DEFAULT_ENV_FAILURES),
                   help="known stock failures (default: %(default)s)")
    p.add_argument("--timeout", type=float, default=300,
                   help="regrtest per-module --timeout in seconds "
                        "(default: %(default)s)")
    p.add_argument("--run-timeout", type=float, default=1500,
                   help="kill a whole regrtest invocation after this many "
                        "seconds (default: %(default)s)")
    p.add_argument("--use", default="subprocess",
                   help="regrtest -u resources (default: %(default)s)")
    p.add_argument("--krait-env", action="append", default=[],
                   metavar="K=V", help="extra environment for krait, "
                   "repeatable (KRAIT_HOT_LOOP=1 is set unless overridden)")
    p.add_argument("--no-rerun", dest="rerun", action="store_false",
                   help="do not re-run modules that did not pass")
    p.add_argument("--derive", action="store_true",
                   help="regenerate --env-failures from stock runs")
    p.add_argument("--repeat", type=int, default=2,
                   help="--derive: number of stock runs (default: %(default)s)")
    p.add_argument("--workdir", help="keep logs/XML here instead of a "
                   "temporary directory that is removed afterwards")
    p.add_argument("--max-list", type=int, default=30,
                   help="list at most this many differing test ids per module")
    p.add_argument("--show-output", type=int, default=80, metavar="LINES",
                   help="print up to LINES of regrtest output for each "
                        "differing module (0: none; default: %(default)s)")
    p.add_argument("--reanalyze", metavar="DIR",
                   help="do not run anything: compare the logs and XML kept "
                        "in DIR by an earlier --workdir DIR run")
    p.add_argument("--json", metavar="FILE",
                   help="write per-module statuses and per-test-case results "
                        "of both interpreters to FILE")
    p.add_argument("-v", "--verbose", action="store_true",
                   help="echo all regrtest output")
    p.add_argument("modules", nargs="*",
                   help="run these modules instead of the subset file")
    args = p.parse_args()

    for name in (args.python,) + ((args.krait,) if not args.derive else ()):
        if not (os.path.isfile(name) and os.access(name, os.X_OK)):
            print(f"error: interpreter not found or not executable: {name}")
            print("0 passed, 1 failed")
            return 2
    args.python = os.path.abspath(args.python)
    if args.krait:
        args.krait = os.path.abspath(args.krait)

    modules = list(args.modules) or read_subset(Path(args.subset))
    env_mods, env_pats = read_env_failures(Path(args.env_failures))
    # Krait's own known divergences (not environment failures: documented, each with the
    # issue that removes it) are excluded the same way, for both interpreters, and listed.
    if args.known_divergences and not args.derive:
        div_mods, div_pats = read_env_failures(Path(args.known_divergences))
        for name, reason in {**div_mods, **div_pats}.items():
            print(f"known Krait divergence excluded: {name}  # {reason}")
        env_mods.update(div_mods)
        env_pats.update(div_pats)

    become_subreaper()
    if args.reanalyze:
        args.workdir = args.reanalyze
    if args.workdir:
        workdir = Path(args.workdir).resolve()
        workdir.mkdir(parents=True, exist_ok=True)
        cleanup = False
    else:
        workdir = Path(tempfile.mkdtemp(prefix="krait-cpython-"))
        cleanup = True
    try:
        if args.derive:
            return derive(args, modules, env_mods, env_pats, workdir)
        return compare(args, modules, env_mods, env_pats, workdir)
    finally:
        if cleanup:
            shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
