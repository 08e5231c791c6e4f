// Starts the embedded interpreter once for the whole unit-test binary, with Krait's default
// options and the `krait` module importable, whichever suite runs first.
#pragma once

#include <Python.h>
#include <gtest/gtest.h>

#include <string>

#include "krait/krait.h"
#include "krait/options.h"

namespace krait::test {

inline void ensure_python() {
  if (Py_IsInitialized()) return;
  Options opts;
  std::string error;
  ASSERT_TRUE(parse_options(OptionSources{}, &opts, &error)) << error;
  set_options(opts);
  PyImport_AppendInittab("krait", PyInit_krait);
  Py_InitializeEx(0);
}

}  // namespace krait::test
