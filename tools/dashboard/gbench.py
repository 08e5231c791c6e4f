"""Conversion between Google Benchmark's JSON (--benchmark_format=json or
--benchmark_out) and Krait run files, so the C++ micro-benchmarks of
bench/micro/ sit in the same history as the Python programs.

Google Benchmark -> run: every "iteration" entry (one per repetition) becomes
one sample of its benchmark, real time per iteration converted to seconds;
aggregate entries (mean, median, stddev, ...) are dropped because the history
keeps samples and recomputes statistics itself.

run -> Google Benchmark: every sample becomes one iteration entry, followed by
median/mean/stddev aggregates as Google Benchmark writes them with
--benchmark_repetitions, so its own compare.py can read the file. Entries
carry `krait_program`/`krait_interp` (and, on the first repetition,
`krait_cell`: the cell's other fields and which sample lists it had), and the
context carries `krait_run` (the run's metadata), so converting back restores
the run exactly. Cells without a time unit (bench_run's programs) are written
in seconds, which keeps their samples bit-exact through the round trip.
"""

import os
import statistics

from .schema import SCHEMA_VERSION, TIME_UNITS, is_number, parse_date

SAMPLE_LISTS = ("times", "cpu_times", "iterations", "rss_kib")


def looks_like_gbench(data):
    return isinstance(data, dict) and "context" in data and "benchmarks" in data


def problems(data):
    """Structural problems of Google Benchmark JSON, [] when usable."""
    out = []
    if not isinstance(data.get("context"), dict):
        out.append("context: expected an object")
    benches = data.get("benchmarks")
    if not isinstance(benches, list):
        return out + ["benchmarks: expected a list"]
    if not benches:
        out.append("benchmarks: empty")
    for i, e in enumerate(benches):
        where = "benchmarks[%d]" % i
        if not isinstance(e, dict):
            out.append(where + ": expected an object")
            continue
        if not isinstance(e.get("name"), str):
            out.append(where + ".name: missing")
        if e.get("error_occurred"):
            continue
        if e.get("run_type", "iteration") != "iteration":
            continue
        if not is_number(e.get("real_time")) or e["real_time"] <= 0:
            out.append(where + ".real_time: expected a positive number")
        if e.get("time_unit", "ns") not in TIME_UNITS:
            out.append(where + ".time_unit: expected one of " + ", ".join(TIME_UNITS))
    return out


def to_run(data, interp=None, commit=None, dirty=None):
    """A run dict (schema 1) from Google Benchmark JSON.

    interp names the "interpreter" column (default: the executable's base
    name); commit/dirty describe the build measured, since Google Benchmark
    does not record it. Both are ignored for files this module wrote, which
    carry their own metadata.
    """
    context = data["context"]
    meta = context.get("krait_run")
    default_interp = interp or os.path.basename(context.get("executable") or "") or "gbench"
    results = {}
    order = []
    for e in data["benchmarks"]:
        if e.get("run_type", "iteration") != "iteration" and not e.get("error_occurred"):
            continue
        bench = e.get("krait_program") or e.get("run_name") or e["name"]
        name = e.get("krait_interp") or default_interp
        if name not in order:
            order.append(name)
        row = results.setdefault(bench, {})
        if name not in row:
            row[name] = _new_cell(e)
        cell = row[name]
        if e.get("error_occurred"):
            cell["failed"] = True
            cell["error"] = e.get("error_message") or "error_occurred"
            continue
        scale = TIME_UNITS[e.get("time_unit", "ns")]
        cell["times"].append(e["real_time"] * scale)
        if "cpu_times" in cell:
            cell["cpu_times"].append(e.get("cpu_time", e["real_time"]) * scale)
        if "iterations" in cell:
            cell["iterations"].append(e.get("iterations", 1))
        if "rss_kib" in cell:
            cell["rss_kib"].append(e.get("krait_rss_kib"))

    if meta:
        run = dict(meta)
        run["results"] = results
        return run

    date = context.get("date")
    try:
        date = parse_date(date).isoformat(timespec="seconds")
    except (TypeError, ValueError):
        date = None
    reps = max((len(c["times"]) for row in results.values() for c in row.values()), default=1)
    return {
        "schema": SCHEMA_VERSION,
        "source": "google-benchmark",
        "date": date,
        "argv": [context.get("executable")],
        "machine": {
            "uname": {"node": context.get("host_name")},
            "cpu_model": None,
            "nproc": context.get("num_cpus"),
            "mhz_per_cpu": context.get("mhz_per_cpu"),
            "loadavg_start": context.get("load_avg"),
            "cpu_scaling_enabled": context.get("cpu_scaling_enabled"),
        },
        "git": {"commit": commit, "dirty": dirty},
        "settings": {"rounds": max(reps, 1), "baseline": None},
        "interpreters": [{"name": n, "command": context.get("executable"),
                          "argv": [context.get("executable")], "env": {},
                          "path": context.get("executable"),
                          "version": "Google Benchmark, library build %s"
                                     % context.get("library_build_type", "?"),
                          "implementation": "google-benchmark"} for n in order],
        "results": results,
        "gbench_context": context,
    }


def _new_cell(entry):
    """The cell an entry starts: restored from `krait_cell` when this module
    wrote the file, else a Google Benchmark cell with CPU times and
    iteration counts."""
    saved = entry.get("krait_cell")
    if saved is not None:
        cell = dict(saved["fields"])
        for key in saved["samples"]:
            cell[key] = []
        return cell
    return {"times": [], "cpu_times": [], "iterations": [], "failed": False, "error": None,
            "time_unit": entry.get("time_unit", "ns")}


def from_run(run):
    """Google Benchmark JSON for a run dict (schema 1)."""
    meta = {k: v for k, v in run.items() if k != "results"}
    context = dict(run.get("gbench_context") or {})
    machine = run.get("machine") or {}
    node = (machine.get("uname") or {}).get("node")
    context.setdefault("date", run["date"])
    context.setdefault("host_name", node)
    context.setdefault("executable", (run.get("argv") or ["tools/bench_run.py"])[0])
    context.setdefault("num_cpus", machine.get("nproc"))
    context.setdefault("mhz_per_cpu", 0)
    context.setdefault("cpu_scaling_enabled", False)
    context.setdefault("caches", [])
    context.setdefault("load_avg", machine.get("loadavg_start") or [])
    context.setdefault("library_build_type", "release")
    context.setdefault("json_schema_version", 1)
    context["krait_run"] = meta
    entries = []
    names = [i["name"] for i in run["interpreters"]]
    several = len(names) > 1
    for family, (bench, row) in enumerate(run["results"].items()):
        for instance, (interp, cell) in enumerate(row.items()):
            name = "%s/%s" % (bench, interp) if several else bench
            entries.extend(_cell_entries(name, family, instance, bench, interp, cell))
    return {"context": context, "benchmarks": entries}


def _cell_entries(name, family, instance, bench, interp, cell):
    unit = cell.get("time_unit") or "s"
    scale = TIME_UNITS[unit]
    base = {"name": name, "family_index": family, "per_family_instance_index": instance,
            "run_name": name, "threads": 1, "krait_program": bench, "krait_interp": interp}
    times = cell["times"]
    n = len(times)
    # bench_run measures wall time only; Google Benchmark readers need a
    # cpu_time, so they get the wall time (krait_cell records that it was absent).
    cpu = cell.get("cpu_times") or times
    iters = cell.get("iterations") or [1] * n
    rss = cell.get("rss_kib")
    saved = {"fields": {k: v for k, v in cell.items() if k not in SAMPLE_LISTS},
             "samples": [k for k in SAMPLE_LISTS if isinstance(cell.get(k), list)]}
    out = []
    for i, t in enumerate(times):
        e = dict(base, run_type="iteration", repetitions=n, repetition_index=i,
                 iterations=iters[i], real_time=t / scale, cpu_time=cpu[i] / scale,
                 time_unit=unit)
        if rss:
            e["krait_rss_kib"] = rss[i]
        out.append(e)
    if cell.get("failed"):
        out.append(dict(base, run_type="iteration", repetitions=n, repetition_index=n,
                        iterations=0, error_occurred=True,
                        error_message=cell.get("error") or "failed", time_unit=unit))
    if out:
        out[0]["krait_cell"] = saved
    if n > 1:
        for agg, f in (("mean", statistics.mean), ("median", statistics.median),
                       ("stddev", statistics.stdev)):
            out.append(dict(base, name="%s_%s" % (name, agg), run_type="aggregate",
                            aggregate_name=agg, repetitions=n, iterations=n,
                            real_time=f(times) / scale, cpu_time=f(cpu) / scale,
                            time_unit=unit))
    return out
