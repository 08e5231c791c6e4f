// Google Benchmark: the per-call cost of Krait's PEP 523 hook. Calls a trivial Python function
// from Python code (a loop of calls) with and without the hook; the difference per call is the
// price of losing CPython 3.11's inlined Python-to-Python calls plus the hook itself.
#include <Python.h>
#include <benchmark/benchmark.h>

#include "krait/krait.h"
#include "krait/options.h"

#include <string>

namespace {

PyObject* g_globals = nullptr;

void ensure_python() {
  if (Py_IsInitialized()) return;
  // The pass-through hook: every frame forwarded to CPython (no baseline interpreter).
  krait::Options opts;
  std::string error;
  krait::OptionSources sources;
  sources.xoptions = {"jit-interp=off"};
  krait::parse_options(sources, &opts, &error);
  krait::set_options(opts);
  Py_InitializeEx(0);
  g_globals = PyDict_New();
  PyDict_SetItemString(g_globals, "__builtins__", PyEval_GetBuiltins());
  PyObject* r = PyRun_String(
      "def f(x):\n  return x\n"
      "def calls(n):\n  for i in range(n):\n    f(i)\n"
      "def fib(n):\n  return n if n < 2 else fib(n - 1) + fib(n - 2)\n",
      Py_file_input, g_globals, g_globals);
  Py_XDECREF(r);
}

void run_python(benchmark::State& state, const char* fn, long arg, bool hook, long per_iter) {
  ensure_python();
  if (hook) krait::install_hook(); else krait::uninstall_hook();
  PyObject* f = PyDict_GetItemString(g_globals, fn);
  PyObject* n = PyLong_FromLong(arg);
  for (auto _ : state) {
    PyObject* r = PyObject_CallOneArg(f, n);
    if (!r) {
      PyErr_Print();
      state.SkipWithError("python error");
      break;
    }
    Py_DECREF(r);
  }
  Py_DECREF(n);
  krait::uninstall_hook();
  state.SetItemsProcessed(state.iterations() * per_iter);
}

void BM_CallLoop_NoHook(benchmark::State& s) { run_python(s, "calls", 10000, false, 10000); }
void BM_CallLoop_Hook(benchmark::State& s) { run_python(s, "calls", 10000, true, 10000); }
void BM_Fib20_NoHook(benchmark::State& s) { run_python(s, "fib", 20, false, 21891); }
void BM_Fib20_Hook(benchmark::State& s) { run_python(s, "fib", 20, true, 21891); }

}  // namespace

BENCHMARK(BM_CallLoop_NoHook);
BENCHMARK(BM_CallLoop_Hook);
BENCHMARK(BM_Fib20_NoHook);
BENCHMARK(BM_Fib20_Hook);
BENCHMARK_MAIN();
