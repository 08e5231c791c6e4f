// C helpers that compiled traces call (declared in target.h). They never run Python code:
// that is what lets a trace keep its assumptions across the call.
#include <cerrno>
#include <climits>
#include <cmath>

#include "cpython_shim.h"
#include "krait/stats.h"
#include "pylayout.h"
#include "target.h"

extern "C" {

int krait_jit_unbox_int(PyObject* o, std::int64_t* out) {
  int overflow = 0;
  long long v = PyLong_AsLongLongAndOverflow(o, &overflow);
  if (overflow) return 1;
  *out = v;
  return 0;
}

namespace {
// Replacing an exact int or float runs no Python code when the old item dies.
inline bool harmless_item(PyObject* o) { return PyLong_CheckExact(o) || PyFloat_CheckExact(o); }

int list_store(PyObject* list, std::int64_t idx, PyObject* v) {
  if (v == nullptr) {
    PyErr_Clear();  // the interpreter redoes the store and raises MemoryError itself
    return -1;
  }
  PyObject** slot = &reinterpret_cast<PyListObject*>(list)->ob_item[idx];
  PyObject* old = *slot;
  *slot = v;
  Py_DECREF(old);
  return 0;
}
}  // namespace

// An item only the list references (refcount 1) can take the new value in place: nothing else
// can see the object, so rewriting it is indistinguishable from freeing it and allocating the
// new one (CPython resizes a uniquely referenced str in `s += t` on the same reasoning), and it
// saves the allocator round trip of `counts[k] += 1`. Ints keep their digit count, and small
// ints (-5..256) still come from CPython's cache, as PyLong_FromLongLong returns them. The
// recorder unboxes every item the trace borrowed before a list store, so no borrowed pointer
// sees the change.
int krait_jit_list_store_int(PyObject* list, std::int64_t idx, std::int64_t value) {
  PyObject* old = PyList_GET_ITEM(list, idx);
  if (!harmless_item(old)) return -1;
  if (PyLong_CheckExact(old) && Py_REFCNT(old) == 1 && (value < -5 || value > 256)) {
    const std::uint64_t mag =
        value < 0 ? 0 - static_cast<std::uint64_t>(value) : static_cast<std::uint64_t>(value);
    const Py_ssize_t size = Py_SIZE(old) < 0 ? -Py_SIZE(old) : Py_SIZE(old);
    const Py_ssize_t need = mag < (std::uint64_t{1} << PyLong_SHIFT)         ? 1
                            : mag < (std::uint64_t{1} << (2 * PyLong_SHIFT)) ? 2
                                                                             : 0;
    if (need != 0 && need == size) {
      auto* l = reinterpret_cast<PyLongObject*>(old);
      l->ob_digit[0] = static_cast<digit>(mag & PyLong_MASK);
      if (need == 2) l->ob_digit[1] = static_cast<digit>(mag >> PyLong_SHIFT);
      Py_SET_SIZE(old, value < 0 ? -need : need);
      return 0;
    }
  }
  return list_store(list, idx, PyLong_FromLongLong(value));
}

int krait_jit_list_store_flt(PyObject* list, std::int64_t idx, double value) {
  PyObject* old = PyList_GET_ITEM(list, idx);
  if (!harmless_item(old)) return -1;
  if (PyFloat_CheckExact(old) && Py_REFCNT(old) == 1) {
    reinterpret_cast<PyFloatObject*>(old)->ob_fval = value;
    return 0;
  }
  return list_store(list, idx, PyFloat_FromDouble(value));
}

namespace {
int append_new(PyObject* list, PyObject* v) {
  if (v == nullptr || PyList_Append(list, v) < 0) {
    Py_XDECREF(v);
    PyErr_Clear();  // the interpreter appends again and raises MemoryError itself
    return -1;
  }
  Py_DECREF(v);
  return 0;
}
}  // namespace

int krait_jit_list_append_int(PyObject* list, std::int64_t value) {
  return append_new(list, PyLong_FromLongLong(value));
}
int krait_jit_list_append_flt(PyObject* list, double value) {
  return append_new(list, PyFloat_FromDouble(value));
}
int krait_jit_list_append_obj(PyObject* list, PyObject* value) {
  Py_INCREF(value);
  return append_new(list, value);
}
int krait_jit_list_append_bool(PyObject* list, std::int64_t value) {
  return append_new(list, Py_NewRef(value ? Py_True : Py_False));
}

namespace {
// Whether dropping one reference to `old` (a frame slot's value) runs no Python code: it
// survives, or it is None, a bool, an int, a float, or an exact list of such (freeing it
// frees only them).
bool release_is_harmless(PyObject* old) {
  if (old == nullptr || Py_REFCNT(old) > 1 || old == Py_None || PyBool_Check(old) ||
      harmless_item(old))
    return true;
  if (!PyList_CheckExact(old)) return false;
  for (Py_ssize_t k = 0; k < PyList_GET_SIZE(old); ++k) {
    PyObject* o = PyList_GET_ITEM(old, k);
    if (Py_REFCNT(o) > 1 || o == Py_None || PyBool_Check(o) || harmless_item(o)) continue;
    return false;
  }
  return true;
}

int store_slot(PyObject** slots, std::int64_t idx, PyObject* v) {
  PyObject* old = slots[idx];
  if (v == nullptr) {
    PyErr_Clear();
    return -1;
  }
  if (old != v && !release_is_harmless(old)) {
    Py_DECREF(v);
    return -1;
  }
  slots[idx] = v;
  Py_XDECREF(old);
  return 0;
}
}  // namespace

int krait_jit_store_slot_int(PyObject** slots, std::int64_t idx, std::int64_t value) {
  return store_slot(slots, idx, PyLong_FromLongLong(value));
}
int krait_jit_store_slot_flt(PyObject** slots, std::int64_t idx, double value) {
  return store_slot(slots, idx, PyFloat_FromDouble(value));
}
int krait_jit_store_slot_obj(PyObject** slots, std::int64_t idx, PyObject* value) {
  Py_XINCREF(value);
  return store_slot(slots, idx, value);
}
int krait_jit_store_slot_bool(PyObject** slots, std::int64_t idx, std::int64_t value) {
  return store_slot(slots, idx, Py_NewRef(value ? Py_True : Py_False));
}

// `x = []`: the list goes straight into the frame slot, which owns it from then on (the trace
// borrows it like any slot value), so no exit has to release it. A collection is left to the
// interpreter: the exit redoes BUILD_LIST there, and the collection runs at the same
// instruction as in CPython.
PyObject* krait_jit_store_new_list(PyObject** slots, std::int64_t idx) {
  PyObject* old = slots[idx];
  if (!release_is_harmless(old) || krait_list_alloc_would_collect()) return nullptr;
  PyObject* l = PyList_New(0);
  if (l == nullptr) {
    PyErr_Clear();  // the interpreter builds the list again and raises MemoryError itself
    return nullptr;
  }
  slots[idx] = l;
  Py_XDECREF(old);
  krait::bump(krait::Stat::k_trace_new_lists);
  return l;
}

// Python's float %: the result takes the divisor's sign (a zero result too).
double krait_jit_fmod(double a, double b) {
  double m = std::fmod(a, b);
  if (m == 0.0) return std::copysign(0.0, b);
  if ((b < 0) != (m < 0)) m += b;
  return m;
}

// Python's float //: floor of the exact quotient, computed from the remainder so that
// a == b * q + (a % b) holds as closely as doubles allow; a zero quotient keeps the sign of a/b.
double krait_jit_ffloordiv(double a, double b) {
  double m = std::fmod(a, b);
  double q = (a - m) / b;
  if (m != 0.0 && ((b < 0) != (m < 0))) q -= 1.0;
  if (q == 0.0) return std::copysign(0.0, a / b);
  double f = std::floor(q);
  return (q - f > 0.5) ? f + 1.0 : f;
}

namespace {
// DOUBLE_IS_ODD_INTEGER of floatobject.c.
inline bool is_odd_integer(double x) { return std::fmod(std::fabs(x), 2.0) == 1.0; }
}  // namespace

// float_pow of CPython 3.11 (Objects/floatobject.c), case by case in its order, so that every
// result is the one CPython returns: its special cases first, then the platform pow (the same
// libm as the interpreter's) with _Py_ADJUST_ERANGE1's errno rules. The cases where float_pow
// does not return a float report failure before anything is stored, and the trace exits at the
// BINARY_OP, which CPython then runs itself: 0.0 ** negative (ZeroDivisionError), negative **
// non-integer (complex's nb_power), and errno set by pow (OverflowError, ValueError).
int krait_jit_fpow(double iv, double iw, double* out) {
  if (iw == 0) {  // v**0 is 1, even 0**0 and nan**0
    *out = 1.0;
    return 0;
  }
  if (std::isnan(iv)) {
    *out = iv;
    return 0;
  }
  if (std::isnan(iw)) {
    *out = iv == 1.0 ? 1.0 : iw;
    return 0;
  }
  if (std::isinf(iw)) {
    iv = std::fabs(iv);
    if (iv == 1.0) {
      *out = 1.0;
    } else if ((iw > 0.0) == (iv > 1.0)) {
      *out = std::fabs(iw);
    } else {
      *out = 0.0;
    }
    return 0;
  }
  if (std::isinf(iv)) {
    const bool odd = is_odd_integer(iw);
    if (iw > 0.0) {
      *out = odd ? iv : std::fabs(iv);
    } else {
      *out = odd ? std::copysign(0.0, iv) : 0.0;
    }
    return 0;
  }
  if (iv == 0.0) {
    if (iw < 0.0) return 1;  // ZeroDivisionError
    *out = is_odd_integer(iw) ? iv : 0.0;
    return 0;
  }
  bool negate = false;
  if (iv < 0.0) {
    if (iw != std::floor(iw)) return 1;  // a complex result
    iv = -iv;
    negate = is_odd_integer(iw);
  }
  if (iv == 1.0) {
    *out = negate ? -1.0 : 1.0;
    return 0;
  }
  errno = 0;
  double ix = std::pow(iv, iw);
  if (errno == 0) {
    if (ix == HUGE_VAL || ix == -HUGE_VAL) errno = ERANGE;
  } else if (errno == ERANGE && ix == 0.0) {
    errno = 0;  // underflow is not an error
  }
  if (errno != 0) return 1;  // OverflowError (ERANGE) or ValueError
  *out = negate ? -ix : ix;
  return 0;
}

// CPython would free the exhausted iterator at the end of the loop (FOR_ITER pops it) and
// allocate a new one at the next GET_ITER; a trace instead hands the old object, which nothing
// else can see (one reference, the frame slot the recorder checked), the new list. That is
// indistinguishable from freeing and allocating (the argument of the in-place list stores),
// saves the allocation, and cannot start a garbage collection inside the trace (which could
// run finalizers). The old list is released only when that cannot free it.
int krait_jit_list_iter_reuse(PyObject* it, PyObject* list) {
  if (Py_TYPE(it) != &PyListIter_Type || Py_REFCNT(it) != 1) return 1;
  auto* li = reinterpret_cast<krait::jit::SeqIterLayout*>(it);
  PyObject* old = li->it_seq;
  if (old != nullptr && (Py_REFCNT(old) == 1 || li->it_index < Py_SIZE(old))) return 1;
  Py_INCREF(list);
  li->it_seq = list;
  li->it_index = 0;
  Py_XDECREF(old);
  return 0;
}

// range_iter's fast case for step 1 (rangeobject.c): the length as get_len_of_range computes
// it, a long range iterator (not reused) when it does not fit a long. A range iterator is not
// tracked by the garbage collector, and neither is the range object the trace skips.
int krait_jit_range_iter_reuse(PyObject* it, std::int64_t start, std::int64_t stop) {
  if (Py_TYPE(it) != &PyRangeIter_Type || Py_REFCNT(it) != 1) return 1;
  // At the recursion limit range()'s length computation raises RecursionError (its int
  // compares count a level): the interpreter makes the call.
  if (PyThreadState_Get()->recursion_remaining <= 0) return 1;
  const std::uint64_t len =
      start < stop ? static_cast<std::uint64_t>(stop) - static_cast<std::uint64_t>(start) : 0;
  if (len > static_cast<std::uint64_t>(LONG_MAX)) return 1;
  auto* ri = reinterpret_cast<krait::jit::RangeIterLayout*>(it);
  ri->start = static_cast<long>(start);
  ri->step = 1;
  ri->len = static_cast<long>(len);
  ri->index = 0;
  return 0;
}

}  // extern "C"
