// Layouts of CPython 3.11 objects whose structs are private to their .c files (range, list and
// tuple iterators). Traces read their fields directly; check_pylayouts() compares the sizes
// with the types' tp_basicsize once at start-up and disables the JIT on a mismatch.
#pragma once

#include <Python.h>

#include <cstddef>

namespace krait::jit {

struct RangeIterLayout {
  PyObject_HEAD long index;
  long start;
  long step;
  long len;
};

struct SeqIterLayout {  // listiterobject and tupleiterobject
  PyObject_HEAD Py_ssize_t it_index;
  PyObject* it_seq;
};

inline bool check_pylayouts() {
  return PyRangeIter_Type.tp_basicsize == sizeof(RangeIterLayout) &&
         PyListIter_Type.tp_basicsize == sizeof(SeqIterLayout) &&
         PyTupleIter_Type.tp_basicsize == sizeof(SeqIterLayout);
}

inline constexpr std::uint16_t kOffObSize = offsetof(PyVarObject, ob_size);
inline constexpr std::uint16_t kOffListItems = offsetof(PyListObject, ob_item);
inline constexpr std::uint16_t kOffTupleItems = offsetof(PyTupleObject, ob_item);

}  // namespace krait::jit
