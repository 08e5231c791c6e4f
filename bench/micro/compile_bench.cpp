// Google Benchmark: trace compile time. Every iteration defines a fresh Python function with one
// hot loop (PyRun_String, so a new code object nobody has traced) and calls it once: with the
// hot-loop threshold at 2 the loop is recorded on its third trip, optimized and compiled, and the
// rest of the trips run in the trace. Reported per benchmark: the wall time of one iteration
// (define + call, including Python's own bytecode compile) and, from Krait's stats counters,
// us_per_trace = delta compile_ns / delta traces_compiled (record + optimize + compile of one
// trace), plus traces and aborts per iteration as a sanity check (expect 1 and 0).
#include <Python.h>
#include <benchmark/benchmark.h>

#include "krait/krait.h"
#include "krait/log.h"
#include "krait/options.h"
#include "krait/stats.h"

#include <cstdio>
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string>

namespace {

PyObject* g_globals = nullptr;

// Python start-up as krait::run_main does it (options, log, `krait` module, hook), with the
// hot-loop threshold forced down to 2 by an -X option (which wins over the environment).
void ensure_python() {
  if (Py_IsInitialized()) return;
  krait::OptionSources sources;
  sources.getenv = [](const char* name) -> std::optional<std::string> {
    const char* v = std::getenv(name);
    if (!v) return std::nullopt;
    return std::string(v);
  };
  sources.xoptions = {"jit-hot-loop=2"};
  krait::Options opts;
  std::string error;
  if (!krait::parse_options(sources, &opts, &error) ||
      !krait::log_init(opts.log, opts.log_file, &error)) {
    std::fprintf(stderr, "compile_bench: %s\n", error.c_str());
    std::exit(2);
  }
  krait::set_options(opts);
  if (PyImport_AppendInittab("krait", PyInit_krait) < 0) std::exit(1);
  Py_InitializeEx(0);
  if (opts.jit) krait::install_hook();
  g_globals = PyDict_New();
  PyDict_SetItemString(g_globals, "__builtins__", PyEval_GetBuiltins());
}

struct Shape {
  const char* def;    // defines f
  const char* setup;  // run once: defines ARGS, the argument tuple of f
};

// An int range loop: multiply, add, overflow-checked int64.
const Shape kIntRange = {
    "def f(n):\n"
    "    t = 0\n"
    "    for i in range(n):\n"
    "        t += i * i\n"
    "    return t\n",
    "ARGS = (100,)\n"};

// A float while loop: compare, divide, negate, float counter.
const Shape kFloatWhile = {
    "def f(n):\n"
    "    x = 0.0\n"
    "    s = 1.0\n"
    "    k = 0.0\n"
    "    while k < n:\n"
    "        x += s / (2.0 * k + 1.0)\n"
    "        s = -s\n"
    "        k += 1.0\n"
    "    return x\n",
    "ARGS = (100.0,)\n"};

// Iteration over a list with list loads and a read-modify-write store.
const Shape kListIter = {
    "def f(a, c):\n"
    "    t = 0\n"
    "    for x in a:\n"
    "        c[x & 7] += 1\n"
    "        t += a[x & 15]\n"
    "    return t\n",
    "ARGS = (list(range(100)), [0] * 8)\n"};

bool run_code(const char* src) {
  PyObject* r = PyRun_String(src, Py_file_input, g_globals, g_globals);
  if (!r) {
    PyErr_Print();
    return false;
  }
  Py_DECREF(r);
  return true;
}

void compile_one(benchmark::State& state, const Shape& shape) {
  ensure_python();
  if (!run_code(shape.setup)) {
    state.SkipWithError("setup failed");
    return;
  }
  PyObject* args = PyDict_GetItemString(g_globals, "ARGS");  // borrowed
  Py_INCREF(args);
  const std::uint64_t ns0 = krait::stat_value(krait::Stat::k_compile_ns);
  const std::uint64_t traces0 = krait::stat_value(krait::Stat::k_traces_compiled);
  const std::uint64_t aborts0 = krait::stat_value(krait::Stat::k_traces_aborted);
  for (auto _ : state) {
    if (!run_code(shape.def)) {
      state.SkipWithError("def failed");
      break;
    }
    PyObject* f = PyDict_GetItemString(g_globals, "f");  // borrowed
    PyObject* r = PyObject_Call(f, args, nullptr);
    if (!r) {
      PyErr_Print();
      state.SkipWithError("call failed");
      break;
    }
    Py_DECREF(r);
  }
  Py_DECREF(args);
  const double ns = static_cast<double>(krait::stat_value(krait::Stat::k_compile_ns) - ns0);
  const double traces =
      static_cast<double>(krait::stat_value(krait::Stat::k_traces_compiled) - traces0);
  const double aborts =
      static_cast<double>(krait::stat_value(krait::Stat::k_traces_aborted) - aborts0);
  if (traces == 0) {
    state.SkipWithError("no trace compiled (JIT off, or the loop aborted)");
    return;
  }
  const double iters = static_cast<double>(state.iterations());
  state.counters["us_per_trace"] = ns / traces / 1000.0;
  state.counters["traces_per_iter"] = traces / iters;
  state.counters["aborts_per_iter"] = aborts / iters;
}

void BM_Compile_IntRange(benchmark::State& s) { compile_one(s, kIntRange); }
void BM_Compile_FloatWhile(benchmark::State& s) { compile_one(s, kFloatWhile); }
void BM_Compile_ListIter(benchmark::State& s) { compile_one(s, kListIter); }

}  // namespace

BENCHMARK(BM_Compile_IntRange)
    ->Unit(benchmark::kMicrosecond)->UseRealTime()->MinTime(0.2)
    ->Repetitions(5)->ReportAggregatesOnly(true);
BENCHMARK(BM_Compile_FloatWhile)
    ->Unit(benchmark::kMicrosecond)->UseRealTime()->MinTime(0.2)
    ->Repetitions(5)->ReportAggregatesOnly(true);
BENCHMARK(BM_Compile_ListIter)
    ->Unit(benchmark::kMicrosecond)->UseRealTime()->MinTime(0.2)
    ->Repetitions(5)->ReportAggregatesOnly(true);
BENCHMARK_MAIN();
