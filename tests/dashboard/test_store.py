"""The history store: round trips, atomic writes, and rejection messages
that name the file and the problem (library and bench_history.py)."""

import copy
import json
import os
from unittest import mock

import helpers
from helpers import REAL_EXPERIMENT, TempDirTest, load_json, run_tool
from dashboard import store
from dashboard.schema import RunFileError, validate_run

REAL_RUN = REAL_EXPERIMENT / "exp-good-1.json"


class RoundTrip(TempDirTest):
    def test_append_and_load(self):
        run = load_json(REAL_RUN)
        path, added = store.append(self.tmp / "h", run)
        self.assertTrue(added)
        self.assertRegex(path.name, r"^\d{8}-\d{6}-[0-9a-f]{10}-[0-9a-f]{8}\.json$")
        runs, errors = store.load_history(self.tmp / "h")
        self.assertEqual(errors, [])
        self.assertEqual(len(runs), 1)
        self.assertEqual(runs[0].data, run)
        self.assertEqual(runs[0].commit, run["git"]["commit"])
        self.assertEqual(runs[0].baseline, "python3.11")

    def test_append_twice_is_harmless(self):
        run = load_json(REAL_RUN)
        first, _ = store.append(self.tmp, run)
        again, added = store.append(self.tmp, copy.deepcopy(run))
        self.assertFalse(added)
        self.assertEqual(first, again)
        self.assertEqual(len(store.history_files(self.tmp)), 1)

    def test_runs_sorted_by_date(self):
        for name in ("exp-slow-1.json", "exp-good-2.json", "exp-good-1.json"):
            store.append(self.tmp, load_json(REAL_EXPERIMENT / name))
        runs, _ = store.load_history(self.tmp)
        dates = [r.date for r in runs]
        self.assertEqual(dates, sorted(dates))

    def test_file_is_readable_like_any_other(self):
        path, _ = store.append(self.tmp, load_json(REAL_RUN))
        mask = os.umask(0)
        os.umask(mask)
        self.assertEqual(os.stat(path).st_mode & 0o777, 0o666 & ~mask)


class AtomicWrites(TempDirTest):
    def test_failed_rename_leaves_nothing_behind(self):
        with mock.patch("dashboard.store.os.replace", side_effect=OSError("disk full")):
            with self.assertRaises(OSError):
                store.append(self.tmp, load_json(REAL_RUN))
        self.assertEqual(list(self.tmp.iterdir()), [])

    def test_failure_while_writing_leaves_nothing_behind(self):
        real_fsync = os.fsync
        calls = []

        def failing_fsync(fd):
            calls.append(fd)
            raise OSError("I/O error")
        with mock.patch("dashboard.store.os.fsync", side_effect=failing_fsync):
            with self.assertRaises(OSError):
                store.write_atomic(self.tmp / "x.json", '{"half": ')
        self.assertTrue(calls)
        self.assertEqual(list(self.tmp.iterdir()), [])
        self.assertIs(os.fsync, real_fsync)

    def test_existing_file_replaced_whole(self):
        target = self.tmp / "page.html"
        target.write_text("old")
        store.write_atomic(target, "new content")
        self.assertEqual(target.read_text(), "new content")
        self.assertEqual([p.name for p in self.tmp.iterdir()], ["page.html"])

    def test_readers_skip_temporary_files(self):
        store.append(self.tmp, load_json(REAL_RUN))
        # What a writer killed mid-write leaves: a dot-named partial file.
        (self.tmp / ".20261125-000000-abc.json.k2j3.tmp").write_text('{"schema": 1, "da')
        runs, errors = store.load_history(self.tmp)
        self.assertEqual((len(runs), errors), (1, []))


class Rejections(TempDirTest):
    def assert_rejected(self, path, *fragments):
        with self.assertRaises(RunFileError) as cm:
            store.load_run_file(path)
        text = str(cm.exception)
        self.assertIn(str(path), text)
        for f in fragments:
            self.assertIn(f, text)
        return text

    def test_empty_file(self):
        p = self.tmp / "empty.json"
        p.write_text("")
        self.assert_rejected(p, "empty file")

    def test_truncated_file(self):
        text = REAL_RUN.read_text()
        p = self.tmp / "half.json"
        p.write_text(text[: len(text) // 2])
        self.assert_rejected(p, "not valid JSON", "line", "truncated")

    def test_binary_file(self):
        p = self.tmp / "binary.json"
        p.write_bytes(b"\x89PNG\r\n\x1a\n\xff\xfe")
        self.assert_rejected(p, "not UTF-8")

    def test_foreign_json(self):
        p = self.write_json("package.json", {"name": "x", "version": "1.0"})
        self.assert_rejected(p, "foreign JSON", "name, version")

    def test_not_an_object(self):
        p = self.write_json("list.json", [1, 2, 3])
        self.assert_rejected(p, "top level")

    def test_unsupported_schema(self):
        run = load_json(REAL_RUN)
        run["schema"] = 2
        self.assert_rejected(self.write_json("s2.json", run), "schema", "not supported")

    def test_missing_field(self):
        run = load_json(REAL_RUN)
        del run["results"]
        self.assert_rejected(self.write_json("nores.json", run), "results: missing")

    def test_bad_sample(self):
        run = load_json(REAL_RUN)
        run["results"]["fib"]["krait"]["times"][1] = -0.5
        self.assert_rejected(self.write_json("neg.json", run), "results.fib.krait.times[1]",
                             "positive number", "-0.5")

    def test_string_sample(self):
        run = load_json(REAL_RUN)
        run["results"]["nbody"]["python3.11"]["times"][0] = "1.2"
        self.assert_rejected(self.write_json("str.json", run),
                             "results.nbody.python3.11.times[0]", "the string '1.2'")

    def test_unknown_interpreter_and_baseline(self):
        run = load_json(REAL_RUN)
        run["settings"]["baseline"] = "cpython"
        run["results"]["fib"]["ghost"] = {"times": [1.0], "failed": False}
        text = self.assert_rejected(self.write_json("names.json", run),
                                    "settings.baseline", "'cpython' is not among",
                                    "results.fib.ghost", "not listed")
        self.assertEqual(text.count(str(self.tmp / "names.json")), 2)

    def test_bad_date_and_commit(self):
        run = load_json(REAL_RUN)
        run["date"] = "yesterday"
        run["git"]["commit"] = "not-a-hash"
        self.assert_rejected(self.write_json("meta.json", run), "date: not an ISO-8601",
                             "git.commit")

    def test_failed_cell_without_samples_is_fine(self):
        run = load_json(REAL_RUN)
        run["results"]["fib"]["krait"] = {"times": [], "failed": True, "error": "exit status 1"}
        self.assertEqual(validate_run(run), [])

    def test_cell_lists_must_match(self):
        run = load_json(REAL_RUN)
        run["results"]["fib"]["krait"]["rss_kib"] = [1]
        self.assert_rejected(self.write_json("rss.json", run), "rss_kib", "has 1 entries")

    def test_bad_files_in_history_are_reported_not_fatal(self):
        store.append(self.tmp, load_json(REAL_RUN))
        (self.tmp / "zzz-broken.json").write_text("{")
        runs, errors = store.load_history(self.tmp)
        self.assertEqual(len(runs), 1)
        self.assertEqual(len(errors), 1)
        self.assertIn("zzz-broken.json", str(errors[0]))


class HistoryCommand(TempDirTest):
    def test_append_good_and_bad(self):
        bad = self.write_json("foreign.json", {"hello": "world"})
        code, out, err = run_tool("bench_history.py", "append", "--history", self.tmp / "h",
                                  REAL_RUN, bad)
        self.assertEqual(code, 1)
        self.assertIn("added %s" % REAL_RUN, out)
        self.assertIn("rejected: %s: foreign JSON" % bad, err)
        self.assertEqual(len(store.history_files(self.tmp / "h")), 1)

    def test_append_again_reports_existing(self):
        run_tool("bench_history.py", "append", "--history", self.tmp, REAL_RUN)
        code, out, _ = run_tool("bench_history.py", "append", "--history", self.tmp, REAL_RUN)
        self.assertEqual(code, 0)
        self.assertIn("already there", out)

    def test_check_and_list(self):
        run_tool("bench_history.py", "append", "--history", self.tmp, REAL_RUN)
        code, out, _ = run_tool("bench_history.py", "check", "--history", self.tmp)
        self.assertEqual(code, 0)
        self.assertIn("1 run file(s) valid, 0 bad", out)
        (self.tmp / "bad.json").write_text("[]")
        code, out, err = run_tool("bench_history.py", "check", "--history", self.tmp)
        self.assertEqual(code, 1)
        self.assertIn("bad.json", err)
        code, out, _ = run_tool("bench_history.py", "list", "--history", self.tmp)
        self.assertIn("python3.11, krait", out)

    def test_fixture_history_is_valid(self):
        code, out, err = run_tool("bench_history.py", "check", "--history",
                                  helpers.FIXTURE_HISTORY)
        self.assertEqual(code, 0, err)

    def test_stored_file_is_json_that_bench_compare_reads(self):
        path, _ = store.append(self.tmp, load_json(REAL_RUN))
        data = json.loads(path.read_text())
        self.assertEqual(data["schema"], 1)
        code, out, _ = run_tool("bench_compare.py", path, path)
        self.assertEqual(code, 0, out)


if __name__ == "__main__":
    import unittest
    unittest.main()
