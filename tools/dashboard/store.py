"""The history directory: reading run files (or Google Benchmark JSON),
rejecting bad ones with a message naming the file and the problem, and
appending runs so that a crash or a full disk never leaves a half-written
file where readers look.

Layout: one file per run, <date>-<commit>-<digest>.json, where digest is a
hash of the run's content. Readers take only names that end in .json and do
not start with a dot; writers write a dot-named temporary file in the same
directory and rename it into place (rename is atomic within a filesystem).
"""

import hashlib
import json
import os
import tempfile
from pathlib import Path

from . import gbench
from .runs import Run
from .schema import RunFileError, parse_date, validate_run


def read_json(path):
    """Parsed JSON of a file, or RunFileError saying why it is not JSON."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as e:
        raise RunFileError(path, "cannot read: %s" % (e.strerror or e))
    if not raw.strip():
        raise RunFileError(path, "empty file")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        raise RunFileError(path, "not UTF-8 text (byte %d): not a JSON run file" % e.start)
    try:
        return json.loads(text)
    except json.JSONDecodeError as e:
        hint = " (truncated? a half-written file ends like this)" if e.pos >= len(text.rstrip()) else ""
        raise RunFileError(path, "not valid JSON: %s at line %d column %d%s"
                           % (e.msg, e.lineno, e.colno, hint))


def load_run_file(path, interp=None, commit=None, dirty=None):
    """(run dict, True if converted from Google Benchmark JSON).

    interp/commit/dirty only matter for Google Benchmark files, which do not
    say which build they measured (see gbench.to_run).
    """
    data = read_json(path)
    converted = False
    if isinstance(data, dict) and "schema" not in data and gbench.looks_like_gbench(data):
        problems = gbench.problems(data)
        if problems:
            raise RunFileError(path, ["Google Benchmark JSON, but " + p for p in problems])
        data = gbench.to_run(data, interp=interp, commit=commit, dirty=dirty)
        converted = True
    elif isinstance(data, dict) and "schema" not in data:
        keys = ", ".join(sorted(data)[:8]) or "none"
        raise RunFileError(path, "foreign JSON: neither a Krait run file (no \"schema\" field) "
                                 "nor Google Benchmark output (no \"context\" and "
                                 "\"benchmarks\"); top-level keys: %s" % keys)
    problems = validate_run(data)
    if problems:
        raise RunFileError(path, problems)
    return data, converted


def digest(run):
    """Content hash, independent of key order and indentation."""
    canon = json.dumps(run, sort_keys=True, separators=(",", ":"), ensure_ascii=True)
    return hashlib.sha256(canon.encode()).hexdigest()


def file_name(run):
    date = parse_date(run["date"]).strftime("%Y%m%d-%H%M%S")
    commit = ((run.get("git") or {}).get("commit") or "nogit")[:10]
    return "%s-%s-%s.json" % (date, commit, digest(run)[:8])


def write_atomic(path, text):
    """Write text to path so that readers see the old state or the whole new
    file, never a part: temporary file in the same directory (same
    filesystem, so the rename cannot degrade to a copy), fsync, rename."""
    path = Path(path)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix="." + path.name + ".", suffix=".tmp")
    try:
        # mkstemp makes the file private (0600); the history is meant to be
        # shared like any other file the user creates.
        os.fchmod(fd, 0o666 & ~_umask())
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
    # Persist the rename itself, or a power loss could forget the new name.
    try:
        dfd = os.open(path.parent, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(dfd)
    except OSError:
        pass
    finally:
        os.close(dfd)


def _umask():
    mask = os.umask(0)
    os.umask(mask)
    return mask


def append(history_dir, run):
    """Add a validated run to the history. Returns (path, added); added is
    False when the same run is already there (appending twice is harmless)."""
    history = Path(history_dir)
    history.mkdir(parents=True, exist_ok=True)
    name = file_name(run)
    target = history / name
    suffix = name.rsplit("-", 1)[1]
    for existing in history.glob("*-" + suffix):
        return existing, False
    write_atomic(target, json.dumps(run, indent=1) + "\n")
    return target, True


def history_files(history_dir):
    return sorted(p for p in Path(history_dir).glob("*.json") if not p.name.startswith("."))


def load_history(history_dir):
    """(runs sorted by date, RunFileErrors of files that could not be used)."""
    runs, errors = [], []
    history = Path(history_dir)
    if not history.is_dir():
        raise RunFileError(history, "not a directory")
    for path in history_files(history):
        try:
            data, _ = load_run_file(path)
        except RunFileError as e:
            errors.append(e)
            continue
        runs.append(Run(data, path))
    runs.sort(key=lambda r: (r.date, r.name))
    return runs, errors
