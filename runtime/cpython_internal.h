// Declarations of CPython 3.11 internal functions Krait calls whose headers do not compile
// as C++ (or pull in ones that do not). Each signature is checked against the 3.11.2 source;
// the functions live in the static libpython3.11.a Krait links.
#pragma once

#define Py_BUILD_CORE 1
#include <Python.h>
#include <internal/pycore_code.h>
#include <internal/pycore_frame.h>

extern "C" {
PyObject* _PyDict_LoadGlobal(PyDictObject*, PyDictObject*, PyObject*);
int _PyDict_SetItem_Take2(PyDictObject* op, PyObject* key, PyObject* value);
PyObject* _PyDict_FromItems(PyObject* const* keys, Py_ssize_t keys_offset,
                            PyObject* const* values, Py_ssize_t values_offset,
                            Py_ssize_t length);
void _PyFloat_ExactDealloc(PyObject* op);
uint32_t _PyFunction_GetVersionForCurrentState(PyFunctionObject* func);
PyObject* _PyLong_Add(PyLongObject* left, PyLongObject* right);
PyObject* _PyLong_Multiply(PyLongObject* left, PyLongObject* right);
PyObject* _PyLong_Subtract(PyLongObject* left, PyLongObject* right);
PyObject* _PyNumber_PowerNoMod(PyObject* lhs, PyObject* rhs);
PyObject* _PyTuple_FromArraySteal(PyObject* const*, Py_ssize_t);
int _PyList_AppendTakeRefListResize(PyListObject* self, PyObject* newitem);
void _PyCode_Quicken(PyCodeObject* code);
int _PyObject_InitializeDict(PyObject* obj);
PyObject* _Py_MakeCoro(PyFunctionObject* func);
}
