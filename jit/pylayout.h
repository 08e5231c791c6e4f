// Layouts of CPython 3.11 objects whose structs are private to their .c files (range, list and
// tuple iterators). Traces read their fields directly; check_pylayouts() compares the sizes
// with the types' tp_basicsize once at start-up and disables the JIT on a mismatch.
#pragma once

#include <Python.h>

#include <cstddef>
#include <cstdint>

namespace krait::jit {

struct RangeIterLayout {
  PyObject_HEAD long index;
  long start;
  long step;
  long len;
};

struct SeqIterLayout {  // listiterobject, listreviterobject and tupleiterobject
  PyObject_HEAD Py_ssize_t it_index;
  PyObject* it_seq;
};

struct ZipLayout {  // zipobject (bltinmodule.c)
  PyObject_HEAD Py_ssize_t tuplesize;
  PyObject* ittuple;  // tuple of the iterators
  PyObject* result;   // the result tuple, reused while nothing else holds it
  int strict;
};

struct EnumLayout {  // enumobject (enumobject.c)
  PyObject_HEAD Py_ssize_t en_index;
  PyObject* en_sit;        // the underlying iterator
  PyObject* en_result;     // the result tuple, reused while nothing else holds it
  PyObject* en_longindex;  // the index once it passed PY_SSIZE_T_MAX, else NULL
  PyObject* one;           // borrowed: the int 1 (3.11)
};

inline bool check_pylayouts() {
  return PyRangeIter_Type.tp_basicsize == sizeof(RangeIterLayout) &&
         PyListIter_Type.tp_basicsize == sizeof(SeqIterLayout) &&
         PyTupleIter_Type.tp_basicsize == sizeof(SeqIterLayout) &&
         PyListRevIter_Type.tp_basicsize == sizeof(SeqIterLayout) &&
         PyZip_Type.tp_basicsize == sizeof(ZipLayout) &&
         PyEnum_Type.tp_basicsize == sizeof(EnumLayout);
}

inline constexpr std::uint16_t kOffObSize = offsetof(PyVarObject, ob_size);
inline constexpr std::uint16_t kOffListItems = offsetof(PyListObject, ob_item);
inline constexpr std::uint16_t kOffTupleItems = offsetof(PyTupleObject, ob_item);

}  // namespace krait::jit
