#!/usr/bin/python3.11
"""Differential test runner: stock CPython vs krait.

Each test program is run under the stock interpreter and under krait; stdout,
stderr and the exit code must be identical (after replacing interpreter paths
with ``<python>``).  Krait additionally runs with low JIT thresholds and writes
its stats counters to a JSON file, which ``# krait: expect`` header lines are
checked against.  See tests/support/README.md for the header format.

Stdlib only; run with /usr/bin/python3.11.
"""

import argparse
import ast
import concurrent.futures
import difflib
import json
import operator
import os
import re
import selectors
import shutil
import signal
import subprocess
import sys
import tempfile
import time

DEFAULT_PYTHON = "/usr/bin/python3.11"
DEFAULT_TIMEOUT = 30.0
# Env both interpreters get: fixed str hashing so set/dict order of str keys is
# reproducible, and no __pycache__ litter in the test tree.
COMMON_ENV = {"PYTHONHASHSEED": "0", "PYTHONDONTWRITEBYTECODE": "1"}
# Env only krait gets by default: force the JIT to kick in almost immediately
# so that even short test loops run through compiled traces.
DEFAULT_KRAIT_ENV = {"KRAIT_HOT_LOOP": "2"}
# `after-ready` waits this long after READY before signalling, so the child is
# past the print() and spinning in its (by then JIT-compiled) loop.  Without
# it the signal can land while print() returns and the traceback would point
# at the print line instead of the loop: a racy test.
DEFAULT_READY_SETTLE = 0.3
MAX_DIFF_LINES = 200

HEADER_PREFIX = "# krait:"
COMPARATORS = {
    ">=": operator.ge, "<=": operator.le, "==": operator.eq,
    "!=": operator.ne, ">": operator.gt, "<": operator.lt,
}
EXPECT_RE = re.compile(
    r"^expect(?:-unless-chaos)?\s+([A-Za-z_][A-Za-z0-9_.]*)\s*(>=|<=|==|!=|>|<)\s*(-?\d+)$")
SIGNAL_RE = re.compile(
    r"^(SIG[A-Z0-9]+)\s+(?:after\s+(\d+(?:\.\d+)?)|after-ready(?:\s+(\d+(?:\.\d+)?))?)$")


class HeaderError(Exception):
    """A malformed `# krait:` line; the test fails rather than silently
    running with a directive ignored."""


class Spec:
    """Everything the header of one test file asks for."""

    def __init__(self):
        self.expects = []      # (name, op_str, int)
        self.expects_unless_chaos = []  # the same, not checked under KRAIT_INTERP_CHAOS
        self.args = []
        self.stdin = None      # bytes, or None for /dev/null
        self.env = {}          # both interpreters
        self.krait_env = {}    # krait only
        self.timeout = None
        self.skip = None
        self.hooked_divergence = None  # reason, see `hooked-cpython-divergence`
        self.chaos_divergence = None  # reason, see `chaos-divergence`
        self.signal = None     # (signum, delay_or_None, ready_settle_or_None)


def _parse_kv(text, line):
    key, sep, value = text.partition("=")
    if not sep or not key.strip() or " " in key.strip():
        raise HeaderError(f"expected K=V, got {line!r}")
    return key.strip(), value.strip()


def parse_header(path):
    """Parse the leading comment block (blank lines and `#` lines up to the
    first code line).  Directives further down are deliberately ignored: only
    the header is a header."""
    spec = Spec()
    with open(path, encoding="utf-8") as f:
        for raw in f:
            line = raw.strip()
            if not line:
                continue
            if not line.startswith("#"):
                break
            if not line.startswith(HEADER_PREFIX):
                continue
            body = line[len(HEADER_PREFIX):].strip()
            word, _, rest = body.partition(" ")
            rest = rest.strip()
            if word in ("expect", "expect-unless-chaos"):
                # expect-unless-chaos: counters of work the chaos mode's random hand-offs
                # take away (e.g. inline-cache hits of frames that left for CPython).
                m = EXPECT_RE.match(body)
                if not m:
                    raise HeaderError(f"bad expectation {line!r} "
                                      f"(want: {word} NAME OP INT)")
                (spec.expects if word == "expect" else spec.expects_unless_chaos).append(
                    (m.group(1), m.group(2), int(m.group(3))))
            elif word == "args":
                spec.args = rest.split()
            elif word == "stdin":
                try:
                    value = ast.literal_eval(rest)
                except (ValueError, SyntaxError) as e:
                    raise HeaderError(f"bad stdin literal {rest!r}: {e}")
                if isinstance(value, str):
                    value = value.encode("utf-8")
                if not isinstance(value, bytes):
                    raise HeaderError(f"stdin must be a str/bytes literal: {line!r}")
                # Several stdin lines concatenate, for longer inputs.
                spec.stdin = (spec.stdin or b"") + value
            elif word == "env":
                k, v = _parse_kv(rest, line)
                spec.env[k] = v
            elif word == "krait-env":
                k, v = _parse_kv(rest, line)
                spec.krait_env[k] = v
            elif word == "timeout":
                try:
                    spec.timeout = float(rest)
                except ValueError:
                    raise HeaderError(f"bad timeout {line!r}")
            elif word == "skip":
                spec.skip = rest or "no reason given"
            elif word == "hooked-cpython-divergence":
                # The program observes something that differs while CPython's own loop runs
                # a frame with Krait's PEP 523 hook installed (it cannot inline Python calls
                # then). It must pass when Krait's interpreter runs every frame
                # (KRAIT_INTERP=all, no chaos hand-offs); other routings skip it, with the
                # reason, until the interpreter runs all warm code (issue 6).
                spec.hooked_divergence = rest or "no reason given"
            elif word == "chaos-divergence":
                # As hooked-cpython-divergence, but only the chaos mode (frames handed to
                # CPython at random, whose calls then recurse in C) shows the difference: the
                # program must pass under every routing without KRAIT_INTERP_CHAOS.
                spec.chaos_divergence = rest or "no reason given"
            elif word == "arch-difference":
                # COUNTER reason: a trace counter allowed to differ between architectures
                # (read by compare_arch_stats.py).
                if not rest:
                    raise HeaderError(f"bad arch-difference {line!r} (want: COUNTER reason)")
            elif word == "signal":
                m = SIGNAL_RE.match(rest)
                if not m or not hasattr(signal, m.group(1)):
                    raise HeaderError(f"bad signal directive {line!r} (want: "
                                      "signal SIGNAME after SECONDS | after-ready [SETTLE])")
                signum = getattr(signal, m.group(1))
                if m.group(2) is not None:
                    spec.signal = (signum, float(m.group(2)), None)
                else:
                    settle = float(m.group(3)) if m.group(3) else DEFAULT_READY_SETTLE
                    spec.signal = (signum, None, settle)
            else:
                raise HeaderError(f"unknown directive {line!r}")
    return spec


class RunResult:
    def __init__(self):
        self.stdout = b""
        self.stderr = b""
        self.returncode = None
        self.timed_out = False
        self.signal_sent = False


def _kill_group(proc):
    # Children run in their own session, so this also reaps anything the test
    # program itself spawned.
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


def run_program(argv, cwd, env, stdin, timeout, sig=None):
    """Run argv, collecting stdout/stderr, feeding stdin, enforcing timeout
    and optionally delivering a signal (after a delay or after a READY line).

    A single selector loop handles all of it so no helper threads are needed
    and nothing can deadlock on a full pipe."""
    res = RunResult()
    proc = subprocess.Popen(
        argv, cwd=cwd, env=env,
        stdin=subprocess.PIPE if stdin is not None else subprocess.DEVNULL,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        start_new_session=True)
    start = time.monotonic()
    deadline = start + timeout
    out_chunks, err_chunks = [], []
    # Signal scheduling: absolute time to send it, or None while waiting for
    # the READY line.
    signum = fire_at = None
    ready_settle = None
    if sig is not None:
        signum, delay, ready_settle = sig
        if delay is not None:
            fire_at = start + delay
    ready_buf = b""

    sel = selectors.DefaultSelector()
    try:
        sel.register(proc.stdout, selectors.EVENT_READ, out_chunks)
        sel.register(proc.stderr, selectors.EVENT_READ, err_chunks)
        pending_in = stdin
        if stdin is not None:
            if stdin:
                os.set_blocking(proc.stdin.fileno(), False)
                sel.register(proc.stdin, selectors.EVENT_WRITE, None)
            else:
                proc.stdin.close()

        while sel.get_map():
            now = time.monotonic()
            if signum is not None and not res.signal_sent and fire_at is not None \
                    and now >= fire_at and proc.poll() is None:
                proc.send_signal(signum)
                res.signal_sent = True
            if now >= deadline:
                res.timed_out = True
                _kill_group(proc)
                break
            wait = deadline - now
            if signum is not None and not res.signal_sent and fire_at is not None:
                wait = min(wait, max(0.0, fire_at - now))
            for key, _ in sel.select(wait):
                if key.data is None:           # stdin writable
                    try:
                        n = os.write(key.fd, pending_in[:65536])
                        pending_in = pending_in[n:]
                    except BlockingIOError:
                        continue
                    except BrokenPipeError:    # child stopped reading: fine
                        pending_in = b""
                    if not pending_in:
                        sel.unregister(key.fileobj)
                        key.fileobj.close()
                    continue
                chunk = os.read(key.fd, 65536)
                if not chunk:
                    sel.unregister(key.fileobj)
                    continue
                key.data.append(chunk)
                if key.data is out_chunks and signum is not None \
                        and fire_at is None and not res.signal_sent:
                    # Keep only the unfinished last line around between reads.
                    ready_buf += chunk
                    lines = ready_buf.split(b"\n")
                    ready_buf = lines.pop()
                    if any(l.rstrip(b"\r") == b"READY" for l in lines):
                        fire_at = time.monotonic() + ready_settle
                        ready_buf = b""

        if not res.timed_out:
            try:
                proc.wait(max(0.0, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                res.timed_out = True
                _kill_group(proc)
        proc.wait()
    finally:
        sel.close()
        if proc.poll() is None:   # runner interrupted: leave no orphans
            _kill_group(proc)
            proc.wait()
        for f in (proc.stdin, proc.stdout, proc.stderr):
            if f is not None and not f.closed:
                f.close()
    res.stdout = b"".join(out_chunks)
    res.stderr = b"".join(err_chunks)
    res.returncode = proc.returncode
    return res


def describe_rc(rc):
    if rc is not None and rc < 0:
        try:
            return f"{rc} ({signal.Signals(-rc).name})"
        except ValueError:
            pass
    return str(rc)


def normalise(data, replacements):
    for old, new in replacements:
        data = data.replace(old, new)
    return data


def path_replacements(*exes):
    """Byte-level replacements mapping each interpreter's path (as given and
    realpath'd) to `<python>`, longest first so a path that is a prefix of
    another cannot leave a mangled tail behind."""
    paths = set()
    for exe in exes:
        for p in (exe, os.path.realpath(exe)):
            paths.add(os.fsencode(p))
    return [(p, b"<python>") for p in sorted(paths, key=len, reverse=True)]


def unified(label, expected, actual):
    a = expected.decode("utf-8", "backslashreplace").splitlines(keepends=True)
    b = actual.decode("utf-8", "backslashreplace").splitlines(keepends=True)
    lines = []
    for line in difflib.unified_diff(a, b, f"{label} (stock)", f"{label} (krait)"):
        lines.append(line if line.endswith("\n") else line + "\n\\ No newline\n")
    return lines


def check_expectations(spec, stats_path, chaos=False):
    """Return a list of failure strings for the `expect` header lines (and the
    `expect-unless-chaos` ones when not in the chaos mode)."""
    expects = spec.expects + ([] if chaos else spec.expects_unless_chaos)
    if not expects:
        return []
    if not os.path.exists(stats_path):
        return [f"stats file not written by krait (KRAIT_STATS_FILE={stats_path}); "
                f"cannot check {len(expects)} expectation(s)"]
    try:
        with open(stats_path, encoding="utf-8") as f:
            stats = json.load(f)
    except (OSError, ValueError) as e:
        return [f"stats file unreadable: {e}"]
    if not isinstance(stats, dict):
        return [f"stats file is not a JSON object: {type(stats).__name__}"]
    problems = []
    known = ", ".join(sorted(stats)) or "(none)"
    for name, op, want in expects:
        if name not in stats:
            # A typo'd or removed counter must never read as a pass.
            problems.append(f"unknown counter {name}; known: {known}")
            continue
        got = stats[name]
        if not isinstance(got, int) or isinstance(got, bool):
            problems.append(f"counter {name} is not an integer: {got!r}")
        elif not COMPARATORS[op](got, want):
            problems.append(f"expectation failed: {name} {op} {want} (got {got})")
    return problems


class Outcome:
    def __init__(self, name, status, reason="", detail=()):
        self.name = name
        self.status = status       # "PASS" | "FAIL" | "SKIP"
        self.reason = reason
        self.detail = list(detail)


def run_test(path, name, opts):
    try:
        spec = parse_header(path)
    except (HeaderError, OSError, UnicodeDecodeError) as e:
        return Outcome(name, "FAIL", f"header: {e}")
    if spec.skip is not None:
        return Outcome(name, "SKIP", spec.skip)
    if spec.hooked_divergence is not None:
        env = dict(opts.krait_env)
        env.update(spec.krait_env)
        all_frames = env.get("KRAIT_INTERP", os.environ.get("KRAIT_INTERP")) == "all"
        chaos = env.get("KRAIT_INTERP_CHAOS", os.environ.get("KRAIT_INTERP_CHAOS", "0")) not in ("", "0")
        if not all_frames or chaos:
            return Outcome(name, "SKIP",
                           "hooked-CPython divergence outside KRAIT_INTERP=all: "
                           + spec.hooked_divergence)
    if spec.chaos_divergence is not None:
        env = dict(opts.krait_env)
        env.update(spec.krait_env)
        if env.get("KRAIT_INTERP_CHAOS", os.environ.get("KRAIT_INTERP_CHAOS", "0")) not in ("", "0"):
            return Outcome(name, "SKIP", "divergence under KRAIT_INTERP_CHAOS: " + spec.chaos_divergence)

    cwd = os.path.dirname(path)
    timeout = spec.timeout if spec.timeout is not None else opts.timeout

    base_env = dict(os.environ)
    base_env.update(COMMON_ENV)
    base_env.update(spec.env)
    stock_env = dict(base_env)

    with tempfile.TemporaryDirectory(prefix="krait-diff-") as tmp:
        # The file does not exist yet, so "krait never wrote it" is detectable.
        stats_path = os.path.join(tmp, "stats.json")
        krait_env = dict(base_env)
        krait_env.update(DEFAULT_KRAIT_ENV)
        krait_env.update(opts.krait_env)
        krait_env.update(spec.krait_env)
        krait_env["KRAIT_STATS_FILE"] = stats_path

        stock = run_program([opts.python, path, *spec.args], cwd, stock_env,
                            spec.stdin, timeout, spec.signal)
        if stock.timed_out:
            return Outcome(name, "FAIL", f"stock python timed out after {timeout:g}s "
                           "(test bug: programs must finish on CPython)")
        if spec.signal and not stock.signal_sent:
            return Outcome(name, "FAIL", "signal was never sent to stock python "
                           "(no READY line on stdout, or it exited first): test bug")
        # Under emulation krait starts and runs ~10x slower: its timeout and signal delays
        # stretch by the same factor, so a signal still lands inside the loop it targets.
        krait_timeout = timeout * opts.timeout_scale
        krait_signal = spec.signal
        if krait_signal is not None:
            signum, delay, settle = krait_signal
            krait_signal = (signum, delay * opts.timeout_scale if delay is not None else None,
                            settle * opts.timeout_scale if settle is not None else None)
        krait = run_program([*opts.emulator, opts.krait, path, *spec.args], cwd, krait_env,
                            spec.stdin, krait_timeout, krait_signal)

        reasons, detail = [], []
        if krait.timed_out:
            reasons.append(f"krait timed out after {krait_timeout:g}s")
        else:
            reps = path_replacements(opts.krait, opts.python)
            for label, s_out, k_out in (("stdout", stock.stdout, krait.stdout),
                                        ("stderr", stock.stderr, krait.stderr)):
                s_out, k_out = normalise(s_out, reps), normalise(k_out, reps)
                if s_out != k_out:
                    reasons.append(f"{label} differs")
                    detail.extend(unified(label, s_out, k_out))
            if stock.returncode != krait.returncode:
                reasons.append(f"exit code {describe_rc(krait.returncode)}, "
                               f"expected {describe_rc(stock.returncode)}")
            if not opts.no_expect:
                env = dict(opts.krait_env)
                env.update(spec.krait_env)
                chaos = env.get("KRAIT_INTERP_CHAOS",
                                os.environ.get("KRAIT_INTERP_CHAOS", "0")) not in ("", "0")
                reasons.extend(check_expectations(spec, stats_path, chaos))

    if len(detail) > MAX_DIFF_LINES:
        dropped = len(detail) - MAX_DIFF_LINES
        detail = detail[:MAX_DIFF_LINES] + [f"... ({dropped} more diff lines)\n"]
    if reasons:
        return Outcome(name, "FAIL", "; ".join(reasons), detail)
    return Outcome(name, "PASS")


def collect(paths):
    """Expand arguments to (path, display name) pairs.  Directories are
    searched recursively in sorted order; anything whose name starts with `_`
    (e.g. `_support/` helper modules) is not a test and is skipped."""
    found = []
    for arg in paths:
        if os.path.isdir(arg):
            root = os.path.abspath(arg)
            for dirpath, dirnames, filenames in os.walk(root):
                dirnames[:] = sorted(d for d in dirnames if not d.startswith(("_", ".")))
                for fn in sorted(filenames):
                    if fn.endswith(".py") and not fn.startswith("_"):
                        full = os.path.join(dirpath, fn)
                        found.append((full, os.path.relpath(full, root)))
        elif os.path.isfile(arg):
            found.append((os.path.abspath(arg), arg))
        else:
            raise SystemExit(f"run_diff: no such file or directory: {arg}")
    return found


def resolve_exe(p, what):
    # Absolute, because the children run with a different cwd.
    if os.sep not in p:
        p = shutil.which(p) or p
    p = os.path.abspath(p)
    if not os.access(p, os.X_OK):
        raise SystemExit(f"run_diff: {what} not executable: {p}")
    return p


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--krait", required=True, help="krait executable")
    ap.add_argument("--python", default=DEFAULT_PYTHON, help="stock interpreter")
    ap.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT,
                    help="per-run timeout in seconds (header `timeout` wins)")
    ap.add_argument("--env", action="append", default=[], metavar="K=V",
                    help="extra env for krait only (repeatable)")
    ap.add_argument("--emulator", default="", metavar="CMD",
                    help="run krait under this program (qemu-aarch64 for a cross build); "
                         "timeouts are multiplied by --timeout-scale")
    ap.add_argument("--timeout-scale", type=float, default=1.0,
                    help="factor for every krait timeout (header or --timeout), for emulation")
    ap.add_argument("-j", "--jobs", type=int, default=1,
                    help="test files to run in parallel")
    ap.add_argument("--no-expect", action="store_true",
                    help="compare outputs but do not check `expect` headers (for a routing "
                         "that makes the counters meaningless, e.g. the chaos mode, which hands "
                         "frames to CPython before their loops get hot)")
    ap.add_argument("paths", nargs="+", metavar="FILE.py|DIR")
    opts = ap.parse_args(argv)

    opts.krait = resolve_exe(opts.krait, "--krait")
    opts.emulator = [resolve_exe(opts.emulator, "--emulator")] if opts.emulator else []
    opts.python = resolve_exe(opts.python, "--python")
    opts.krait_env = {}
    for item in opts.env:
        k, sep, v = item.partition("=")
        if not sep or not k:
            ap.error(f"--env wants K=V, got {item!r}")
        opts.krait_env[k] = v

    # A runner started from a non-interactive shell with `&` inherits SIGINT
    # as ignored, and children would too; CPython then installs no
    # KeyboardInterrupt handler and Ctrl-C tests would hang.  Handlers (unlike
    # SIG_IGN) reset to default across exec, so installing one here fixes it.
    if signal.getsignal(signal.SIGINT) == signal.SIG_IGN:
        signal.signal(signal.SIGINT, signal.default_int_handler)

    tests = collect(opts.paths)
    counts = {"PASS": 0, "FAIL": 0, "SKIP": 0}
    with concurrent.futures.ThreadPoolExecutor(max(1, opts.jobs)) as pool:
        # map() yields in submission order, so output order is stable even
        # when run in parallel.
        for out in pool.map(lambda t: run_test(t[0], t[1], opts), tests):
            counts[out.status] += 1
            if out.status == "PASS":
                print(f"PASS {out.name}")
            elif out.status == "SKIP":
                print(f"SKIP {out.name}: {out.reason}")
            else:
                print(f"FAIL {out.name}: {out.reason}")
                for line in out.detail:
                    sys.stdout.write("    " + line)
            sys.stdout.flush()

    summary = f"{counts['PASS']} passed, {counts['FAIL']} failed"
    if counts["SKIP"]:
        summary += f", {counts['SKIP']} skipped"
    print(summary)
    return 1 if counts["FAIL"] else 0


if __name__ == "__main__":
    sys.exit(main())
