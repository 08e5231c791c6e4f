// The built-in `krait` module: enabled(), options(), stats(), and a small set of helpers
// that tests use to look inside the tier. Everything it exposes comes from the tables.
#include <Python.h>

#include "krait/krait.h"
#include "krait/options.h"
#include "krait/stats.h"
#include "trace_compile.h"

namespace krait {
namespace {

PyObject* py_enabled(PyObject*, PyObject*) { return PyBool_FromLong(hook_installed()); }

// Values keep their natural Python types: bools, ints, and str (None when a path is unset).
PyObject* option_value_object(const Options& opts, OptionId id) {
  switch (id) {
#define KRAIT_OPT_PY_kBool(id) return PyBool_FromLong(opts.id);
#define KRAIT_OPT_PY_kUint(id) return PyLong_FromUnsignedLongLong(opts.id);
#define KRAIT_OPT_PY_kChannels(id) \
  return PyUnicode_FromString(option_value_text(opts, OptionId::k_##id).c_str());
#define KRAIT_OPT_PY_kChoice(id) \
  return PyUnicode_FromString(option_value_text(opts, OptionId::k_##id).c_str());
#define KRAIT_OPT_PY_kPath(id)         \
  if (opts.id.empty()) Py_RETURN_NONE; \
  return PyUnicode_DecodeFSDefault(opts.id.c_str());
#define X(id, kind, env, xname, def, lo, hi, choices, help) \
  case OptionId::k_##id: {                                  \
    KRAIT_OPT_PY_##kind(id)                                 \
  }
#include "options.def"
#undef X
    case OptionId::kCount:
      break;
  }
  Py_RETURN_NONE;
}

PyObject* py_options(PyObject*, PyObject*) {
  PyObject* dict = PyDict_New();
  if (!dict) return nullptr;
  const auto& table = option_table();
  for (int i = 0; i < static_cast<int>(OptionId::kCount); ++i) {
    PyObject* value = option_value_object(options(), static_cast<OptionId>(i));
    if (!value || PyDict_SetItemString(dict, table[i].name, value) < 0) {
      Py_XDECREF(value);
      Py_DECREF(dict);
      return nullptr;
    }
    Py_DECREF(value);
  }
  return dict;
}

PyObject* py_stats(PyObject*, PyObject*) {
  PyObject* dict = PyDict_New();
  if (!dict) return nullptr;
  bool failed = false;
  struct Ctx {
    PyObject* dict;
    bool* failed;
  } ctx{dict, &failed};
  for_each_stat(
      [](void* p, const char* name, std::uint64_t v) {
        auto* c = static_cast<Ctx*>(p);
        if (*c->failed) return;
        PyObject* value = PyLong_FromUnsignedLongLong(v);
        if (!value || PyDict_SetItemString(c->dict, name, value) < 0) *c->failed = true;
        Py_XDECREF(value);
      },
      &ctx);
  if (failed) {
    Py_DECREF(dict);
    return nullptr;
  }
  return dict;
}

PyObject* py_stats_help(PyObject*, PyObject*) {
  PyObject* dict = PyDict_New();
  if (!dict) return nullptr;
  for (int i = 0; i < kStatCount; ++i) {
    PyObject* value = PyUnicode_FromString(stat_help(static_cast<Stat>(i)));
    if (!value || PyDict_SetItemString(dict, stat_name(static_cast<Stat>(i)), value) < 0) {
      Py_XDECREF(value);
      Py_DECREF(dict);
      return nullptr;
    }
    Py_DECREF(value);
  }
  return dict;
}

PyObject* py_traces(PyObject*, PyObject*) { return jit::traces_info(); }

PyMethodDef kMethods[] = {
    {"enabled", py_enabled, METH_NOARGS,
     "enabled() -> bool\n\nTrue when Krait's frame-evaluation hook is installed (-X jit=on)."},
    {"options", py_options, METH_NOARGS,
     "options() -> dict\n\nEvery Krait option with its effective value."},
    {"stats", py_stats, METH_NOARGS,
     "stats() -> dict\n\nEvery Krait counter by name (see stats_help() for meanings)."},
    {"stats_help", py_stats_help, METH_NOARGS,
     "stats_help() -> dict\n\nA one-line description of every counter."},
    {"traces", py_traces, METH_NOARGS,
     "traces() -> list\n\nOne dict per live compiled trace (root loops and their side traces):\n"
     "id, where, kind, parent, parent_exit, entries, exits, exits_by_snapshot,\n"
     "ir_instructions, code_bytes, compile_us, patched, linked, ir (the IR dump)."},
    {nullptr, nullptr, 0, nullptr}};

PyModuleDef kModule = {
    PyModuleDef_HEAD_INIT,
    "krait",
    "Krait: a tracing-JIT tier for CPython 3.11.\n\n"
    "Introspection of the running tier: enabled(), options(), stats(), traces().",
    -1,
    kMethods,
    nullptr,
    nullptr,
    nullptr,
    nullptr};

}  // namespace
}  // namespace krait

extern "C" PyObject* PyInit_krait() {
  PyObject* m = PyModule_Create(&krait::kModule);
  if (!m) return nullptr;
  if (PyModule_AddStringConstant(m, "__version__", krait::kVersion) < 0) {
    Py_DECREF(m);
    return nullptr;
  }
  return m;
}
