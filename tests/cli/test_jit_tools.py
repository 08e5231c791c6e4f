"""Tests of the tracing JIT's tools and memory protection, against a real krait binary:
the perf map (all three spellings that enable it), `perf record`/`perf report` attributing a
hot loop's samples to its trace symbol, and W^X: while traces exist, their code pages are
read+execute only and no mapping of the process is writable and executable at once."""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import textwrap
import unittest

KRAIT = None

HOT = textwrap.dedent("""
    def spin(n):
        s = 0
        for i in range(n):
            s = (s + i * 7) % 1000003
        return s
    print(spin(int(__import__("sys").argv[1])))
""")

# Runs a compiled loop, then inspects its own process: which mapping holds each trace listed
# in the perf map, and whether any mapping is writable and executable.
SELF_CHECK = textwrap.dedent("""
    import json, os
    def spin(n):
        s = 0
        for i in range(n):
            s += i & 15
        return s
    spin(100000)
    maps = []
    with open("/proc/self/maps") as f:
        for line in f:
            addr, perms = line.split()[:2]
            lo, hi = (int(x, 16) for x in addr.split("-"))
            maps.append((lo, hi, perms))
    traces = []
    with open("/tmp/perf-%d.map" % os.getpid()) as f:
        for line in f:
            start, size, name = line.split(" ", 2)
            start = int(start, 16)
            perms = [p for lo, hi, p in maps if lo <= start < hi]
            traces.append((name.strip(), perms[0] if perms else None))
    print(json.dumps({"traces": traces,
                      "wx": [p for lo, hi, p in maps if "w" in p and "x" in p]}))
""")


def run(args, env=None, timeout=120):
    e = dict(os.environ)
    e.update(env or {})
    return subprocess.run(args, capture_output=True, text=True, env=e, timeout=timeout)


class PerfMapAndWX(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp()
        self.script = os.path.join(self.tmp, "check.py")
        with open(self.script, "w") as f:
            f.write(SELF_CHECK)

    def tearDown(self):
        shutil.rmtree(self.tmp)

    def check_spelling(self, args, env):
        p = run([KRAIT] + args + [self.script], env=env)
        self.assertEqual(p.returncode, 0, p.stderr)
        got = json.loads(p.stdout)
        self.assertTrue(got["traces"], "no trace in the perf map")
        names = [name for name, perms in got["traces"]]
        # spin()'s loop is there by name (the checking code's own loops may be traced too).
        self.assertTrue(any(n.startswith("py::spin:") and "check.py:5" in n and "[trace " in n
                            for n in names), names)
        for name, perms in got["traces"]:
            self.assertTrue(name.startswith("py::") and "[trace " in name, name)
            # A trace of the checking code itself may postdate its read of /proc/self/maps.
            if perms is None and not name.startswith("py::spin:"):
                continue
            self.assertEqual(perms, "r-xp", f"trace code of {name} mapped {perms}")
        self.assertEqual(got["wx"], [], "writable and executable mappings exist")

    def test_env_krait(self):
        self.check_spelling([], {"KRAIT_PERF_MAP": "1"})

    def test_x_perf(self):
        self.check_spelling(["-X", "perf"], {})

    def test_pythonperfsupport(self):
        self.check_spelling([], {"PYTHONPERFSUPPORT": "1"})

    def test_stale_map_replaced_and_forked_child_writes_its_own(self):
        # A map left by an earlier process with the same pid loses its lines when this
        # process writes its first trace; a forked child's traces go to the child's own map.
        prog = textwrap.dedent("""\
            import os
            own = "/tmp/perf-%d.map" % os.getpid()
            with open(own, "w") as f:
                f.write("deadbeef 10 py::stale_symbol [trace 99]\\n")
            def parent_loop(n):
                s = 0
                for i in range(n):
                    s += i & 7
                return s
            def child_loop(n):
                s = 0
                for i in range(n):
                    s += i | 1
                return s
            parent_loop(20000)
            pid = os.fork()
            if pid == 0:
                child_loop(20000)
                os._exit(0)
            os.waitpid(pid, 0)
            with open(own) as f:
                mine = f.read()
            with open("/tmp/perf-%d.map" % pid) as f:
                theirs = f.read()
            os.unlink("/tmp/perf-%d.map" % pid)
            print("stale_symbol" in mine, "parent_loop" in mine, "child_loop" in mine,
                  "child_loop" in theirs, "parent_loop" in theirs)
            """)
        p = run([KRAIT, "-X", "perf", "-c", prog])
        self.assertEqual(p.stdout, "False True False True False\n", p.stderr)

    def test_off_by_default(self):
        p = run([KRAIT, "-c", "import os; print(os.getpid())"])
        self.assertFalse(os.path.exists("/tmp/perf-%s.map" % p.stdout.strip()))


TRACES = textwrap.dedent("""
    import json, krait
    def alternate(n):
        even = odd = 0
        for i in range(n):
            if i % 3 == 0:
                even += i
            else:
                odd -= i
        return even, odd
    alternate(20000)
    print(json.dumps(krait.traces()))
""")


class TracesApi(unittest.TestCase):
    def test_root_and_side_trace_listed(self):
        p = run([KRAIT, "-c", TRACES])
        self.assertEqual(p.returncode, 0, p.stderr)
        traces = json.loads(p.stdout)
        roots = [t for t in traces if t["kind"] == "root"]
        sides = [t for t in traces if t["kind"] == "side"]
        self.assertTrue(roots and sides, traces)
        root = roots[0]
        self.assertTrue(root["where"].startswith("alternate:<string>:"), root["where"])
        self.assertGreater(root["ir_instructions"], 0)
        self.assertGreater(root["code_bytes"], 0)
        self.assertIn("---- LOOP ----", root["ir"])
        side = sides[0]
        self.assertEqual(side["parent"], root["id"])
        self.assertIn(str(side["parent_exit"]), [str(k) for k in root["exits_by_snapshot"]])
        self.assertTrue(side["patched"] and side["linked"], side)


class PerfRecord(unittest.TestCase):
    def test_samples_land_in_the_trace(self):
        perf = shutil.which("perf")
        if perf is None:
            self.skipTest("perf is not installed (Debian package linux-perf)")
        tmp = tempfile.mkdtemp()
        try:
            script = os.path.join(tmp, "hot.py")
            with open(script, "w") as f:
                f.write(HOT)
            data = os.path.join(tmp, "perf.data")
            # Long enough (~0.5 s in the trace) that the sanitizer build's start-up and leak
            # scan at exit (~0.2 s, not in the trace) stay well below half of the samples.
            p = run([perf, "record", "-e", "cpu-clock", "-o", data, KRAIT, "-X", "perf", script,
                     "100000000"])
            if p.returncode != 0 and "perf_event_paranoid" in p.stderr:
                self.skipTest("perf may not sample here: " + p.stderr.strip().splitlines()[-1])
            self.assertEqual(p.returncode, 0, p.stderr)
            rep = run([perf, "report", "-i", data, "--stdio", "--sort", "sym"])
            self.assertEqual(rep.returncode, 0, rep.stderr)
            rows = [l.split(None, 2) for l in rep.stdout.splitlines()
                    if l.strip() and not l.startswith("#")]
            top = rows[0]
            share = float(top[0].rstrip("%"))
            self.assertIn("py::spin:", top[2], rep.stdout[:2000])
            self.assertIn("[trace ", top[2])
            self.assertGreater(share, 50.0, rep.stdout[:2000])
        finally:
            shutil.rmtree(tmp)


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--krait", required=True)
    args, rest = ap.parse_known_args()
    KRAIT = os.path.abspath(args.krait)
    unittest.main(argv=[sys.argv[0]] + rest, verbosity=2)
