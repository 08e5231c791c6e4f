// Inline versions of the CPython 3.11 steps the interpreter takes on every call, return and
// cached load: frame push/clear/pop, recursion accounting, and the hit paths of the inline
// caches (cpython_shim.c keeps the miss paths, which specialize). Each mirrors the named
// CPython function of 3.11.2 exactly; CPython's own loop gets the same effect from
// inlining within ceval.c, which Krait, linking libpython3.11.a, cannot.
#pragma once

#include "cpython_internal.h"
#include "cpython_shim.h"

#include <internal/pycore_dict.h>
#include <internal/pycore_gc.h>
#include <internal/pycore_moduleobject.h>
#include <internal/pycore_pymem.h>

namespace krait {

// _Py_EnterRecursiveCallTstate's common case; the shim handles the limit (RecursionError).
inline int enter_recursive_call(PyThreadState* tstate) {
  if (tstate->recursion_remaining > 0) [[likely]] {
    --tstate->recursion_remaining;
    return 0;
  }
  return krait_enter_recursive_call(tstate);
}

inline void leave_recursive_call(PyThreadState* tstate) { ++tstate->recursion_remaining; }

// The same for C-level calls (CPython's own message suffix, e.g. " while calling a Python
// object"): non-zero with RecursionError set, the count already restored.
inline int enter_recursive_call_where(PyThreadState* tstate, const char* where) {
  if (tstate->recursion_remaining > 0) [[likely]] {
    --tstate->recursion_remaining;
    return 0;
  }
  return krait_enter_recursive_call_where(tstate, where);
}

struct CodeInfo;
struct Instr;

// Where the interpreter's loop continues when a frame it pushed returns: the caller's decoded
// code and the instruction after its CALL. Kept on the frame stack just below the frame
// (push_frame reserves the words), so a return reads it from the frame being popped, at any
// depth, instead of looking up the caller's code and mapping prev_instr back to an index.
struct ReturnPoint {
  CodeInfo* info;
  Instr* ip;
};
inline constexpr std::size_t kReturnPointWords = sizeof(ReturnPoint) / sizeof(PyObject*);
static_assert(sizeof(ReturnPoint) % sizeof(PyObject*) == 0);
inline ReturnPoint* return_point(_PyInterpreterFrame* frame) {
  return reinterpret_cast<ReturnPoint*>(frame) - 1;
}

// _PyFrame_Push: a frame for `func` on the thread's frame stack, above the words of its
// ReturnPoint, taking over the caller's reference to func (released on failure, nullptr with
// MemoryError set). Only clear_and_pop_frame may pop it.
[[gnu::always_inline]] inline _PyInterpreterFrame* push_frame(PyThreadState* tstate,
                                                              PyFunctionObject* func) {
  auto* code = reinterpret_cast<PyCodeObject*>(func->func_code);
  const std::size_t size =
      kReturnPointWords + code->co_nlocalsplus + code->co_stacksize + FRAME_SPECIALS_SIZE;
  auto* base = reinterpret_cast<PyObject**>(_PyThreadState_BumpFramePointer(tstate, size));
  if (base == nullptr) [[unlikely]] {
    Py_DECREF(func);
    return nullptr;
  }
  auto* frame = reinterpret_cast<_PyInterpreterFrame*>(base + kReturnPointWords);
  _PyFrame_InitializeSpecials(frame, func, nullptr, code->co_nlocalsplus);
  return frame;
}

// ceval.c's _PyEvalFrameClearAndPop for a frame of push_frame: clearing counts as a recursion
// level (finalizers may run); a frame without a frame object is cleared here, one with it by
// _PyFrame_Clear.
inline void clear_and_pop_frame(PyThreadState* tstate, _PyInterpreterFrame* frame) {
  tstate->recursion_remaining--;
  if (frame->frame_obj != nullptr) {
    _PyFrame_Clear(frame);
  } else {
    PyObject** locals = frame->localsplus;
    for (int i = 0, n = frame->stacktop; i < n; ++i) Py_XDECREF(locals[i]);
    Py_XDECREF(frame->f_locals);
    Py_DECREF(frame->f_func);
    Py_DECREF(frame->f_code);
  }
  tstate->recursion_remaining++;
  auto** base = reinterpret_cast<PyObject**>(frame) - kReturnPointWords;
  if (base == &tstate->datastack_chunk->data[0]) [[unlikely]] {
    // frees the chunk
    _PyThreadState_PopFrame(tstate, reinterpret_cast<_PyInterpreterFrame*>(base));
  } else {
    tstate->datastack_top = base;
  }
}

// ---- deallocation ------------------------------------------------------------------------

// Blocks of dead exact ints of one and of two digits, which long_from_medium_result reuses for
// new ints of the same number of digits (CPython 3.11 keeps no int free list, so each int
// costs a PyObject_Malloc and a PyObject_Free). A block is never smaller than its int's digits
// (ints only shrink in place), so it always fits. Not while tracemalloc traces: every int
// must then be a traced allocation, as in CPython. Linked through ob_type, as CPython's float
// free list is; the GIL serialises every use.
struct IntBlocks {
  PyObject* head[2] = {nullptr, nullptr};
  int count[2] = {0, 0};
};
inline IntBlocks g_int_blocks;
inline constexpr int kIntBlocksMax = 64;

inline PyObject* pop_int_block(unsigned ndigits) {
  PyObject* block = g_int_blocks.head[ndigits - 1];
  if (block == nullptr || _Py_tracemalloc_config.tracing) return nullptr;
  g_int_blocks.head[ndigits - 1] = reinterpret_cast<PyObject*>(Py_TYPE(block));
  --g_int_blocks.count[ndigits - 1];
  return block;
}

// An exact int's dealloc (object_dealloc: int's tp_free, PyObject_Free), keeping the block.
inline void free_int(PyObject* o) {
  const Py_ssize_t size = Py_SIZE(o);
  const unsigned ndigits = static_cast<unsigned>(size < 0 ? -size : size);
  if (ndigits - 1u < 2u && g_int_blocks.count[ndigits - 1] < kIntBlocksMax &&
      !_Py_tracemalloc_config.tracing) {
    Py_SET_TYPE(o, reinterpret_cast<PyTypeObject*>(g_int_blocks.head[ndigits - 1]));
    g_int_blocks.head[ndigits - 1] = o;
    ++g_int_blocks.count[ndigits - 1];
    return;
  }
  PyObject_Free(o);
}

// _Py_Dealloc with the types the fast paths free most called directly: an exact int
// (free_int) and an exact float (its free list).
// _Py_Dealloc's one indirect call serves every type, and the CPU predicts it poorly where ints
// and floats die next to other objects; direct calls are predicted trivially.
inline void dealloc_object(PyObject* o) {
  PyTypeObject* type = Py_TYPE(o);
  if (type == &PyLong_Type) {
    free_int(o);
  } else if (type == &PyFloat_Type) {
    _PyFloat_ExactDealloc(o);
  } else {
    _Py_Dealloc(o);
  }
}

// Py_DECREF through dealloc_object.
inline void decref(PyObject* o) {
  if (--o->ob_refcnt == 0) dealloc_object(o);
}

// ---- ints -------------------------------------------------------------------------------

// The ints of at most one 30-bit digit (CPython's IS_MEDIUM_VALUE): their value in *value.
inline bool medium_int(PyObject* o, long* value) {
  if (!PyLong_CheckExact(o)) return false;
  const Py_ssize_t size = Py_SIZE(o);
  if (static_cast<std::size_t>(size) + 1u >= 3u) return false;
  *value =
      static_cast<long>(size) * static_cast<long>(reinterpret_cast<PyLongObject*>(o)->ob_digit[0]);
  return true;
}

// The exact ints of at most two 30-bit digits (|value| < 2**60): their value in *value. Sums,
// differences, bitwise results, shifts right and floor divisions and remainders of two such
// values fit in a long; products are checked.
inline bool int60(PyObject* o, long* value) {
  if (!PyLong_CheckExact(o)) return false;
  const Py_ssize_t size = Py_SIZE(o);
  const digit* d = reinterpret_cast<PyLongObject*>(o)->ob_digit;
  if (static_cast<std::size_t>(size) + 1u < 3u) {
    *value = static_cast<long>(size) * static_cast<long>(d[0]);
    return true;
  }
  if (size != 2 && size != -2) return false;
  const long m = static_cast<long>(d[0]) | (static_cast<long>(d[1]) << PyLong_SHIFT);
  *value = size < 0 ? -m : m;
  return true;
}

// ---- slices -----------------------------------------------------------------------------

// The bounds of a slice `[start:stop:step]` whose parts are None or exact ints of at most two
// digits, adjusted to a sequence of `length` items as slice.indices() does (PySlice_Unpack and
// PySlice_AdjustIndices, whose clamping such values never reach): false for any other part
// and for a zero step, which the generic path (a real slice object) handles and reports.
struct SliceBounds {
  Py_ssize_t start, step, count;
};
inline long clamp_slice_index(long v, Py_ssize_t length, long step) {
  if (v < 0) {
    v += length;
    if (v < 0) v = step < 0 ? -1 : 0;
  } else if (v >= length) {
    v = step < 0 ? length - 1 : length;
  }
  return v;
}
inline bool slice_bounds(PyObject* start, PyObject* stop, PyObject* step, Py_ssize_t length,
                         SliceBounds* out) {
  long lo, hi, st = 1;
  if (step != nullptr && step != Py_None && (!int60(step, &st) || st == 0)) return false;
  if (start == Py_None) {
    lo = st < 0 ? length - 1 : 0;
  } else {
    if (!int60(start, &lo)) return false;
    lo = clamp_slice_index(lo, length, st);
  }
  if (stop == Py_None) {
    hi = st < 0 ? -1 : length;
  } else {
    if (!int60(stop, &hi)) return false;
    hi = clamp_slice_index(hi, length, st);
  }
  long count = 0;
  if (st < 0) {
    if (hi < lo) count = (lo - hi - 1) / -st + 1;
  } else if (lo < hi) {
    count = (hi - lo - 1) / st + 1;
  }
  *out = {static_cast<Py_ssize_t>(lo), static_cast<Py_ssize_t>(st), static_cast<Py_ssize_t>(count)};
  return true;
}

// `seq[slice]` for an exact list, tuple or str `seq` (new reference, nullptr with an error
// set), the result list_subscript / tuplesubscript / unicode_subscript build for the same
// bounds; nullptr without an error for any other type or a str with a step other than 1.
inline PyObject* subscript_slice(PyObject* seq, const SliceBounds& b) {
  if (PyList_CheckExact(seq)) {
    if (b.step == 1) return PyList_GetSlice(seq, b.start, b.start + b.count);
    PyObject* res = PyList_New(b.count);
    if (res == nullptr) return nullptr;
    PyObject** src = reinterpret_cast<PyListObject*>(seq)->ob_item;
    PyObject** dst = reinterpret_cast<PyListObject*>(res)->ob_item;
    for (Py_ssize_t i = 0, j = b.start; i < b.count; ++i, j += b.step) dst[i] = Py_NewRef(src[j]);
    return res;
  }
  if (PyTuple_CheckExact(seq)) {
    if (b.step == 1) return PyTuple_GetSlice(seq, b.start, b.start + b.count);
    PyObject* res = PyTuple_New(b.count);
    if (res == nullptr || b.count == 0) return res;
    for (Py_ssize_t i = 0, j = b.start; i < b.count; ++i, j += b.step)
      PyTuple_SET_ITEM(res, i, Py_NewRef(PyTuple_GET_ITEM(seq, j)));
    return res;
  }
  if (PyUnicode_CheckExact(seq) && b.step == 1) {
    if (b.count <= 0) return PyUnicode_New(0, 0);
    return PyUnicode_Substring(seq, b.start, b.start + b.count);
  }
  return nullptr;
}

// _PyList_AppendTakeRef (LIST_APPEND, list.append): the item's reference moves into the
// exact list `list`; -1 with MemoryError set when growing fails.
inline int list_append_take_ref(PyObject* list, PyObject* item) {
  auto* l = reinterpret_cast<PyListObject*>(list);
  const Py_ssize_t len = PyList_GET_SIZE(l);
  if (l->allocated > len) [[likely]] {
    PyList_SET_ITEM(l, len, item);
    Py_SET_SIZE(l, len + 1);
    return 0;
  }
  return _PyList_AppendTakeRefListResize(l, item);
}

// list.pop() of the exact list `list` without list_resize's realloc where the result is the
// same: the item (its reference now the caller's), or nullptr — nothing changed, no error set
// — for an empty list or a shrink that really resizes, which CPython's list.pop then does.
// A shrink whose new capacity list_resize computes equal to the old one (4 slots from 2 items
// to 1) only sets the size. A list emptied keeps its (small: at most 4 slots at size 1) item
// array with `allocated` 0, where list_resize reallocs it to 0 bytes, which pymalloc turns
// into a 1-byte glibc malloc and every later resize into glibc reallocs: a stack that empties
// and refills (a worklist, an interpreter's operand stack) paid for both; the next append's
// realloc of the kept block to 4 slots now returns it unchanged. sys.getsizeof reads
// `allocated`, and ob_item stays non-NULL as after list_resize (list.extend treats a NULL one
// differently). Not while tracemalloc traces, whose figures would see the kept block.
inline PyObject* list_pop_last(PyObject* list) {
  auto* l = reinterpret_cast<PyListObject*>(list);
  const Py_ssize_t size = PyList_GET_SIZE(l);
  if (size == 0) return nullptr;
  const Py_ssize_t new_size = size - 1;
  if (new_size < (l->allocated >> 1)) {
    if (new_size == 0) {
      if (_Py_tracemalloc_config.tracing) return nullptr;
      l->allocated = 0;
    } else if (((new_size + (new_size >> 3) + 6) & ~Py_ssize_t{3}) != l->allocated) {
      return nullptr;
    }
  }
  Py_SET_SIZE(l, new_size);
  return l->ob_item[new_size];
}

// int's floor division and modulo of medium values (b != 0): rounded toward minus infinity,
// the remainder taking the divisor's sign.
inline long floor_mod(long a, long b) {
  long r = a % b;
  return (r != 0 && ((r ^ b) < 0)) ? r + b : r;
}
inline long floor_div(long a, long b) {
  long q = a / b;
  long r = a % b;
  return (r != 0 && ((r ^ b) < 0)) ? q - 1 : q;
}

// A float with an exact float or medium int (at most one 30-bit digit, exactly representable
// as a double): both operands as doubles, as float's number methods convert them
// (PyLong_AsDouble is exact there). False for every other pair, including float/float.
inline bool float_mixed_operands(PyObject* lhs, PyObject* rhs, double* x, double* y) {
  long v;
  if (PyFloat_CheckExact(lhs) && medium_int(rhs, &v)) {
    *x = PyFloat_AS_DOUBLE(lhs);
    *y = static_cast<double>(v);
    return true;
  }
  if (PyFloat_CheckExact(rhs) && medium_int(lhs, &v)) {
    *x = static_cast<double>(v);
    *y = PyFloat_AS_DOUBLE(rhs);
    return true;
  }
  return false;
}

// _PyLong_FromSTwoDigits: the small-int singleton, or a new int (new reference; nullptr
// with MemoryError set). A one-digit result is built here as longobject.c's
// _PyLong_FromMedium does (PyLong_Type is static: no type reference to take).
inline PyObject* long_from_medium_result(long x) {
  if (x >= -KRAIT_SMALL_NEG_INTS && x < KRAIT_SMALL_POS_INTS) {
    PyObject* r = reinterpret_cast<PyObject*>(&krait_small_int_zero[x]);
    Py_INCREF(r);
    return r;
  }
  const unsigned long magnitude = x < 0 ? 0ul - static_cast<unsigned long>(x) : x;
  if (magnitude >= (1ul << (2 * PyLong_SHIFT))) return PyLong_FromLong(x);
  // One or two digits: a kept block (free_int), or allocated as _PyLong_New does.
  const bool two = magnitude >= (1ul << PyLong_SHIFT);
  auto* v = reinterpret_cast<PyLongObject*>(pop_int_block(two ? 2 : 1));
  if (v == nullptr) {
    v = static_cast<PyLongObject*>(
        PyObject_Malloc(offsetof(PyLongObject, ob_digit) + (two ? 2 : 1) * sizeof(digit)));
    if (v == nullptr) return PyErr_NoMemory();
  }
  Py_SET_TYPE(v, &PyLong_Type);
  Py_SET_SIZE(v, (x < 0 ? -1 : 1) * (two ? 2 : 1));
  // _Py_NewReference inline: the tracemalloc hook, then the first reference.
  if (_Py_tracemalloc_config.tracing) [[unlikely]]
    _Py_NewReference(reinterpret_cast<PyObject*>(v));
  else
    Py_SET_REFCNT(v, 1);
  v->ob_digit[0] = static_cast<digit>(magnitude & PyLong_MASK);
  if (two) v->ob_digit[1] = static_cast<digit>(magnitude >> PyLong_SHIFT);
  return reinterpret_cast<PyObject*>(v);
}

// ---- inline-cache hits (the cache states are set by cpython_shim.c) ----------------------

// `for x in range(...)`: CALL range makes a range object that the GET_ITER after it drops
// as soon as it has its iterator, and CPython 3.11 computes that range's length with four
// PyNumber operations on int objects. With exact int arguments that fit a C long, the
// iterator is made directly as range_iter's fast case does (get_len_of_range's length, the
// same overflow limits), and GET_ITER finds an iterator, which is its own: nothing can see
// the range object or the ints that are never made. nullptr (no error set) when it does not
// apply; the generic call then runs. Not while tracemalloc traces (every allocation is then
// as CPython's). The caller checks that the thread is below the recursion limit: range()'s
// length computation compares ints with PyObject_RichCompare, which raises RecursionError
// ("... in comparison") there.
template <class RangeIter>
inline PyObject* range_iter_direct(PyObject* const* args, int nargs) {
  if (nargs < 1 || nargs > 3 || _Py_tracemalloc_config.tracing) return nullptr;
  long v[3];
  for (int i = 0; i < nargs; ++i) {
    int overflow = 0;
    if (!PyLong_CheckExact(args[i])) return nullptr;
    v[i] = PyLong_AsLongAndOverflow(args[i], &overflow);
    if (overflow != 0) return nullptr;
  }
  const long start = nargs == 1 ? 0 : v[0];
  const long stop = nargs == 1 ? v[0] : v[1];
  const long step = nargs == 3 ? v[2] : 1;
  if (step == 0) return nullptr;  // range() raises its ValueError
  const auto ustart = static_cast<unsigned long>(start);
  const auto ustop = static_cast<unsigned long>(stop);
  unsigned long len = 0;
  if (step > 0 && start < stop) {
    len = 1UL + (ustop - 1UL - ustart) / static_cast<unsigned long>(step);
  } else if (step < 0 && start > stop) {
    len = 1UL + (ustart - 1UL - ustop) / (0UL - static_cast<unsigned long>(step));
  }
  if (len > static_cast<unsigned long>(LONG_MAX)) return nullptr;  // a long range iterator
  if (len != 0 && (step > 0 ? stop > LONG_MAX - (step - 1) : stop < LONG_MIN + (-1 - step)))
    return nullptr;
  auto* it = PyObject_New(RangeIter, &PyRangeIter_Type);
  if (it == nullptr) {
    PyErr_Clear();  // the generic call meets the same shortage and raises it
    return nullptr;
  }
  it->index = 0;
  it->start = start;
  it->step = step;
  it->len = static_cast<long>(len);
  return reinterpret_cast<PyObject*>(it);
}

// zip_next over two list iterators (`for a, b in zip(xs, ys)`), inline, when it takes
// zip_next's branch that reuses the result tuple and no code can run: two different list
// iterators, each with an item left, and neither item the tuple drops can die (each one's
// count exceeds its places in the tuple). Then the steps zip_next interleaves — advance an
// iterator, put its item in the tuple, release the old one — give the same result in any
// order. nullptr (nothing changed) otherwise; the generic call then runs zip_next itself.
template <class Zip, class ListIter>
inline PyObject* zip_lists_next(PyObject* z) {
  auto* lz = reinterpret_cast<Zip*>(z);
  PyObject* result = lz->result;
  if (lz->tuplesize != 2 || Py_REFCNT(result) != 1) return nullptr;
  auto* it0 = reinterpret_cast<ListIter*>(PyTuple_GET_ITEM(lz->ittuple, 0));
  auto* it1 = reinterpret_cast<ListIter*>(PyTuple_GET_ITEM(lz->ittuple, 1));
  // One iterator twice (`zip(it, it)` pairs items up) takes two items from it: generic.
  if (it0 == it1 || !Py_IS_TYPE(it0, &PyListIter_Type) || !Py_IS_TYPE(it1, &PyListIter_Type) ||
      it0->it_seq == nullptr || it1->it_seq == nullptr ||
      it0->it_index >= Py_SIZE(it0->it_seq) || it1->it_index >= Py_SIZE(it1->it_seq))
    return nullptr;
  PyObject** items = &PyTuple_GET_ITEM(result, 0);
  PyObject* old0 = items[0];
  PyObject* old1 = items[1];
  const Py_ssize_t shared = old0 == old1;
  if (Py_REFCNT(old0) <= 1 + shared || Py_REFCNT(old1) <= 1 + shared) return nullptr;
  PyObject* item0 = reinterpret_cast<PyListObject*>(it0->it_seq)->ob_item[it0->it_index++];
  PyObject* item1 = reinterpret_cast<PyListObject*>(it1->it_seq)->ob_item[it1->it_index++];
  Py_INCREF(item0);
  Py_INCREF(item1);
  items[0] = item0;
  items[1] = item1;
  Py_DECREF(old0);
  Py_DECREF(old1);
  Py_INCREF(result);
  // zip_next re-tracks a result tuple the collector untracked (bpo-42536).
  if (!_PyObject_GC_IS_TRACKED(result)) [[unlikely]]
    PyObject_GC_Track(result);
  return result;
}

// `==` / `!=` between two exact lists whose items are pairwise the same object, exact ints or
// exact floats (what list_richcompare decides by calling PyObject_RichCompareBool per item,
// where no Python code can run for these): 1 equal, 0 not, -1 when some pair is of another
// kind (the caller then compares generically, from the start).
inline int list_numbers_equal(PyObject* v, PyObject* w) {
  Py_ssize_t n = PyList_GET_SIZE(v);
  if (n != PyList_GET_SIZE(w)) return 0;
  PyObject** a = reinterpret_cast<PyListObject*>(v)->ob_item;
  PyObject** b = reinterpret_cast<PyListObject*>(w)->ob_item;
  for (Py_ssize_t i = 0; i < n; ++i) {
    PyObject* x = a[i];
    PyObject* y = b[i];
    if (x == y) continue;
    if (PyLong_CheckExact(x) && PyLong_CheckExact(y)) {
      // Normalised ints are equal exactly when their sizes and digits are.
      Py_ssize_t size = Py_SIZE(x);
      if (size != Py_SIZE(y)) return 0;
      const digit* dx = reinterpret_cast<PyLongObject*>(x)->ob_digit;
      const digit* dy = reinterpret_cast<PyLongObject*>(y)->ob_digit;
      for (Py_ssize_t k = 0, m = size < 0 ? -size : size; k < m; ++k)
        if (dx[k] != dy[k]) return 0;
      continue;
    }
    if (PyFloat_CheckExact(x) && PyFloat_CheckExact(y)) {
      if (PyFloat_AS_DOUBLE(x) != PyFloat_AS_DOUBLE(y)) return 0;  // NaN too: not equal
      continue;
    }
    return -1;
  }
  return 1;
}

// LOAD_GLOBAL_MODULE / LOAD_GLOBAL_BUILTIN: the cached entry's value (borrowed), or nullptr
// when the cache does not apply (then the shim's full path runs).
inline PyObject* load_global_hit(PyObject* globals, PyObject* builtins, const KraitCache* c) {
  PyDictKeysObject* gkeys = reinterpret_cast<PyDictObject*>(globals)->ma_keys;
  if (c->kind == kKraitCacheGlobalModule) {
    if (gkeys->dk_version != c->version) return nullptr;
    return DK_UNICODE_ENTRIES(gkeys)[c->index].me_value;
  }
  if (c->kind == kKraitCacheGlobalBuiltin) {
    PyDictKeysObject* bkeys = reinterpret_cast<PyDictObject*>(builtins)->ma_keys;
    if (gkeys->dk_version != c->version || bkeys->dk_version != c->keys_version) return nullptr;
    return DK_UNICODE_ENTRIES(bkeys)[c->index].me_value;
  }
  return nullptr;
}

// The managed-dict pre-header of 3.11 objects (pycore_object.h _PyObject_ValuesPointer and
// _PyObject_ManagedDictPointer, which Krait cannot include from C++).
inline PyDictValues* object_values(PyObject* obj) {
  return reinterpret_cast<PyDictValues**>(obj)[-4];
}
inline PyObject* object_managed_dict(PyObject* obj) {
  return reinterpret_cast<PyObject**>(obj)[-3];
}

// Polymorphic attribute sites (kCacheWays entries from `c`). Entry 0 behaves as a monomorphic
// cache until it holds a form tied to one type (a type version tag); after that the entry
// stays, further types take the empty entries after it in order, and once none is left the
// site runs generic. Entries 1.. are filled contiguously and never emptied, so a scan stops
// at the first empty one.
inline bool cache_is_type_form(std::uint8_t kind) {
  return kind == kKraitCacheInstanceValue || kind == kKraitCacheMethodWithValues ||
         kind == kKraitCacheMethodNoDict || kind == kKraitCacheSlot ||
         kind == kKraitCacheClassValue || kind == kKraitCacheTypeValue;
}
// The first entry whose hit function `hit` applies: its result, or a null/false result.
template <class Hit>
inline auto poly_hit(const KraitCache* c, Hit hit) {
  auto r = hit(&c[0]);
  if (r || !cache_is_type_form(c[0].kind)) return r;
  for (int k = 1; k < kCacheWays && c[k].kind != kKraitCacheEmpty; ++k) {
    r = hit(&c[k]);
    if (r) return r;
  }
  return r;
}
// The entry the specializing miss path (cpython_shim.c) gets for `owner`: entry 0 while it is
// not tied to a type, else the next empty one, else `generic` (an entry of kind Generic: no
// caching). Also generic when an entry already holds owner's type version: that entry missed
// for another reason (an attribute this instance lacks, a materialized dict), which a second
// entry for the same type would not fix.
inline KraitCache* poly_miss_entry(KraitCache* c, PyObject* owner, KraitCache* generic) {
  if (!cache_is_type_form(c[0].kind)) return c;
  const std::uint32_t type_version = Py_TYPE(owner)->tp_version_tag;
  const std::uint32_t own_version =
      PyType_Check(owner) ? reinterpret_cast<PyTypeObject*>(owner)->tp_version_tag : 0;
  for (int k = 0; k < kCacheWays; ++k) {
    if (c[k].kind == kKraitCacheEmpty) return &c[k];
    if (c[k].version == (c[k].kind == kKraitCacheTypeValue ? own_version : type_version))
      return generic;
  }
  return generic;
}

// The guard of a cache that relies on `tp`'s shared keys lacking the name
// (cpython_shim.c shared_keys_version_without): the instance keeps its attributes as values
// (no materialized dict) and the keys are still the version cached.
inline bool shared_keys_guard(PyObject* obj, PyTypeObject* tp, const KraitCache* c) {
  return object_managed_dict(obj) == nullptr &&
         reinterpret_cast<PyHeapTypeObject*>(tp)->ht_cached_keys->dk_version == c->keys_version;
}

// LOAD_ATTR's specialized forms (cpython_shim.c fills the caches): the attribute
// (borrowed), or nullptr when the cache misses.
inline PyObject* load_attr_hit(PyObject* owner, const KraitCache* c) {
  PyTypeObject* tp = Py_TYPE(owner);
  switch (c->kind) {
    case kKraitCacheInstanceValue: {
      if (tp->tp_version_tag != c->version) return nullptr;
      PyDictValues* values = object_values(owner);
      return values != nullptr ? values->values[c->index] : nullptr;
    }
    case kKraitCacheSlot:  // an unset slot misses: the generic path raises AttributeError
      if (tp->tp_version_tag != c->version) return nullptr;
      return *reinterpret_cast<PyObject**>(reinterpret_cast<char*>(owner) + c->index);
    case kKraitCacheClassValue:
      if (tp->tp_version_tag != c->version) return nullptr;
      if (c->keys_version != 0 && !shared_keys_guard(owner, tp, c)) return nullptr;
      return c->descr;
    case kKraitCacheTypeValue:  // version tags are unique: the tag names the class
      if (tp != &PyType_Type ||
          reinterpret_cast<PyTypeObject*>(owner)->tp_version_tag != c->version)
        return nullptr;
      return c->descr;
    case kKraitCacheModuleAttr: {  // `math.sin(x)` is LOAD_GLOBAL math + LOAD_ATTR sin in 3.11
      if (tp != &PyModule_Type) return nullptr;
      auto* dict = reinterpret_cast<PyDictObject*>(reinterpret_cast<PyModuleObject*>(owner)->md_dict);
      if (dict == nullptr || dict->ma_keys->dk_version != c->version) return nullptr;
      return DK_UNICODE_ENTRIES(dict->ma_keys)[c->index].me_value;
    }
    default:
      return nullptr;
  }
}

// STORE_ATTR_INSTANCE_VALUE and STORE_ATTR_SLOT: stores `value` (reference taken over) and
// returns true, or false without effects when the cache does not apply.
inline bool store_attr_hit(PyObject* owner, PyObject* value, const KraitCache* c) {
  if (Py_TYPE(owner)->tp_version_tag != c->version) return false;
  if (c->kind == kKraitCacheSlot) {
    auto** slot = reinterpret_cast<PyObject**>(reinterpret_cast<char*>(owner) + c->index);
    PyObject* old = *slot;
    *slot = value;
    Py_XDECREF(old);
    return true;
  }
  if (c->kind != kKraitCacheInstanceValue) return false;
  PyDictValues* values = object_values(owner);
  if (values == nullptr) return false;
  PyObject* old = values->values[c->index];
  values->values[c->index] = value;
  if (old == nullptr) {
    _PyDictValues_AddToInsertionOrder(values, c->index);
  } else {
    Py_DECREF(old);
  }
  return true;
}

// LOAD_METHOD_WITH_VALUES / LOAD_METHOD_NO_DICT: the method descriptor (borrowed), or nullptr
// on a miss.
inline PyObject* load_method_hit(PyObject* obj, const KraitCache* c) {
  PyTypeObject* tp = Py_TYPE(obj);
  if (c->kind == kKraitCacheMethodNoDict)
    return tp->tp_version_tag == c->version ? c->descr : nullptr;
  if (c->kind != kKraitCacheMethodWithValues) return nullptr;
  if (tp->tp_version_tag != c->version || !shared_keys_guard(obj, tp, c)) return nullptr;
  return c->descr;
}

}  // namespace krait
