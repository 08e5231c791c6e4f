#!/usr/bin/python3.11
"""Command-line behaviour of `krait` against /usr/bin/python3.11.

Every case runs the same command line under both interpreters and compares stdout, stderr
and the exit code (the interpreter paths normalised to <python>). Krait-only cases check the
option errors (exit 2, a message naming the option), the `krait` module and venvs.
Run: test_cli.py --krait build/release/krait [--python /usr/bin/python3.11]
"""
import argparse
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import textwrap
import unittest

KRAIT = None
PYTHON = "/usr/bin/python3.11"


def run(argv, stdin=None, env=None, cwd=None, timeout=120):
    full_env = dict(os.environ)
    full_env.pop("PYTHONSTARTUP", None)
    full_env.update(env or {})
    p = subprocess.run(argv, input=stdin, capture_output=True, text=True, env=full_env,
                       cwd=cwd, timeout=timeout)
    return p


def normalise(text, exe):
    for path in sorted({exe, os.path.realpath(exe)}, key=len, reverse=True):
        text = text.replace(path, "<python>")
    return text


class SameAsStock(unittest.TestCase):
    """The same arguments give the same output and exit code under both interpreters."""

    def check(self, args, stdin=None, env=None, cwd=None):
        results = []
        for exe in (PYTHON, KRAIT):
            p = run([exe] + args, stdin=stdin, env=env, cwd=cwd)
            results.append((p.returncode, normalise(p.stdout, exe), normalise(p.stderr, exe)))
        self.assertEqual(results[0], results[1], f"args={args!r}")
        return results[0]

    def test_c_and_argv(self):
        rc, out, _ = self.check(["-c", "import sys; print(sys.argv)", "a", "b c", "-x"])
        self.assertIn("'b c'", out)

    def test_m_module(self):
        rc, out, _ = self.check(["-m", "json.tool"], stdin='{"b": [1, 2.5, null], "a": true}')
        self.assertEqual(rc, 0)
        self.assertIn('"a": true', out)

    def test_m_missing_module(self):
        rc, _, err = self.check(["-m", "no_such_module_krait"])
        self.assertEqual(rc, 1)
        self.assertIn("No module named", err)

    def test_stdin_script(self):
        self.check([], stdin="import sys\nprint('from stdin', sys.argv)\n")
        self.check(["-", "x", "y"], stdin="import sys\nprint(sys.argv)\n")

    def test_versions_and_help(self):
        for flag in (["-V"], ["--version"], ["-VV"], ["-h"], ["--help-env"], ["--help-xoptions"]):
            rc, _, _ = self.check(flag)
            self.assertEqual(rc, 0, flag)

    def test_bad_cpython_flag(self):
        rc, _, err = self.check(["-Z"])
        self.assertEqual(rc, 2)
        self.assertIn("Unknown option", err)

    def test_flags_reach_sys_flags(self):
        code = "import sys; print(sys.flags); print(sys.warnoptions, sys._xoptions, __debug__)"
        for flags in ([], ["-E"], ["-I"], ["-s"], ["-S"], ["-B"], ["-O"], ["-OO"], ["-u"], ["-b"],
                      ["-bb"], ["-q"], ["-W", "error"], ["-X", "utf8"], ["-X", "dev"], ["-R"],
                      ["-X", "frozen_modules=off"], ["-X", "warn_default_encoding"]):
            self.check(flags + ["-c", code])

    def test_paths_and_site(self):
        code = ("import sys, site, sysconfig; print(sys.path); print(sys.prefix, sys.base_prefix,"
                " sys.exec_prefix); print(site.getsitepackages(), site.ENABLE_USER_SITE);"
                " print(sysconfig.get_paths()['purelib']); print(sys.platlibdir)")
        self.check(["-c", code])
        self.check(["-I", "-c", code])

    def test_exit_codes(self):
        self.assertEqual(self.check(["-c", "import sys; sys.exit(5)"])[0], 5)
        rc, _, err = self.check(["-c", "import sys; sys.exit('bye')"])
        self.assertEqual((rc, err), (1, "bye\n"))
        self.assertEqual(self.check(["-c", "raise SystemExit(None)"])[0], 0)
        rc, _, err = self.check(["-c", "def f():\n  1/0\nf()"])
        self.assertEqual(rc, 1)
        self.assertIn("ZeroDivisionError: division by zero", err)

    def test_keyboard_interrupt_exit(self):
        rc, _, err = self.check(["-c", "raise KeyboardInterrupt"])
        self.assertEqual(rc, -signal.SIGINT)
        self.assertIn("KeyboardInterrupt", err)

    def test_script_traceback(self):
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "boom.py")
            with open(path, "w") as f:
                f.write("def inner(x):\n    return {}[x]\n\nprint('before')\ninner('k')\n")
            rc, out, err = self.check([path])
            self.assertEqual((rc, out), (1, "before\n"))
            self.assertIn('boom.py", line 2, in inner', err)

    def test_interactive_repl(self):
        rc, out, err = self.check(["-i", "-c", "x = 20"], stdin="print(x + 1)\nx * 2\n")
        self.assertIn("21", out)
        self.assertIn("40", out)
        self.check([], stdin="print('piped to the REPL-less stdin')\n")
        self.check(["-i"], stdin="import sys\nprint(sys.flags.interactive)\n1/0\nprint('after')\n")

    def test_warnings(self):
        self.check(["-W", "always", "-c", "import warnings; warnings.warn('careful')"])

    def test_c_extensions_load(self):
        rc, out, _ = self.check(["-c", "import _ctypes, _sqlite3, _ssl, _decimal, _json, array, "
                                       "_hashlib, zlib, pyexpat, _lzma, _bz2; print('ok')"])
        self.assertEqual((rc, out), (0, "ok\n"))

    def test_cpp_extension_module(self):
        # apt_pkg (python3-apt) is C++ and loads libstdc++.so.6, whose symbols must not bind to
        # the copy linked statically into krait (it exports only CPython's API).
        if run([PYTHON, "-c", "import apt_pkg"]).returncode != 0:
            self.skipTest("python3-apt is not installed")
        rc, out, _ = self.check(["-c", textwrap.dedent("""\
            import apt_pkg
            apt_pkg.init()
            print(apt_pkg.version_compare('1.0-1', '1.0-2') < 0)
            print(apt_pkg.parse_depends('a (>= 1.0), b | c'))
            try:
                apt_pkg.TagFile('/nonexistent/krait')
            except Exception as e:
                print(type(e).__name__)
            """)])
        self.assertEqual(rc, 0)
        self.assertIn("Error", out)


class KraitOnly(unittest.TestCase):
    def test_main_thread_c_stack_guard(self):
        # With the hook installed, Python calls made by CPython's loop recurse in C. On the
        # main thread the hook finds its stack's lowest address from RLIMIT_STACK and the top
        # of the stack mapping (AT_EXECFN), not from /proc/self/maps: with a 1 MiB stack and
        # a raised recursion limit, deep recursion must end in RecursionError, not SIGSEGV.
        import resource
        code = textwrap.dedent("""\
            import sys, krait
            sys.setrecursionlimit(1000000)
            def f(n):
                return f(n - 1) + 1 if n else 0
            try:
                f(500000)
            except RecursionError as e:
                print("RecursionError:", e, krait.stats()["hook_c_stack_limit"] > 0)
            """)
        limit = 1 << 20
        # jit-interp=loops: f has no loop, so CPython's loop runs it (warm routing would run
        # it in Krait's interpreter, which does not recurse in C at all).
        p = subprocess.run([KRAIT, "-X", "jit-interp=loops", "-c", code], capture_output=True,
                           text=True, timeout=120,
                           preexec_fn=lambda: resource.setrlimit(resource.RLIMIT_STACK,
                                                                 (limit, limit)))
        self.assertEqual((p.returncode, p.stdout),
                         (0, "RecursionError: maximum recursion depth exceeded True\n"),
                         p.stderr)

    def test_exports_match_stock(self):
        # Extension modules resolve against the executable: it must export what
        # /usr/bin/python3.11 exports (CPython's API) and nothing of Krait, asmjit or libstdc++.
        nm = shutil.which("nm")
        if not nm:
            self.skipTest("nm (binutils) not found")

        def symbols(exe, which):
            out = subprocess.run([nm, "-D", which, exe], capture_output=True,
                                 text=True, check=True).stdout
            return {line.split()[-1] for line in out.splitlines() if line.strip()}

        ours, stock = symbols(KRAIT, "--defined-only"), symbols(PYTHON, "--defined-only")
        api = lambda names: {n for n in names if n.startswith(("Py", "_Py"))}
        self.assertEqual(api(ours) - api(stock), {"PyInit_krait"})
        # Py_FrozenMain lives in an object of libpython3.11.a that nothing links in.
        self.assertLessEqual(api(stock) - api(ours), {"Py_FrozenMain"})
        # A sanitizer build links libubsan.so, which needs libstdc++.so.6: the linker then
        # exports our static copy of every symbol that library also defines, whatever the
        # dynamic list says.
        if not any(n.startswith("__asan") for n in symbols(KRAIT, "--undefined-only")):
            self.assertEqual([n for n in ours - api(ours) if n not in stock], [])

    def test_sys_executable(self):
        p = run([KRAIT, "-c", "import sys; print(sys.executable); print(sys._base_executable)"])
        self.assertEqual(p.returncode, 0, p.stderr)
        exe, base = p.stdout.split()
        self.assertEqual(os.path.realpath(exe), os.path.realpath(KRAIT))
        self.assertEqual(os.path.realpath(base), os.path.realpath(KRAIT))

    def test_module_api(self):
        p = run([KRAIT, "-c", "import krait; print(krait.enabled()); o = krait.options(); "
                              "print(o['jit'], o['hot_loop']); s = krait.stats(); "
                              "print(s['hook_installed'], s['hook_frames'] > 0)"])
        self.assertEqual(p.stdout, "True\nTrue 56\n1 True\n", p.stderr)
        p = run([KRAIT, "-X", "jit=off", "-X", "jit-hot-loop=7", "-c",
                 "import krait; print(krait.enabled(), krait.options()['hot_loop'], "
                 "krait.stats()['hook_frames'])"])
        self.assertEqual(p.stdout, "False 7 0\n", p.stderr)
        p = run([KRAIT, "-c", "import krait; print(krait.enabled())"], env={"KRAIT_JIT": "0"})
        self.assertEqual(p.stdout, "False\n", p.stderr)

    def test_spec_hits_counted_only_on_request(self):
        # A loop of cached global loads and list subscripts in the interpreter: hits are
        # counted with -X jit-spec-stats (or KRAIT_SPEC_STATS=1) and nowhere else; misses
        # (the first executions, before the caches learn) always.
        prog = textwrap.dedent("""\
            import krait
            G = [1, 2, 3]
            def f():
                t = 0
                for i in range(3000):
                    t += G[i % 3]
                return t
            f()
            s = krait.stats()
            print(f(), s['spec_load_global_hits'], s['spec_binary_subscr_hits'],
                  s['spec_load_global_misses'] > 0, krait.options()['spec_stats'])
            """)
        base = [KRAIT, "-X", "jit-trace=off"]
        p = run(base + ["-c", prog])
        self.assertEqual(p.stdout, "6000 0 0 True False\n", p.stderr)
        for args, env in ((["-X", "jit-spec-stats"], {}), ([], {"KRAIT_SPEC_STATS": "1"})):
            p = run(base + args + ["-c", prog], env=env)
            self.assertEqual(p.returncode, 0, p.stderr)
            total, global_hits, subscr_hits, misses, on = p.stdout.split()
            self.assertEqual((total, misses, on), ("6000", "True", "True"), p.stdout)
            self.assertGreaterEqual(int(global_hits), 2900, p.stdout)
            self.assertGreaterEqual(int(subscr_hits), 2900, p.stdout)

    def test_arenas_reused_and_returned(self):
        # obmalloc's arenas come from Krait's reservations: building and dropping a list of
        # 300,000 floats several times reuses the kept empty arenas, and dropping a structure
        # far larger than the 8 kept ones hands the rest back to the kernel (RSS falls).
        # -X jit-arenas=off leaves CPython's own mmap per arena. PYTHONMALLOC is cleared
        # (sanitizer runs set it to malloc, which never asks for arenas).
        prog = textwrap.dedent("""\
            import krait
            def rss_kib():
                with open('/proc/self/statm') as f:
                    return int(f.read().split()[1]) * 4
            for _ in range(5):
                xs = [i * 0.5 for i in range(300000)]
                del xs
            big = [str(i) for i in range(1000000)]
            peak = rss_kib()
            del big
            after = rss_kib()
            s = krait.stats()
            print(s['arenas_carved'] > 0, s['arenas_reused'] > 20, s['arenas_released'] > 20,
                  peak - after > 40000, krait.options()['arenas'])
            """)
        env = {"PYTHONMALLOC": "", "ASAN_OPTIONS": "detect_leaks=0"}
        p = run([KRAIT, "-c", prog], env=env)
        self.assertEqual(p.stdout, "True True True True True\n", p.stderr)
        p = run([KRAIT, "-X", "jit-arenas=off", "-c", prog], env=env)
        self.assertEqual(p.stdout, "False False False True False\n", p.stderr)
        # Every allocator CPython offers still works beside it.
        for malloc in ("malloc", "debug", "pymalloc_debug", "malloc_debug"):
            p = run([KRAIT, "-c", "print(sum(len(str(i)) for i in range(200000)))"],
                    env={"PYTHONMALLOC": malloc, "ASAN_OPTIONS": "detect_leaks=0"})
            self.assertEqual((p.returncode, p.stdout), (0, "1088890\n"), (malloc, p.stderr))

    def test_big_blocks_on_huge_pages(self):
        # Raw-domain blocks of 1 MiB and more (list item arrays, big bytes) live in Krait's
        # huge-page mappings: contents survive growth in place and by moving (both happen
        # here: checked with strace) and shrinking back below the threshold; zeroed
        # allocations are zero; threads and a forked child allocate them too; dropping a
        # big structure returns its memory; CPython still names its allocators. Same answers
        # as python3.11 and as -X jit-big-blocks=off, which maps nothing.
        prog = textwrap.dedent("""\
            import os, sys, threading
            def rss_kib():
                with open('/proc/self/statm') as f:
                    return int(f.read().split()[1]) * 4
            xs = []
            for i in range(600000):
                xs.append(i)
            ok = [xs == list(range(600000))]
            keep = [bytes(5 << 20)]          # sits after xs' mapping: xs must move to grow
            xs.extend(range(600000, 1200000))
            ok.append(xs == list(range(1200000)))
            del xs[1000:]
            ok.append(xs == list(range(1000)))
            dirty = b'\\xff' * (3 << 20)
            del dirty
            ok.append(bytes(3 << 20).count(0) == 3 << 20)
            ys = [7] * 300000
            ok.append(ys.count(7) == 300000)
            def work(out):
                for _ in range(20):
                    a = [1] * 200000
                    b = a * 2
                    out.append(len(b) == 400000 and b.count(1) == 400000)
                    del a, b
            results = []
            threads = [threading.Thread(target=work, args=(results,)) for _ in range(4)]
            for t in threads: t.start()
            for t in threads: t.join()
            ok.append(len(results) == 80 and all(results))
            pid = os.fork()
            if pid == 0:
                z = list(range(400000))
                os._exit(0 if sum(z) == 399999 * 200000 else 1)
            ok.append(os.waitpid(pid, 0)[1] == 0)
            big = [None] * (96 << 17)
            peak = rss_kib()
            del big
            ok.append(peak - rss_kib() > 60000)
            print(ok)
            if 'krait' in sys.modules or sys.argv[1:] == ['stats']:
                import krait
                s = krait.stats()
                print(s['big_blocks_mapped'] > 0, s['big_blocks_unmapped'] > 0)
                import _testcapi
                print(_testcapi.pymem_getallocatorsname())
            """)
        if os.environ.get("PYTHONMALLOC") == "malloc":
            self.skipTest("sanitizer build: big blocks are not installed under AddressSanitizer")
        env = {"PYTHONMALLOC": "", "ASAN_OPTIONS": "detect_leaks=0"}
        want = run([PYTHON, "-c", prog], env=env)
        self.assertEqual(want.stdout, "[True, True, True, True, True, True, True, True]\n",
                         want.stderr)
        # On by default and under -X dev's debug hooks (above malloc); the allocator names
        # are CPython's (wrapping the raw domain instead made CPython report none).
        for args, env_on, name in (([], {}, "pymalloc"), (["-X", "jit-big-blocks"], {}, "pymalloc"),
                                   ([], {"KRAIT_BIG_BLOCKS": "1"}, "pymalloc"),
                                   (["-X", "dev"], {}, "pymalloc_debug")):
            p = run([KRAIT] + args + ["-c", prog, "stats"], env=dict(env, **env_on))
            self.assertEqual(p.stdout, want.stdout + "True True\n" + name + "\n", (args, p.stderr))
        for args, env_on in ((["-X", "jit-big-blocks=off"], {}), ([], {"KRAIT_BIG_BLOCKS": "0"})):
            p = run([KRAIT] + args + ["-c", prog, "stats"], env=dict(env, **env_on))
            self.assertEqual(p.stdout, want.stdout + "False False\npymalloc\n", (args, p.stderr))

    def test_prefault_populates_start_up_memory(self):
        # The executable's writable data segment is private and dirty in full (written or
        # populated for writing; without prefault ~80 KiB of it is only ever read) as soon as
        # the program runs, and the first object arena was populated too (prefaulted_pages counts both);
        # -X jit-prefault=off (or KRAIT_PREFAULT=0) populates nothing.
        if tuple(int(x) for x in os.uname().release.split(".")[:2]) < (5, 14):
            self.skipTest("MADV_POPULATE_WRITE needs Linux 5.14")
        prog = textwrap.dedent("""\
            import krait, os, sys
            exe = os.path.realpath(sys.executable)
            size = rss = None
            with open('/proc/self/smaps') as f:
                lines = f.read().splitlines()
            for i, line in enumerate(lines):
                fields = line.split()
                if len(fields) == 6 and fields[1] == 'rw-p' and fields[5] == exe:
                    keys = dict(l.split()[:2] for l in lines[i + 1:i + 12])
                    size, rss = int(keys['Size:']), int(keys['Private_Dirty:'])
            print(size > 0, size == rss, krait.stats()['prefaulted_pages'] - size // 4)
            """)
        env = {"PYTHONMALLOC": "", "ASAN_OPTIONS": "detect_leaks=0"}
        p = run([KRAIT, "-c", prog], env=env)
        self.assertEqual(p.returncode, 0, p.stderr)
        nonempty, resident, beyond_data = p.stdout.split()
        self.assertEqual((nonempty, resident), ("True", "True"), p.stdout)
        # The rest: the bss pages past the file-backed mapping and the first arena's 256.
        self.assertGreaterEqual(int(beyond_data), 256, p.stdout)
        for args, penv in ((["-X", "jit-prefault=off"], {}), ([], {"KRAIT_PREFAULT": "0"})):
            p = run([KRAIT] + args + ["-c", "import krait; print(krait.stats()['prefaulted_pages'], "
                                      "krait.options()['prefault'])"], env=dict(env, **penv))
            self.assertEqual(p.stdout, "0 False\n", p.stderr)

    def test_out_of_memory_in_compiled_loops(self):
        # Under an address-space limit, compiled loops that allocate until memory runs out
        # end in the MemoryError python3.11 raises (same traceback, caught where the program
        # catches it), never in a fatal error while a trace's exit boxes its numbers.
        import resource
        progs = [
            "chunks = []\nfor n in range(200):\n"
            "    chunks.append([float(i) for i in range(100000)])\nprint(len(chunks))\n",
            "def f():\n    out = []\n    x = 0.5\n    for i in range(10**8):\n"
            "        x = x * 1.0000001 + 1.0\n        out.append(x)\n    return out\n"
            "try:\n    f()\nexcept MemoryError:\n    print('caught MemoryError')\n",
        ]

        def limit():
            resource.setrlimit(resource.RLIMIT_AS, (200 << 20, 200 << 20))

        env = {"PYTHONMALLOC": "", "ASAN_OPTIONS": "detect_leaks=0"}
        if os.environ.get("PYTHONMALLOC") == "malloc":
            self.skipTest("sanitizer build: AddressSanitizer reserves more than the limit")
        for prog in progs:
            want = subprocess.run([PYTHON, "-c", prog], capture_output=True, text=True,
                                  preexec_fn=limit, env=dict(os.environ, **env), timeout=120)
            got = subprocess.run([KRAIT, "-c", prog], capture_output=True, text=True,
                                 preexec_fn=limit, env=dict(os.environ, **env), timeout=120)
            self.assertNotIn("Fatal", got.stderr)
            self.assertEqual((got.returncode, got.stdout, got.stderr),
                             (want.returncode, want.stdout, want.stderr))

    def test_stock_python_has_no_krait_module(self):
        p = run([PYTHON, "-c", "import krait"])
        self.assertEqual(p.returncode, 1)

    def assert_rejected(self, args, env, *needles):
        p = run([KRAIT] + args + ["-c", "print('ran')"], env=env)
        self.assertEqual(p.returncode, 2, (args, env, p.stdout, p.stderr))
        self.assertEqual(p.stdout, "")
        self.assertTrue(p.stderr.startswith("krait: error: "), p.stderr)
        self.assertEqual(p.stderr.count("\n"), 1, p.stderr)
        self.assertNotIn("Traceback", p.stderr)
        self.assertNotIn("Fatal", p.stderr)
        for n in needles:
            self.assertIn(n, p.stderr)

    def test_bad_options_rejected(self):
        self.assert_rejected(["-X", "jit=maybe"], {}, "-X jit", "'maybe'", "on, off, 1 or 0")
        self.assert_rejected([], {"KRAIT_JIT": "2"}, "KRAIT_JIT", "on, off, 1 or 0")
        self.assert_rejected([], {"KRAIT_HOT_LOOP": "abc"}, "KRAIT_HOT_LOOP", "integer from 1")
        self.assert_rejected(["-X", "jit-hot-loop=0"], {}, "-X jit-hot-loop", "integer from 1")
        self.assert_rejected(["-X", "jit-hot-loop"], {}, "-X jit-hot-loop", "needs a value")
        self.assert_rejected(["-X", "jit-hotloop=5"], {}, "unknown option -X jit-hotloop")
        self.assert_rejected([], {"KRAIT_LOG": "startup,nope"}, "KRAIT_LOG", "'nope'", "startup")
        self.assert_rejected([], {"KRAIT_LOG_FILE": "/nonexistent-dir/x.log"}, "KRAIT_LOG_FILE")
        self.assert_rejected([], {"KRAIT_MIMALLOC": "yes"}, "KRAIT_MIMALLOC")

    def test_option_help(self):
        p = run([KRAIT, "-X", "jit-help"])
        self.assertEqual(p.returncode, 0)
        self.assertIn("KRAIT_HOT_LOOP", p.stdout)

    def test_log_channels(self):
        p = run([KRAIT, "-c", "print('x')"], env={"KRAIT_LOG": "startup,stats"})
        self.assertEqual(p.stdout, "x\n")
        self.assertIn("[krait:startup] option hot_loop = 56", p.stderr)
        self.assertIn("[krait:startup] PEP 523 hook installed", p.stderr)
        self.assertIn("[krait:stats] hook_frames", p.stderr)
        with tempfile.TemporaryDirectory() as d:
            log = os.path.join(d, "k.log")
            p = run([KRAIT, "-X", "jit-log=hook", "-X", f"jit-log-file={log}", "-c",
                     "def f(): pass\nf()"])
            self.assertEqual(p.stderr, "")
            with open(log) as f:
                text = f.read()
            self.assertIn("[krait:hook] f <string>:1", text)

    def test_stats_file_written_even_on_ctrl_c(self):
        with tempfile.TemporaryDirectory() as d:
            stats = os.path.join(d, "s.json")
            p = run([KRAIT, "-c", "raise KeyboardInterrupt"], env={"KRAIT_STATS_FILE": stats})
            self.assertEqual(p.returncode, -signal.SIGINT)
            import json
            with open(stats) as f:
                self.assertGreaterEqual(json.load(f)["hook_frames"], 1)

    def test_mimalloc_option_runs(self):
        p = run([KRAIT, "-c", "print(sum(len(str(i)) for i in range(20000)))"],
                env={"KRAIT_MIMALLOC": "1", "KRAIT_LOG": "startup", "PYTHONMALLOC": ""})
        self.assertEqual(p.stdout, "88890\n")
        self.assertIn("mimalloc installed", p.stderr)

    def test_venv(self):
        with tempfile.TemporaryDirectory() as d:
            venv = os.path.join(d, "venv")
            p = run([KRAIT, "-m", "venv", "--without-pip", venv], timeout=300)
            self.assertEqual(p.returncode, 0, p.stderr)
            vpy = os.path.join(venv, "bin", "python")
            self.assertEqual(os.path.realpath(vpy), os.path.realpath(KRAIT))
            site_dir = os.path.join(venv, "lib", "python3.11", "site-packages")
            with open(os.path.join(site_dir, "krait_venv_probe.py"), "w") as f:
                f.write("WHERE = __file__\n")
            code = textwrap.dedent("""\
                import sys, krait, krait_venv_probe
                print(sys.executable)
                print(sys.prefix, sys.base_prefix)
                print(krait_venv_probe.WHERE)
                print(krait.enabled())
            """)
            p = run([vpy, "-c", code])
            self.assertEqual(p.returncode, 0, p.stderr)
            lines = p.stdout.splitlines()
            self.assertEqual(lines[0], vpy)
            self.assertEqual(lines[1], f"{venv} /usr")
            self.assertTrue(lines[2].startswith(site_dir), lines[2])
            self.assertEqual(lines[3], "True")


def main():
    global KRAIT, PYTHON
    ap = argparse.ArgumentParser()
    ap.add_argument("--krait", required=True)
    ap.add_argument("--python", default=PYTHON)
    args, rest = ap.parse_known_args()
    KRAIT = os.path.abspath(args.krait)
    PYTHON = args.python
    unittest.main(argv=[sys.argv[0]] + rest, verbosity=2)


if __name__ == "__main__":
    main()
