#!/usr/bin/python3.11
"""Same traces on both architectures: runs each differential program under a native krait and
under a cross-built one (through an emulator, e.g. qemu-aarch64) exactly as run_diff.py runs
krait (low thresholds, the header's env), and compares the trace counters of krait.stats()
(recordings, compiled traces, side traces, aborts by reason and opcode, IR instructions).

A counter that differs between two native runs of the same program depends on timing (threads,
signals) and is reported but not compared. Any other difference fails, unless the program's
header explains it with `# krait: arch-difference COUNTER reason` (a documented architecture
limit; none is needed at the time of writing). Stdlib only; run with /usr/bin/python3.11.
"""

import argparse
import concurrent.futures
import json
import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import run_diff  # noqa: E402

# Counters that describe which traces exist; run-time counters (entries, exits, code bytes,
# compile time) legitimately differ between machines.
TRACE_COUNTERS = ("hot_loops", "traces_recorded", "traces_compiled", "traces_aborted",
                  "traces_blacklisted", "traces_retired", "side_traces", "side_traces_patched",
                  "side_traces_linked", "ir_ins")
ARCH_DIFF_PREFIX = "# krait: arch-difference "


def trace_counters(stats):
    return {k: v for k, v in stats.items()
            if k in TRACE_COUNTERS or (k.startswith("abort_") and v)}


def arch_differences(path):
    """COUNTER -> reason from the header's `arch-difference` lines (run_diff ignores them)."""
    allowed = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith(ARCH_DIFF_PREFIX):
                name, _, why = line[len(ARCH_DIFF_PREFIX):].strip().partition(" ")
                allowed[name] = why
            elif line.strip() and not line.startswith("#"):
                break
    return allowed


def run_stats(argv, path, spec, timeout, sig):
    env = dict(os.environ)
    env.update(run_diff.COMMON_ENV)
    env.update(spec.env)
    env.update(run_diff.DEFAULT_KRAIT_ENV)
    env.update(spec.krait_env)
    with tempfile.TemporaryDirectory(prefix="krait-arch-") as tmp:
        env["KRAIT_STATS_FILE"] = os.path.join(tmp, "stats.json")
        res = run_diff.run_program([*argv, path, *spec.args], os.path.dirname(path), env,
                                   spec.stdin, timeout, sig)
        if res.timed_out:
            return None, f"timed out after {timeout:g}s"
        try:
            with open(env["KRAIT_STATS_FILE"], encoding="utf-8") as f:
                return trace_counters(json.load(f)), None
        except (OSError, ValueError) as e:
            return None, f"no stats ({e}); exit {res.returncode}"


def compare(path, name, opts):
    spec = run_diff.parse_header(path)
    if spec.skip is not None:
        return name, "SKIP", [spec.skip]
    timeout = spec.timeout or run_diff.DEFAULT_TIMEOUT
    sig = spec.signal
    scaled = None
    if sig is not None:
        signum, delay, settle = sig
        scaled = (signum, delay * opts.scale if delay is not None else None,
                  settle * opts.scale if settle is not None else None)
    native1, e1 = run_stats([opts.native], path, spec, timeout, sig)
    native2, e2 = run_stats([opts.native], path, spec, timeout, sig)
    cross, e3 = run_stats([*opts.emulator, opts.cross], path, spec, timeout * opts.scale, scaled)
    if e1 and e2 and e3 and all(e.startswith("no stats") for e in (e1, e2, e3)):
        return name, "SKIP", ["writes no stats on either build (e.g. os._exit)"]
    if e1 or e2 or e3:
        return name, "FAIL", [f"native: {e1 or e2}" if e1 or e2 else f"cross: {e3}"]
    allowed = arch_differences(path)
    notes, bad = [], []
    for k in sorted(set(native1) | set(native2) | set(cross)):
        a, b, c = native1.get(k, 0), native2.get(k, 0), cross.get(k, 0)
        if a != b:
            notes.append(f"{k}: timing-dependent (native {a}, {b}; cross {c})")
        elif a != c:
            if k in allowed:
                notes.append(f"{k}: native {a}, cross {c} (architecture: {allowed[k]})")
            else:
                bad.append(f"{k}: native {a}, cross {c}")
    summary = (f"traces_compiled={cross.get('traces_compiled', 0)} "
               f"side_traces={cross.get('side_traces', 0)} "
               f"traces_aborted={cross.get('traces_aborted', 0)}")
    if bad:
        return name, "FAIL", bad + notes
    return name, "PASS", [summary] + notes


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--native", required=True, help="native krait")
    ap.add_argument("--cross", required=True, help="cross-built krait")
    ap.add_argument("--emulator", default="", help="runs the cross-built krait (qemu-aarch64)")
    ap.add_argument("--scale", type=float, default=12.0, help="timeout factor for the cross run")
    ap.add_argument("-j", "--jobs", type=int, default=1)
    ap.add_argument("paths", nargs="+")
    opts = ap.parse_args()
    opts.native = run_diff.resolve_exe(opts.native, "--native")
    opts.cross = run_diff.resolve_exe(opts.cross, "--cross")
    opts.emulator = [run_diff.resolve_exe(opts.emulator, "--emulator")] if opts.emulator else []
    tests = run_diff.collect(opts.paths)
    failed = skipped = 0
    with concurrent.futures.ThreadPoolExecutor(max(1, opts.jobs)) as pool:
        for name, status, lines in pool.map(lambda t: compare(t[0], t[1], opts), tests):
            failed += status == "FAIL"
            skipped += status == "SKIP"
            print(f"{status} {name}: {lines[0] if lines else ''}")
            for line in lines[1:]:
                print(f"    {line}")
            sys.stdout.flush()
    print(f"{len(tests) - failed - skipped} same, {failed} different, {skipped} skipped")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
