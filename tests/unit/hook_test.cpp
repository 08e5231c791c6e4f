// The PEP 523 hook inside an embedded interpreter: frames are counted, generator resumes and
// throws are recognised, uninstalling stops counting, and results are unchanged.
#include <Python.h>
#include <gtest/gtest.h>

#include "krait/krait.h"
#include "krait/options.h"
#include "krait/stats.h"
#include "test_python.h"

namespace krait::test {
namespace {

class HookTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { ensure_python(); }
  static long run(const char* code) {
    PyObject* globals = PyDict_New();
    PyDict_SetItemString(globals, "__builtins__", PyEval_GetBuiltins());
    PyObject* r = PyRun_String(code, Py_file_input, globals, globals);
    EXPECT_NE(r, nullptr);
    if (!r) PyErr_Print();
    Py_XDECREF(r);
    PyObject* v = PyDict_GetItemString(globals, "result");
    long out = v ? PyLong_AsLong(v) : -1;
    Py_DECREF(globals);
    return out;
  }
};

TEST_F(HookTest, CountsFramesAndKeepsResults) {
  reset_stats();
  install_hook();
  EXPECT_TRUE(hook_installed());
  long r = run("def f(n):\n  return n + 1\nresult = sum(f(i) for i in range(100))\n");
  EXPECT_EQ(r, 5050);
  // The module frame and 101 generator resumes come through the hook; the generator has a
  // loop, so it runs in Krait's interpreter, which runs the 100 calls of f in its own loop.
  EXPECT_GE(stat_value(Stat::k_hook_frames), 102u);
  EXPECT_GE(stat_value(Stat::k_hook_gen_frames), 101u);
  EXPECT_GE(stat_value(Stat::k_interp_inlined_calls), 100u);
  uninstall_hook();
  std::uint64_t before = stat_value(Stat::k_hook_frames);
  EXPECT_EQ(run("result = sum(i for i in range(10))\n"), 45);
  EXPECT_EQ(stat_value(Stat::k_hook_frames), before);
}

TEST_F(HookTest, ThrowIntoGeneratorCounted) {
  reset_stats();
  install_hook();
  long r =
      run("def g():\n"
          "  try:\n"
          "    yield 1\n"
          "  except KeyError:\n"
          "    yield 2\n"
          "it = g(); next(it)\n"
          "result = it.throw(KeyError)\n");
  EXPECT_EQ(r, 2);
  EXPECT_GE(stat_value(Stat::k_hook_throws), 1u);
  uninstall_hook();
}

TEST_F(HookTest, ModuleReportsState) {
  install_hook();
  // The table counters plus one handoff_<OPNAME> per base opcode.
  long r =
      run("import krait\ns = krait.stats()\n"
          "result = int(krait.enabled()) + 10 * len(s) + 100000 * s['handoff_LOAD_FAST']\n");
  EXPECT_EQ(r % 10, 1);
  EXPECT_GT(r / 10 % 10000, kStatCount + 100);
  EXPECT_EQ(r / 100000, 0);
  uninstall_hook();
  EXPECT_EQ(run("import krait\nresult = int(krait.enabled())\n"), 0);
}

}  // namespace
}  // namespace krait::test
