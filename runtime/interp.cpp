// Krait's baseline interpreter for CPython 3.11 bytecode.
//
// Runs a frame over the pre-decoded instructions of its code object (code_info.h) with
// computed-goto dispatch. The frame stays CPython's own _PyInterpreterFrame: locals and the
// value stack live in frame->localsplus, and frame->prev_instr always names the executing
// instruction, so anything CPython does while we call out (tracebacks, sys._getframe,
// f_locals, f_lineno) sees the same state as under CPython's loop.
//
// Each opcode is either implemented with CPython's semantics (same C-API calls, same order,
// same reference counting, same stack at `goto error`) or handed to CPython's own loop
// mid-frame (handoff.cpp): *before* it has any effect when the fast path does not apply
// (CPython then executes it, and raises its own exact error when there is one), or with the
// exception pending (throwflag=1) when it failed after having effects. CPython unwinds by the
// exception table and builds the traceback in both cases.
#include "interp.h"
#include "interp_inline.h"
#include "pylayout.h"
#include "record.h"

#include <cstdlib>
#include <cstring>

#include "cpython_internal.h"
#include "cpython_shim.h"
#include "krait/krait.h"
#include "krait/log.h"
#include "krait/options.h"
#include "krait/stats.h"
#include "py_opcodes.h"

namespace krait {

namespace {

// The opcodes the interpreter implements; every other opcode is handed to CPython. A name
// here without an `op_NAME:` label below is a compile error, and so is a label without a row.
#define KRAIT_INTERP_OPS(X)                                                                   \
  X(NOP) X(RESUME) X(LOAD_FAST) X(LOAD_CONST) X(STORE_FAST) X(DELETE_FAST) X(POP_TOP)       \
  X(PUSH_NULL) X(COPY) X(SWAP) X(UNARY_NEGATIVE) X(UNARY_POSITIVE) X(UNARY_INVERT)          \
  X(UNARY_NOT) X(BINARY_OP) X(COMPARE_OP) X(IS_OP) X(CONTAINS_OP) X(BINARY_SUBSCR)          \
  X(STORE_SUBSCR) X(DELETE_SUBSCR) X(BUILD_TUPLE) X(BUILD_LIST) X(BUILD_SET) X(BUILD_MAP)   \
  X(BUILD_CONST_KEY_MAP) X(BUILD_STRING) X(BUILD_SLICE) X(LIST_APPEND) X(SET_ADD)           \
  X(MAP_ADD) X(LIST_TO_TUPLE) X(LOAD_GLOBAL) X(STORE_GLOBAL) X(LOAD_NAME) X(STORE_NAME)     \
  X(LOAD_ATTR) X(STORE_ATTR) X(LOAD_METHOD) X(PRECALL) X(KW_NAMES) X(CALL) X(GET_ITER)      \
  X(FOR_ITER) X(JUMP_FORWARD) X(JUMP_BACKWARD) X(JUMP_BACKWARD_NO_INTERRUPT)                \
  X(POP_JUMP_FORWARD_IF_FALSE) X(POP_JUMP_FORWARD_IF_TRUE) X(POP_JUMP_BACKWARD_IF_FALSE)    \
  X(POP_JUMP_BACKWARD_IF_TRUE) X(POP_JUMP_FORWARD_IF_NONE) X(POP_JUMP_FORWARD_IF_NOT_NONE)  \
  X(POP_JUMP_BACKWARD_IF_NONE) X(POP_JUMP_BACKWARD_IF_NOT_NONE) X(JUMP_IF_FALSE_OR_POP)     \
  X(JUMP_IF_TRUE_OR_POP) X(RETURN_VALUE) X(YIELD_VALUE) X(UNPACK_SEQUENCE) X(LOAD_DEREF)    \
  X(STORE_DEREF) X(LOAD_CLOSURE) X(MAKE_CELL) X(COPY_FREE_VARS) X(MAKE_FUNCTION)            \
  X(FORMAT_VALUE) X(POP_EXCEPT) X(PUSH_EXC_INFO) X(CHECK_EXC_MATCH) X(RERAISE) \
  X(IMPORT_NAME) X(IMPORT_FROM) X(LOAD_BUILD_CLASS) X(BEFORE_WITH) X(WITH_EXCEPT_START) \
  X(DELETE_NAME) X(DELETE_GLOBAL) X(DELETE_ATTR) X(RETURN_GENERATOR) X(SEND)                \
  X(GET_YIELD_FROM_ITER) X(LIST_EXTEND) X(CALL_FUNCTION_EX) \
  X(RAISE_VARARGS) X(DICT_MERGE) X(DICT_UPDATE) X(SET_UPDATE) X(LOAD_ASSERTION_ERROR)       \
  X(GET_LEN) X(MATCH_MAPPING) X(MATCH_SEQUENCE)

constexpr auto kImplemented = [] {
  struct Table {
    bool ops[256] = {};
  } t;
#define X(name) t.ops[name] = true;
  KRAIT_INTERP_OPS(X)
#undef X
  return t;
}();

#define X(name) static_assert(kPyOps[name].base == name, #name " is not a base opcode");
KRAIT_INTERP_OPS(X)
#undef X

// binary_op oparg -> CPython's number protocol entry, in NB_* order (opcode.py _nb_ops).
const binaryfunc kBinaryOps[] = {
    PyNumber_Add,           PyNumber_And,          PyNumber_FloorDivide,
    PyNumber_Lshift,        PyNumber_MatrixMultiply, PyNumber_Multiply,
    PyNumber_Remainder,     PyNumber_Or,           _PyNumber_PowerNoMod,
    PyNumber_Rshift,        PyNumber_Subtract,     PyNumber_TrueDivide,
    PyNumber_Xor,           PyNumber_InPlaceAdd,   PyNumber_InPlaceAnd,
    PyNumber_InPlaceFloorDivide, PyNumber_InPlaceLshift, PyNumber_InPlaceMatrixMultiply,
    PyNumber_InPlaceMultiply, PyNumber_InPlaceRemainder, PyNumber_InPlaceOr,
    nullptr /* NB_INPLACE_POWER: see below */, PyNumber_InPlaceRshift,
    PyNumber_InPlaceSubtract, PyNumber_InPlaceTrueDivide, PyNumber_InPlaceXor,
};
static_assert(sizeof(kBinaryOps) / sizeof(kBinaryOps[0]) == 26);

PyObject* inplace_power_no_mod(PyObject* a, PyObject* b) {
  return PyNumber_InPlacePower(a, b, Py_None);
}


std::uint64_t g_chaos_state = 0x9E3779B97F4A7C15ull;
inline std::uint64_t chaos_next() {
  g_chaos_state ^= g_chaos_state << 13;
  g_chaos_state ^= g_chaos_state >> 7;
  g_chaos_state ^= g_chaos_state << 17;
  return g_chaos_state;
}

}  // namespace

std::uint64_t g_handoffs_by_op[256];

void interp_set_chaos_seed(std::uint64_t seed) { g_chaos_state = seed ? seed : 1; }

namespace {

// `except X:` needs an exception class or a tuple of them (ceval.c check_except_type_valid).
bool valid_except_type(PyObject* right) {
  if (PyTuple_Check(right)) {
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(right); ++i)
      if (!PyExceptionClass_Check(PyTuple_GET_ITEM(right, i))) return false;
    return true;
  }
  return PyExceptionClass_Check(right);
}

// CPython's call_trace: one trace/profile event with the line number set on the frame object.
int call_trace(Py_tracefunc func, PyObject* obj, PyThreadState* tstate,
               _PyInterpreterFrame* frame, int what, PyObject* arg) {
  if (tstate->tracing) return 0;
  PyFrameObject* f = _PyFrame_GetFrameObject(frame);
  if (f == nullptr) return -1;
  int old_what = tstate->tracing_what;
  tstate->tracing_what = what;
  PyThreadState_EnterTracing(tstate);
  if (_PyCode_InitLineArray(frame->f_code)) return -1;
  f->f_lineno = _PyCode_LineNumberFromArray(frame->f_code, _PyInterpreterFrame_LASTI(frame));
  int result = func(obj, f, what, arg);
  f->f_lineno = 0;
  PyThreadState_LeaveTracing(tstate);
  tstate->tracing_what = old_what;
  return result;
}

// CPython's call_exc_trace: the 'exception' event for the C-level trace function.
void call_exc_trace(PyThreadState* tstate, _PyInterpreterFrame* frame) {
  PyObject *type, *value, *orig_tb;
  PyErr_Fetch(&type, &value, &orig_tb);
  if (value == nullptr) {
    value = Py_None;
    Py_INCREF(value);
  }
  PyErr_NormalizeException(&type, &value, &orig_tb);
  PyObject* arg = PyTuple_Pack(3, type, value, orig_tb != nullptr ? orig_tb : Py_None);
  if (arg == nullptr) {
    PyErr_Restore(type, value, orig_tb);
    return;
  }
  int err = call_trace(tstate->c_tracefunc, tstate->c_traceobj, tstate, frame, PyTrace_EXCEPTION,
                       arg);
  Py_DECREF(arg);
  if (err == 0) {
    PyErr_Restore(type, value, orig_tb);
  } else {
    Py_XDECREF(type);
    Py_XDECREF(value);
    Py_XDECREF(orig_tb);
  }
}

// CPython's TRACE_FUNCTION_UNWIND: 'return' events (with no value) for a frame an exception
// leaves while tracing or profiling is on; errors from the hooks are ignored.
void trace_function_unwind(PyThreadState* tstate, _PyInterpreterFrame* frame) {
  for (int i = 0; i < 2; ++i) {
    Py_tracefunc func = i == 0 ? tstate->c_tracefunc : tstate->c_profilefunc;
    PyObject* obj = i == 0 ? tstate->c_traceobj : tstate->c_profileobj;
    if (func == nullptr) continue;
    PyObject *type, *value, *tb;
    PyErr_Fetch(&type, &value, &tb);
    if (call_trace(func, obj, tstate, frame, PyTrace_RETURN, nullptr) == 0) {
      PyErr_Restore(type, value, tb);
    } else {
      Py_XDECREF(type);
      Py_XDECREF(value);
      Py_XDECREF(tb);
      return;
    }
  }
}

// Binds a call's arguments into a new frame for `func`, as CPython's initialize_locals does
// on success. args[0..npos) are positional, then one value per name in kwnames. Returns 1 with
// *callee pushed (argument references and the callable's reference taken over from the
// caller's stack), 0 when the call must go through vectorcall instead (binding would fail,
// or a kind of callee this loop does not run; nothing changed), -1 on an error set.
__attribute__((noinline)) int bind_arguments_general(
    PyThreadState* tstate, PyFunctionObject* func, PyObject** args, Py_ssize_t npos,
    PyObject* kwnames, _PyInterpreterFrame** callee_out, CodeInfo** info_out) {
  auto* co = reinterpret_cast<PyCodeObject*>(func->func_code);
  constexpr int kNotInlined = CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR |
                              CO_ITERABLE_COROUTINE;
  if ((co->co_flags & kNotInlined) || !(co->co_flags & CO_OPTIMIZED)) return 0;
  const Py_ssize_t argc = co->co_argcount;
  const Py_ssize_t total = argc + co->co_kwonlyargcount;
  const bool has_varargs = co->co_flags & CO_VARARGS;
  const bool has_varkw = co->co_flags & CO_VARKEYWORDS;
  if (npos > argc && !has_varargs) return 0;
  const Py_ssize_t nkw = kwnames ? PyTuple_GET_SIZE(kwnames) : 0;
  const Py_ssize_t n = npos < argc ? npos : argc;
  PyObject** names = &PyTuple_GET_ITEM(co->co_localsplusnames, 0);
  Py_ssize_t ndefaults = func->func_defaults ? PyTuple_GET_SIZE(func->func_defaults) : 0;

  // Dry run: where each keyword goes (-1: the **kwargs dict); no effects until it succeeds.
  constexpr int kMaxKw = 32;
  if (nkw > kMaxKw || total > 255) return 0;
  int kw_slot[kMaxKw];
  unsigned char filled[256];
  for (Py_ssize_t j = 0; j < total; ++j) filled[j] = j < n;
  for (Py_ssize_t i = 0; i < nkw; ++i) {
    PyObject* key = PyTuple_GET_ITEM(kwnames, i);
    if (!PyUnicode_CheckExact(key)) return 0;
    int slot = -1;
    for (Py_ssize_t j = co->co_posonlyargcount; j < total && slot < 0; ++j)
      if (names[j] == key) slot = static_cast<int>(j);
    for (Py_ssize_t j = co->co_posonlyargcount; j < total && slot < 0; ++j)
      if (PyUnicode_CheckExact(names[j]) && PyUnicode_Compare(key, names[j]) == 0)
        slot = static_cast<int>(j);
    if (slot < 0) {
      if (!has_varkw) return 0;
    } else {
      if (filled[slot]) return 0;  // multiple values
      filled[slot] = 1;
    }
    kw_slot[i] = slot;
  }
  for (Py_ssize_t j = n; j < argc; ++j)
    if (!filled[j] && j < argc - ndefaults) return 0;  // missing positional
  for (Py_ssize_t j = argc; j < total; ++j) {
    if (filled[j]) continue;
    if (func->func_kwdefaults == nullptr || !PyDict_CheckExact(func->func_kwdefaults)) return 0;
    PyObject* def = PyDict_GetItemWithError(func->func_kwdefaults, names[j]);
    if (def == nullptr) {
      if (PyErr_Occurred()) return -1;
      return 0;  // missing keyword-only
    }
  }
  CodeInfo* callee_info = code_info(co);
  if (callee_info == nullptr) return 0;

  // Containers first (their failure leaves everything untouched): *args, **kwargs.
  PyObject* varargs = nullptr;
  PyObject* kwdict = nullptr;
  if (has_varargs) {
    varargs = PyTuple_New(npos - n);
    if (varargs == nullptr) return -1;
    for (Py_ssize_t j = n; j < npos; ++j) {
      Py_INCREF(args[j]);
      PyTuple_SET_ITEM(varargs, j - n, args[j]);
    }
  }
  if (has_varkw) {
    kwdict = PyDict_New();
    if (kwdict == nullptr) {
      Py_XDECREF(varargs);
      return -1;
    }
    for (Py_ssize_t i = 0; i < nkw; ++i) {
      if (kw_slot[i] >= 0) continue;
      if (PyDict_SetItem(kwdict, PyTuple_GET_ITEM(kwnames, i), args[npos + i]) < 0) {
        Py_XDECREF(varargs);
        Py_DECREF(kwdict);
        return -1;
      }
    }
  }
  Py_INCREF(func);
  _PyInterpreterFrame* callee = push_frame(tstate, func);
  if (callee == nullptr) {
    Py_XDECREF(varargs);
    Py_XDECREF(kwdict);
    return -1;
  }
  PyObject** locals = callee->localsplus;
  for (int j = 0; j < co->co_nlocalsplus; ++j) locals[j] = nullptr;
  for (Py_ssize_t j = 0; j < n; ++j) locals[j] = args[j];
  for (Py_ssize_t j = n; j < npos; ++j) Py_DECREF(args[j]);  // now held by the *args tuple
  if (has_varargs) locals[total] = varargs;
  if (has_varkw) locals[total + (has_varargs ? 1 : 0)] = kwdict;
  for (Py_ssize_t i = 0; i < nkw; ++i) {
    if (kw_slot[i] >= 0) {
      locals[kw_slot[i]] = args[npos + i];
    } else {
      Py_DECREF(args[npos + i]);  // held by the **kwargs dict
    }
  }
  for (Py_ssize_t j = n; j < argc; ++j) {
    if (locals[j] != nullptr) continue;
    PyObject* def = PyTuple_GET_ITEM(func->func_defaults, j - (argc - ndefaults));
    Py_INCREF(def);
    locals[j] = def;
  }
  for (Py_ssize_t j = argc; j < total; ++j) {
    if (locals[j] != nullptr) continue;
    PyObject* def = PyDict_GetItem(func->func_kwdefaults, names[j]);  // checked above
    Py_INCREF(def);
    locals[j] = def;
  }
  Py_DECREF(func);  // the caller's stack reference to the callable
  (void)tstate;
  *callee_out = callee;
  *info_out = callee_info;
  return 1;
}

// After a call bound by bind_arguments: when its positional arguments were exactly the
// callee's parameters, the site remembers the function (by version) and its CodeInfo for the
// cached path of CALL (CPython's CALL_PY_EXACT_ARGS). Giving a function a version takes one
// from CPython's process-wide 32-bit counter (at 0 it stops specializing calls for good), so
// a site that keeps meeting other functions (a nested def or lambda made per call) gives up
// after KRAIT_CACHE_MAX_MISSES re-specializations, as the other caches do.
void remember_exact_call(KraitCache* c, PyFunctionObject* func, Py_ssize_t npos,
                         CodeInfo* callee_info);

// Code whose parameters are plain positional ones (no *args/**kwargs, keyword-only ones or
// generator kinds): the shape both fast binding paths handle.
inline bool positional_only_code(PyCodeObject* co) {
  constexpr int kSimpleMask = CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR |
                              CO_ITERABLE_COROUTINE | CO_VARARGS | CO_VARKEYWORDS | CO_OPTIMIZED;
  return (co->co_flags & kSimpleMask) == CO_OPTIMIZED && co->co_kwonlyargcount == 0;
}

// The frame for a call of `func` with its first `npos` locals taken from `args` (references
// moved) and the rest unbound; the caller's reference to func moves into the frame. nullptr
// with MemoryError set (nothing moved) when the frame stack cannot grow.
inline _PyInterpreterFrame* push_frame_with_args(PyThreadState* tstate, PyFunctionObject* func,
                                                 PyObject** args, Py_ssize_t npos) {
  Py_INCREF(func);
  _PyInterpreterFrame* callee = push_frame(tstate, func);
  if (callee == nullptr) return nullptr;
  PyObject** locals = callee->localsplus;
  for (Py_ssize_t j = 0; j < npos; ++j) locals[j] = args[j];
  const int nlocals = reinterpret_cast<PyCodeObject*>(func->func_code)->co_nlocalsplus;
  for (Py_ssize_t j = npos; j < nlocals; ++j) locals[j] = nullptr;
  Py_DECREF(func);  // the caller's stack reference to the callable
  return callee;
}

void remember_exact_call(KraitCache* c, PyFunctionObject* func, Py_ssize_t npos,
                         CodeInfo* callee_info) {
  if (c->kind == kKraitCacheGeneric) return;
  if (c->kind == kKraitCacheCallPyExact && ++c->misses >= KRAIT_CACHE_MAX_MISSES) {
    c->kind = kKraitCacheGeneric;
    return;
  }
  auto* co = reinterpret_cast<PyCodeObject*>(func->func_code);
  if (!positional_only_code(co) || co->co_argcount != npos) return;
  const std::uint32_t version = _PyFunction_GetVersionForCurrentState(func);
  if (version == 0) return;
  c->kind = kKraitCacheCallPyExact;
  c->version = version;
  c->index = npos;
  c->descr = reinterpret_cast<PyObject*>(callee_info);
}

// The common shape first (CPython's CALL_PY_EXACT_ARGS / _WITH_DEFAULTS: positional
// arguments, missing trailing ones from the defaults); everything else in the general binder.
inline int bind_arguments(PyThreadState* tstate, PyFunctionObject* func, PyObject** args,
                          Py_ssize_t npos, PyObject* kwnames, _PyInterpreterFrame** callee_out,
                          CodeInfo** info_out) {
  auto* co = reinterpret_cast<PyCodeObject*>(func->func_code);
  const Py_ssize_t argc = co->co_argcount;
  if (kwnames == nullptr && positional_only_code(co) && npos <= argc) {
    Py_ssize_t ndefaults = func->func_defaults ? PyTuple_GET_SIZE(func->func_defaults) : 0;
    if (npos >= argc - ndefaults) {
      CodeInfo* callee_info = code_info(co);
      if (callee_info == nullptr) return 0;
      _PyInterpreterFrame* callee = push_frame_with_args(tstate, func, args, npos);
      if (callee == nullptr) return -1;
      PyObject** locals = callee->localsplus;
      for (Py_ssize_t j = npos; j < argc; ++j) {
        PyObject* def = PyTuple_GET_ITEM(func->func_defaults, j - (argc - ndefaults));
        Py_INCREF(def);
        locals[j] = def;
      }
      *callee_out = callee;
      *info_out = callee_info;
      return 1;
    }
  }
  return bind_arguments_general(tstate, func, args, npos, kwnames, callee_out, info_out);
}

}  // namespace

// ceval.c do_raise for `raise exc [from cause]` (exc non-NULL; references taken over):
// always leaves an exception set.
void raise_exception(PyObject* exc, PyObject* cause) {
  PyObject* type = nullptr;
  PyObject* value = nullptr;
  if (PyExceptionClass_Check(exc)) {
    type = exc;
    value = PyObject_CallNoArgs(exc);
    if (value == nullptr) goto raise_error;
    if (!PyExceptionInstance_Check(value)) {
      PyErr_Format(PyExc_TypeError,
                   "calling %R should have returned an instance of BaseException, not %R",
                   type, Py_TYPE(value));
      goto raise_error;
    }
  } else if (PyExceptionInstance_Check(exc)) {
    value = exc;
    type = PyExceptionInstance_Class(exc);
    Py_INCREF(type);
  } else {
    Py_DECREF(exc);
    PyErr_SetString(PyExc_TypeError, "exceptions must derive from BaseException");
    goto raise_error;
  }
  if (cause != nullptr) {
    PyObject* fixed_cause;
    if (PyExceptionClass_Check(cause)) {
      fixed_cause = PyObject_CallNoArgs(cause);
      if (fixed_cause == nullptr) goto raise_error;
      Py_DECREF(cause);
    } else if (PyExceptionInstance_Check(cause)) {
      fixed_cause = cause;
    } else if (Py_IsNone(cause)) {
      Py_DECREF(cause);
      fixed_cause = nullptr;
    } else {
      PyErr_SetString(PyExc_TypeError, "exception causes must derive from BaseException");
      goto raise_error;
    }
    PyException_SetCause(value, fixed_cause);
  }
  PyErr_SetObject(type, value);
  Py_DECREF(value);
  Py_DECREF(type);
  return;
raise_error:
  Py_XDECREF(value);
  Py_XDECREF(type);
  Py_XDECREF(cause);
}

// ceval.c format_kwargs_error: DICT_MERGE's TypeErrors for `f(**x)`.
void format_kwargs_error(PyObject* func, PyObject* kwargs) {
  if (PyErr_ExceptionMatches(PyExc_AttributeError)) {
    PyErr_Clear();
    PyObject* funcstr = _PyObject_FunctionStr(func);
    if (funcstr != nullptr) {
      PyErr_Format(PyExc_TypeError, "%U argument after ** must be a mapping, not %.200s",
                   funcstr, Py_TYPE(kwargs)->tp_name);
      Py_DECREF(funcstr);
    }
  } else if (PyErr_ExceptionMatches(PyExc_KeyError)) {
    PyObject *exc, *val, *tb;
    PyErr_Fetch(&exc, &val, &tb);
    if (val && PyTuple_Check(val) && PyTuple_GET_SIZE(val) == 1) {
      PyErr_Clear();
      PyObject* funcstr = _PyObject_FunctionStr(func);
      if (funcstr != nullptr) {
        PyErr_Format(PyExc_TypeError, "%U got multiple values for keyword argument '%S'",
                     funcstr, PyTuple_GET_ITEM(val, 0));
        Py_DECREF(funcstr);
      }
      Py_XDECREF(exc);
      Py_XDECREF(val);
      Py_XDECREF(tb);
    } else {
      PyErr_Restore(exc, val, tb);
    }
  }
}

// The __init__ function of a class whose instances `type(...)` makes exactly as
// object_new + slot_tp_init do (CPython's type_call path for a plain Python class): a heap
// type of metaclass `type`, object's tp_new, not abstract, and a Python-function __init__
// that tp_init dispatches to. Borrowed, or nullptr for every other callable.
PyObject* plain_class_init(PyObject* callable) {
  if (!Py_IS_TYPE(callable, &PyType_Type)) return nullptr;
  auto* tp = reinterpret_cast<PyTypeObject*>(callable);
  if (!(tp->tp_flags & Py_TPFLAGS_HEAPTYPE) || (tp->tp_flags & Py_TPFLAGS_IS_ABSTRACT) ||
      tp->tp_new != PyBaseObject_Type.tp_new || tp->tp_init == PyBaseObject_Type.tp_init ||
      tp->tp_alloc != PyType_GenericAlloc)
    return nullptr;
  static PyObject* const init_name = PyUnicode_InternFromString("__init__");
  PyObject* init = _PyType_Lookup(tp, init_name);
  if (init == nullptr || !Py_IS_TYPE(init, &PyFunction_Type)) return nullptr;
  // A heap type whose __init__ (found in its MRO) is a Python function has CPython's generic
  // slot_tp_init in tp_init (typeobject.c update_one_slot). That function is not exported:
  // learn its address from the first such class and require every later one to agree.
  static initproc slot_tp_init = tp->tp_init;
  return tp->tp_init == slot_tp_init ? init : nullptr;
}

// The dispatch table, process-wide (the GIL serialises every use): the handlers' labels by
// opcode (g_handlers), or slow_dispatch in every entry while a recording is in progress in
// any invocation or for the whole run in the slow test modes (chaos, interp log). Indexing a
// global array needs no register or stack slot for the table in every handler. Entry 255 is
// never an opcode (CPython uses it for DO_TRACING) and is always slow_dispatch: dispatch after
// anything that may have run Python code ORs cframe.use_tracing (0 or 255) into the opcode, as
// CPython's loop does for every instruction, so tracing switched on there is seen at once.
namespace {
void* g_handlers[256];
void* g_dispatch[256];
void* g_slow_entry = nullptr;
int g_slow_users = 0;  // recordings in progress, plus one for a slow test mode

void acquire_slow_dispatch() {
  if (g_slow_users++ == 0)
    for (void*& entry : g_dispatch) entry = g_slow_entry;
}

void release_slow_dispatch() {
  if (--g_slow_users == 0) std::memcpy(g_dispatch, g_handlers, sizeof g_dispatch);
}
}  // namespace

PyObject* interp_eval_frame(PyThreadState* tstate, _PyInterpreterFrame* frame, CodeInfo* info) {
  // Labels of the handlers, indexed by opcode (g_handlers); unimplemented opcodes go to
  // CPython.
  void** const targets = g_handlers;
  static bool targets_ready = false;
  static bool layouts_ok = false;  // private iterator layouts match (jit/pylayout.h)
  static struct {
    PyObject* len;
    PyObject* list_append;
    PyObject* list_pop;
  } callable_cache;
  // The options every entry needs, read once (they are set before Python starts), so that a
  // generator resumed from C or a callback does not reload and recompute them.
  static struct {
    bool inline_calls;
    bool cold_handoffs;  // default routing only: the test modes run every frame here
    bool slow_mode;
    std::uint32_t hot_threshold;
    std::uint64_t chaos;
    PyInterpreterState* interp;  // the main interpreter, whose breaker word is cached
    volatile int* eval_breaker;
  } entry;
  if (!targets_ready) {
    for (int i = 0; i < 256; ++i) targets[i] = &&not_implemented;
#define X(name) targets[name] = &&op_##name;
    KRAIT_INTERP_OPS(X)
#undef X
#define XOP_PAIR(name, number, first, second) targets[number] = &&xop_##name;
#define XOP_BINARY(name, number, operator) targets[number] = &&xop_##name;
#define XOP_COMPARE(name, number, operator, jump_if) targets[number] = &&xop_##name;
#define XOP_TRIPLE(name, number, first, second, third) targets[number] = &&xop_##name;
#include "interp_xops.def"
#undef XOP_PAIR
#undef XOP_BINARY
#undef XOP_COMPARE
#undef XOP_TRIPLE
    targets[255] = &&slow_dispatch;
    layouts_ok = jit::check_pylayouts();
    // CPython's interp->callable_cache: the builtins its specializer treats specially,
    // taken from the builtins of the first frame (start-up code, before any user code).
    callable_cache.len = PyDict_GetItemString(frame->f_builtins, "len");
    callable_cache.list_append = PyDict_GetItemString(PyList_Type.tp_dict, "append");
    Py_XINCREF(callable_cache.len);
    Py_XINCREF(callable_cache.list_append);
    callable_cache.list_pop = PyDict_GetItemString(PyList_Type.tp_dict, "pop");
    Py_XINCREF(callable_cache.list_pop);
    g_count_spec_hits = options().spec_stats;
    entry.inline_calls = options().interp_calls;
    entry.chaos = options().interp_chaos;
    entry.hot_threshold = static_cast<std::uint32_t>(options().hot_loop);
    entry.cold_handoffs =
        static_cast<InterpMode>(options().interp) == InterpMode::kLoops && entry.chaos == 0;
    entry.slow_mode = entry.chaos != 0 || log_enabled(LogChannel::k_interp);
    entry.interp = tstate->interp;
    entry.eval_breaker = krait_eval_breaker_ptr(tstate);
    g_slow_entry = &&slow_dispatch;
    std::memcpy(g_dispatch, g_handlers, sizeof g_dispatch);
    if (entry.slow_mode) acquire_slow_dispatch();
    targets_ready = true;
  }
  static_assert(kPyOps[255].name == nullptr, "opcode 255 must stay unused");

  // Per-frame state; Python-to-Python calls switch it to the callee's frame and back.
  _PyInterpreterFrame* const entry_frame = frame;
  PyCodeObject* code;
  _Py_CODEUNIT* first_instr;
  Instr* instrs;
  PyObject* names;
  PyObject* consts;
  PyObject** localsplus;
#define LOAD_FRAME_STATE()               \
  do {                                   \
    code = frame->f_code;                \
    first_instr = _PyCode_CODE(code);    \
    instrs = info->instrs.data();        \
    names = code->co_names;              \
    consts = code->co_consts;            \
    localsplus = frame->localsplus;      \
  } while (0)
  LOAD_FRAME_STATE();
  int throwflag = 0;
  std::uint32_t unwind_unit = 0;
  const bool inline_calls = entry.inline_calls;
  const std::uint64_t chaos = entry.chaos;
  const std::uint32_t hot_threshold = entry.hot_threshold;
  const bool cold_handoffs = entry.cold_handoffs;

  // Where execution continues: CPython's convention, prev_instr + 1.
  std::int32_t start = info->index_at(frame->prev_instr + 1 - first_instr);
  if (start < 0) {
    // Not an instruction boundary we know (cannot happen for CPython-produced frames):
    // never guess, let CPython run it.
    bump(Stat::k_interp_bad_entry);
    return _PyEval_EvalFrameDefault(tstate, frame, 0);
  }

  // Enter the frame exactly as _PyEval_EvalFrameDefault does: our own _PyCFrame, linked
  // frame, recursion counted.
  _PyCFrame cframe;
  _PyCFrame* prev_cframe = tstate->cframe;
  cframe.use_tracing = prev_cframe->use_tracing;
  cframe.previous = prev_cframe;
  tstate->cframe = &cframe;
  frame->is_entry = true;
  frame->previous = prev_cframe->current_frame;
  cframe.current_frame = frame;
  bump(Stat::k_interp_frames);

  Instr* ip = instrs + start;
  PyObject** sp = _PyFrame_GetStackPointer(frame);
  frame->stacktop = -1;  // running: the GC must not traverse the value stack (as CPython)
  PyObject* kwnames = nullptr;  // set by KW_NAMES, consumed by the CALL that follows it
  PyObject* binop_res;  // binary_done_silent's input: the result, the operands still on the stack
  // __init__ frames of class calls running in this loop (innermost last): their return
  // finishes the class call (finish_init). Deeper nesting takes the C-recursive path.
  constexpr int kMaxInitFrames = 32;
  _PyInterpreterFrame* init_frames[kMaxInitFrames];
  int n_init = 0;
  PyObject* init_ret = nullptr;  // finish_init's input: __init__'s result
// Whether `f` (a callee frame about to be popped) is the innermost __init__ frame; if so it
// is forgotten, and the caller must continue at finish_init.
#define IS_INIT_FRAME(f) (n_init > 0 && init_frames[n_init - 1] == (f) && (--n_init, true))
  // Generator frames resumed by FOR_ITER and running in this loop (innermost last): their
  // yield, return or exception continues the FOR_ITER at finish_gen, as gen_send_ex2 does.
  constexpr int kMaxGenFrames = 32;
  _PyInterpreterFrame* gen_frames[kMaxGenFrames];
  int n_gen = 0;
  PyObject* gen_ret = nullptr;  // finish_gen's input: the yielded or returned value
#define IS_GEN_FRAME(f) (n_gen > 0 && gen_frames[n_gen - 1] == (f) && (--n_gen, true))
  volatile int* const eval_breaker =
      tstate->interp == entry.interp ? entry.eval_breaker : krait_eval_breaker_ptr(tstate);
  std::uint64_t chaos_countdown = chaos ? (chaos_next() % chaos) + 1 : 0;
  // The tracing JIT's recorder while this invocation records a loop: every instruction goes
  // through slow_dispatch, which reports it before it executes. Every way out of this C
  // function passes UNLINK_CFRAME, which ends an unfinished recording. (Not a destructor: a
  // daemon thread that pthread_exit()s in take_gil at shutdown force-unwinds through this
  // frame, and a cleanup here made that unwinding abort the process.)
  jit::Recorder* recorder = nullptr;

  if (enter_recursive_call(tstate)) goto exit_with_error;

#define TOP() (sp[-1])
#define SECOND() (sp[-2])
#define THIRD() (sp[-3])
#define PEEK(n) (sp[-(n)])
#define PUSH(v) (*sp++ = (v))
#define POP() (*--sp)
// Through `frame` (its localsplus is at a fixed offset): one register fewer than a pointer.
#define GETLOCAL(i) (frame->localsplus[i])
// Dispatch is replicated into every handler (not a shared `goto dispatch`), so each handler
// ends in its own indirect jump and the branch predictor sees opcode pairs, as in CPython.
// frame->prev_instr names the executing instruction for everything that can observe it (a
// traceback, f_lineno seen from Python code, a generator's resume point), so every handler
// that may run code, raise or suspend sets it first (SYNC_PREV). The silent handlers (local
// and constant loads, stores whose old value survives, jumps, int/float fast paths, list and
// range iteration) do not: nothing can look at the frame while they run, and they sync
// before any slow path. Dispatch itself stores nothing.
#define SYNC_PREV() (frame->prev_instr = first_instr + ip->offset)
#define DISPATCH()                                            \
  do {                                                        \
    goto* g_dispatch[ip->xop | cframe.use_tracing];           \
  } while (0)
#define NEXT() \
  do {         \
    ++ip;      \
    DISPATCH(); \
  } while (0)
#define JUMP_TO(index)       \
  do {                       \
    ip = instrs + (index);   \
    DISPATCH();              \
  } while (0)
// After a handler's path that cannot have run Python code (no call, no destructor that may
// run one, nothing that can raise: loads, stores whose old value survives, int/float/bool
// arithmetic and tests, jumps, cache hits), tracing cannot have been switched on: those paths
// dispatch without the use_tracing test.
#define DISPATCH_SILENT()        \
  do {                           \
    goto* g_dispatch[ip->xop];   \
  } while (0)
#define NEXT_SILENT()     \
  do {                    \
    ++ip;                 \
    DISPATCH_SILENT();    \
  } while (0)
#define JUMP_TO_SILENT(index)   \
  do {                          \
    ip = instrs + (index);      \
    DISPATCH_SILENT();          \
  } while (0)
// CPython checks the eval breaker after backward jumps and calls; a failure raises at the
// instruction that checked (prev_instr still names it).
#define CHECK_EVAL_BREAKER()                                        \
  do {                                                              \
    if (*eval_breaker) {                                            \
      SYNC_PREV();                                                  \
      bump(Stat::k_interp_eval_breaker);                            \
      if (krait_handle_eval_breaker(tstate) != 0) goto error_at;    \
    }                                                               \
  } while (0)

// Leaving the entry frame: restore the caller's _PyCFrame and hand tracing state back to it,
// as CPython's loop does on every exit.
#define UNLINK_CFRAME()                                            \
  do {                                                             \
    if (recorder != nullptr) {                                     \
      jit::record_abort(recorder, jit::AbortReason::k_left_loop);  \
      recorder = nullptr;                                          \
      release_slow_dispatch();                                     \
    }                                                              \
    tstate->cframe = cframe.previous;                              \
    tstate->cframe->use_tracing = cframe.use_tracing;              \
  } while (0)

// Continues in the frame CALL just pushed for a Python function (its locals bound; the
// caller's stacktop and prev_instr already saved), linked under the running frame.
#define ENTER_PUSHED_FRAME(callee, callee_info)                   \
  do {                                                            \
    *return_point(callee) = {info, ip + 1};                       \
    (callee)->previous = frame;                                   \
    frame = cframe.current_frame = (callee);                      \
    info = (callee_info);                                         \
    LOAD_FRAME_STATE();                                           \
    ip = instrs;                                                  \
    sp = _PyFrame_GetStackPointer(frame);                         \
    frame->stacktop = -1;                                         \
    bump(Stat::k_interp_inlined_calls);                           \
    if (enter_recursive_call(tstate)) goto exit_with_error;       \
    DISPATCH();                                                   \
  } while (0)

// Continues `frame` where CPython would, after prev_instr (a caller whose callee finished).
#define LOAD_FRAME_STATE_AT_PREV()                                       \
  do {                                                                   \
    info = code_info(frame->f_code);                                     \
    LOAD_FRAME_STATE();                                                  \
    ip = instrs + info->index_at(frame->prev_instr + 1 - first_instr);   \
  } while (0)

// Leaves a finished callee frame: unlink it, clear and pop it from the thread's frame stack
// (as CPython's _PyEvalFrameClearAndPop), and reload the caller's state from the ReturnPoint
// ENTER_PUSHED_FRAME left below the frame: execution continues after the caller's CALL.
#define POP_TO_CALLER()                                  \
  do {                                                   \
    _PyInterpreterFrame* dying = frame;                  \
    const ReturnPoint ret_ = *return_point(dying);       \
    frame = cframe.current_frame = dying->previous;      \
    clear_and_pop_frame(tstate, dying);                  \
    info = ret_.info;                                    \
    LOAD_FRAME_STATE();                                  \
    ip = ret_.ip;                                        \
    sp = _PyFrame_GetStackPointer(frame);                \
    frame->stacktop = -1;                                \
  } while (0)

  DISPATCH();

slow_dispatch:
  // Recording, tracing, the chaos test mode or the interp log channel: the rare paths.
  SYNC_PREV();
  if (recorder != nullptr) {
    if (jit::record_step(recorder, frame, ip, sp) == jit::RecordStep::kStop) {
      recorder = nullptr;
      release_slow_dispatch();
    }
  }
  {
    // Tracing switched on by a callee: CPython must deliver the events from here on. Never
    // between KW_NAMES and its CALL (the names live in a C local of CPython's loop).
    if (cframe.use_tracing && kwnames == nullptr) {
      bump(Stat::k_interp_tracing_handoffs);
      goto handoff_here;
    }
    // (Not while recording: the test mode exercises the interpreter, and traces must still
    // get compiled so that their exits are exercised too.)
    if (chaos_countdown && kwnames == nullptr && recorder == nullptr && --chaos_countdown == 0) {
      chaos_countdown = (chaos_next() % chaos) + 1;
      if (chaos_next() & 1) {
        bump(Stat::k_interp_chaos_handoffs);
        goto handoff_here;
      }
      // Bounce: leave the loop with the state in the frame, then resume from the frame as a
      // deoptimizing trace will.
      bump(Stat::k_interp_chaos_resumes);
      frame->prev_instr = first_instr + ip->start - 1;
      frame->stacktop = static_cast<int>(sp - localsplus);
      std::int32_t resume = info->index_at(frame->prev_instr + 1 - first_instr);
      if (resume < 0) Py_FatalError("krait: resume point lost");
      ip = instrs + resume;
      sp = _PyFrame_GetStackPointer(frame);
      frame->stacktop = -1;
      frame->prev_instr = first_instr + ip->offset;
    }
  }
  if (log_enabled(LogChannel::k_interp)) {
    log_printf(LogChannel::k_interp, "%4u %-28s %6d  depth=%d", ip->offset * 2,
               py_op_name(ip->op), ip->arg,
               static_cast<int>(sp - localsplus) - code->co_nlocalsplus);
  }
  goto* targets[ip->op];

not_implemented:
  goto handoff_here;

op_NOP:
  NEXT();

op_RESUME:
  _PyCode_Warmup(code);
  if (*eval_breaker && ip->arg < 2) {
    SYNC_PREV();
    bump(Stat::k_interp_eval_breaker);
    if (krait_handle_eval_breaker(tstate) != 0) goto error_at;
  }
  NEXT();

op_LOAD_FAST: {
  PyObject* value = GETLOCAL(ip->arg);
  if (value == nullptr) {
    // When CPython has quickened this LOAD_FAST into the second half of a super-instruction,
    // its error names the first half's position (prev_instr is not advanced in between).
    // Report it there too; otherwise let CPython execute the LOAD_FAST and raise.
    if (ip->offset > 0) {
      int prev_op = _Py_OPCODE(first_instr[ip->offset - 1]);
      if (prev_op == LOAD_FAST__LOAD_FAST || prev_op == STORE_FAST__LOAD_FAST ||
          prev_op == LOAD_CONST__LOAD_FAST) {
        PyObject* name = PyTuple_GetItem(code->co_localsplusnames, ip->arg);
        const char* name_str = name ? PyUnicode_AsUTF8(name) : nullptr;
        if (name_str)
          PyErr_Format(PyExc_UnboundLocalError,
                       "cannot access local variable '%s' where it is not associated with a "
                       "value",
                       name_str);
        frame->prev_instr = first_instr + ip->offset - 1;
        goto error_at_prev_instr;
      }
    }
    goto handoff_here;
  }
  Py_INCREF(value);
  PUSH(value);
  NEXT_SILENT();
}

op_LOAD_CONST: {
  PyObject* value = PyTuple_GET_ITEM(consts, ip->arg);
  Py_INCREF(value);
  PUSH(value);
  NEXT_SILENT();
}

// Drops a local's old value after a store. Only when it dies does prev_instr get set (to
// `at`, the position a destructor must see: it may look at the frame); true if it died.
#define RELEASE_OLD_LOCAL(old, at) \
  ((old) != nullptr && --(old)->ob_refcnt == 0 &&   \
   (frame->prev_instr = (at), dealloc_object(old), true))

op_STORE_FAST: {
  PyObject* value = POP();
  PyObject* old = GETLOCAL(ip->arg);
  GETLOCAL(ip->arg) = value;
  if (RELEASE_OLD_LOCAL(old, first_instr + ip->offset)) NEXT();
  NEXT_SILENT();
}

// Super-instructions (interp_xops.def): each half as its own instruction does it. A second
// half that fails (an unbound local) is dispatched normally, so its error is raised at its own
// position; so is a second half after a store whose destructor switched tracing on, so that
// CPython takes over before it (otherwise the pair dispatches silently).
#define STORE_LOCAL_THEN_CHECK(index)                      \
  do {                                                     \
    PyObject* old_ = GETLOCAL(index);                      \
    GETLOCAL(index) = POP();                               \
    if (RELEASE_OLD_LOCAL(old_, first_instr + ip->offset) && \
        KRAIT_UNLIKELY(cframe.use_tracing))                \
      NEXT();                                              \
  } while (0)
#define PUSH_SECOND_LOCAL()                                \
  do {                                                     \
    PyObject* second_ = GETLOCAL(ip[1].arg);               \
    if (KRAIT_UNLIKELY(second_ == nullptr)) NEXT();        \
    Py_INCREF(second_);                                    \
    PUSH(second_);                                         \
    ip += 2;                                               \
    DISPATCH_SILENT();                                     \
  } while (0)
// The first half of every LOAD_FAST pair: the local pushed, or (unbound) LOAD_FAST's own
// handler raises.
#define PUSH_FIRST_LOCAL()                                       \
  do {                                                           \
    PyObject* first_ = GETLOCAL(ip->arg);                        \
    if (KRAIT_UNLIKELY(first_ == nullptr)) goto op_LOAD_FAST;    \
    Py_INCREF(first_);                                           \
    PUSH(first_);                                                \
  } while (0)
xop_LOAD_FAST__LOAD_FAST:
  PUSH_FIRST_LOCAL();
  PUSH_SECOND_LOCAL();

xop_LOAD_FAST__LOAD_CONST: {
  PUSH_FIRST_LOCAL();
  PyObject* second = PyTuple_GET_ITEM(consts, ip[1].arg);
  Py_INCREF(second);
  PUSH(second);
  ip += 2;
  DISPATCH_SILENT();
}

// A local load followed by a global, attribute or method load, an attribute store or a
// subscript (`op == LOAD` against a module constant, `self.x`, `stack.append`, `a[i]`): the
// second half runs in its own handler, reached by a direct jump instead of an indirect
// dispatch from the branch every successor of LOAD_FAST shares.
#define LOAD_FAST_THEN(second) \
  do {                         \
    PUSH_FIRST_LOCAL();        \
    ++ip;                      \
    goto op_##second;          \
  } while (0)
xop_LOAD_FAST__LOAD_GLOBAL:
  LOAD_FAST_THEN(LOAD_GLOBAL);
xop_LOAD_FAST__LOAD_GLOBAL__COMPARE_OP:
  LOAD_FAST_THEN(LOAD_GLOBAL__COMPARE_OP_hit);
xop_LOAD_FAST__LOAD_ATTR:
  LOAD_FAST_THEN(LOAD_ATTR);
xop_LOAD_FAST__LOAD_METHOD:
  LOAD_FAST_THEN(LOAD_METHOD);
xop_LOAD_FAST__STORE_ATTR:
  LOAD_FAST_THEN(STORE_ATTR);
xop_LOAD_FAST__BINARY_SUBSCR:
  LOAD_FAST_THEN(BINARY_SUBSCR);
#undef LOAD_FAST_THEN

// A load before an arithmetic operator (`x + y`, `n % 2`): BINARY_OP has a form per operator,
// so the pair is a copy of the load whose own dispatch branch only ever leads to those forms
// (and learns which one), instead of LOAD_FAST's or LOAD_CONST's shared one.
xop_LOAD_FAST__BINARY_OP:
  PUSH_FIRST_LOCAL();
  NEXT_SILENT();
#undef PUSH_FIRST_LOCAL

xop_LOAD_CONST__BINARY_OP: {
  PyObject* value = PyTuple_GET_ITEM(consts, ip->arg);
  Py_INCREF(value);
  PUSH(value);
  NEXT_SILENT();
}

xop_LOAD_CONST__LOAD_FAST: {
  PyObject* first = PyTuple_GET_ITEM(consts, ip->arg);
  Py_INCREF(first);
  PUSH(first);
  PUSH_SECOND_LOCAL();
}

xop_STORE_FAST__LOAD_FAST:
  STORE_LOCAL_THEN_CHECK(ip->arg);
  PUSH_SECOND_LOCAL();

xop_STORE_FAST__STORE_FAST: {
  STORE_LOCAL_THEN_CHECK(ip->arg);
  PyObject* old = GETLOCAL(ip[1].arg);
  GETLOCAL(ip[1].arg) = POP();
  // What a destructor sees: CPython's quickened code runs the pair as its own
  // STORE_FAST__STORE_FAST, which does not advance prev_instr; unquickened code (and a
  // second store with EXTENDED_ARG, which CPython does not pair) is at the second store.
  const bool died =
      RELEASE_OLD_LOCAL(old, first_instr + (code->co_warmup == 0 && ip[1].start == ip[1].offset
                                                ? ip->offset
                                                : ip[1].offset));
  ip += 2;
  if (died) DISPATCH();
  DISPATCH_SILENT();
}
#undef STORE_LOCAL_THEN_CHECK
#undef PUSH_SECOND_LOCAL
#undef RELEASE_OLD_LOCAL

op_DELETE_FAST: SYNC_PREV(); {
  PyObject* value = GETLOCAL(ip->arg);
  if (value == nullptr) goto handoff_here;
  GETLOCAL(ip->arg) = nullptr;
  Py_DECREF(value);
  NEXT();
}

op_POP_TOP: SYNC_PREV(); {
  PyObject* value = POP();
  decref(value);
  NEXT();
}

op_PUSH_NULL:
  PUSH(nullptr);
  NEXT_SILENT();

op_COPY: {
  PyObject* value = PEEK(ip->arg);
  Py_INCREF(value);
  PUSH(value);
  NEXT_SILENT();
}

op_SWAP: {
  PyObject* top = TOP();
  TOP() = PEEK(ip->arg);
  PEEK(ip->arg) = top;
  NEXT_SILENT();
}

#define UNARY(label, fn)              \
  label : {                           \
    SYNC_PREV();                      \
    PyObject* value = TOP();          \
    PyObject* res = fn(value);        \
    Py_DECREF(value);                 \
    TOP() = res;                      \
    if (res == nullptr) goto error_at; \
    NEXT();                           \
  }
  UNARY(op_UNARY_POSITIVE, PyNumber_Positive)
  UNARY(op_UNARY_INVERT, PyNumber_Invert)
#undef UNARY

op_UNARY_NEGATIVE: SYNC_PREV(); {
  // float_neg and long_neg's medium-value case inline; everything else as CPython.
  PyObject* value = TOP();
  long v;
  PyObject* res = PyFloat_CheckExact(value) ? PyFloat_FromDouble(-PyFloat_AS_DOUBLE(value))
                  : medium_int(value, &v)   ? long_from_medium_result(-v)
                                            : PyNumber_Negative(value);
  Py_DECREF(value);
  TOP() = res;
  if (res == nullptr) goto error_at;
  NEXT();
}

op_UNARY_NOT: SYNC_PREV(); {
  PyObject* value = TOP();
  int err = PyObject_IsTrue(value);
  Py_DECREF(value);
  if (err < 0) {
    --sp;
    goto error_at;
  }
  PyObject* res = err ? Py_False : Py_True;
  Py_INCREF(res);
  TOP() = res;
  NEXT();
}

op_BINARY_OP:
  // Normal dispatch runs the per-operator xops directly; the slow paths come here.
#define XOP_PAIR(name, number, first, second)
#define XOP_BINARY(name, number, operator) \
  if (ip->arg == NB_##operator || ip->arg == NB_INPLACE_##operator) goto xop_##name;
#include "interp_xops.def"
#undef XOP_PAIR
#undef XOP_BINARY
  goto binary_generic;

// Fast paths do what CPython's specialized BINARY_OP_* forms do: call the same int routines
// the number protocol would reach, or compute the float result directly. A float operand
// only the value stack references (a temporary) receives the result in place, so float
// arithmetic allocates nothing: its identity was unobservable.
#define FLOAT_RESULT(value)                                             \
  do {                                                                  \
    const double result_ = (value);                                     \
    bump_hit(Stat::k_spec_binary_op_hits);                              \
    if (Py_REFCNT(lhs) == 1 && PyFloat_CheckExact(lhs)) {               \
      reinterpret_cast<PyFloatObject*>(lhs)->ob_fval = result_;         \
      --sp;                                                             \
      decref(rhs);                                                      \
      NEXT_SILENT();                                                    \
    }                                                                   \
    if (Py_REFCNT(rhs) == 1 && PyFloat_CheckExact(rhs)) {               \
      reinterpret_cast<PyFloatObject*>(rhs)->ob_fval = result_;         \
      --sp;                                                             \
      TOP() = rhs;                                                      \
      decref(lhs);                                                      \
      NEXT_SILENT();                                                    \
    }                                                                   \
    binop_res = PyFloat_FromDouble(result_);                            \
    goto binary_done_silent;                                            \
  } while (0)
// The int result (a long) of int60 operands: a one-digit result into a temporary int of one or two
// digits whose only reference is the stack (never observable), else a new int.
#define INT60_RESULT(value)                                                        \
  do {                                                                              \
    const long result_ = (value);                                                   \
    bump_hit(Stat::k_spec_binary_op_hits);                                          \
    if (Py_REFCNT(lhs) == 1 && result_ >= KRAIT_SMALL_POS_INTS &&                   \
        result_ < (1L << PyLong_SHIFT)) {                                           \
      Py_SET_SIZE(lhs, 1);                                                          \
      reinterpret_cast<PyLongObject*>(lhs)->ob_digit[0] =                           \
          static_cast<digit>(result_);                                              \
      --sp;                                                                         \
      decref(rhs);                                                                  \
      NEXT_SILENT();                                                                \
    }                                                                               \
    binop_res = long_from_medium_result(result_);                                   \
    goto binary_done_silent;                                                        \
  } while (0)

// Ints of up to two digits (int60; products checked for overflow), exact ints, exact floats
// and float/int mixes (float's own methods), for the operators whose int routine is
// `long_fn`.
#define NUMERIC_FAST_PATHS(OP, overflow, long_fn)                                                 \
  PyObject* rhs = TOP();                                                                  \
  PyObject* lhs = SECOND();                                                               \
  long a, b, r;                                                                           \
  double x, y;                                                                            \
  if (int60(lhs, &a) && int60(rhs, &b) && !overflow(a, b, &r)) INT60_RESULT(r);          \
  if (PyLong_CheckExact(lhs) && Py_TYPE(rhs) == Py_TYPE(lhs)) {                           \
    bump_hit(Stat::k_spec_binary_op_hits);                                                \
    binop_res =                                                                           \
        long_fn(reinterpret_cast<PyLongObject*>(lhs), reinterpret_cast<PyLongObject*>(rhs)); \
    goto binary_done_silent;                                                              \
  }                                                                                       \
  if (PyFloat_CheckExact(lhs) && Py_TYPE(rhs) == Py_TYPE(lhs))                            \
    FLOAT_RESULT(PyFloat_AS_DOUBLE(lhs) OP PyFloat_AS_DOUBLE(rhs));                       \
  if (float_mixed_operands(lhs, rhs, &x, &y)) FLOAT_RESULT(x OP y)

xop_BINARY_OP_ADD: {
  NUMERIC_FAST_PATHS(+, __builtin_add_overflow, _PyLong_Add);
  if (PyUnicode_CheckExact(lhs) && Py_TYPE(rhs) == Py_TYPE(lhs) && ip[1].op == STORE_FAST &&
      GETLOCAL(ip[1].arg) == lhs) {
    // `s = s + t` / `s += t` on str: as CPython's BINARY_OP_INPLACE_ADD_UNICODE, drop the
    // stack's reference first so PyUnicode_Append may extend the string in place, and do
    // the STORE_FAST as part of it.
    bump_hit(Stat::k_spec_binary_op_hits);
    PyObject** target_local = &GETLOCAL(ip[1].arg);
    Py_DECREF(lhs);  // the local still holds it
    sp -= 2;
    PyUnicode_Append(target_local, rhs);
    Py_DECREF(rhs);
    if (*target_local == nullptr) goto error_at;
    ip += 2;
    DISPATCH();
  }
  goto binary_generic;
}

xop_BINARY_OP_SUBTRACT: {
  NUMERIC_FAST_PATHS(-, __builtin_sub_overflow, _PyLong_Subtract);
  goto binary_generic;
}

xop_BINARY_OP_MULTIPLY: {
  NUMERIC_FAST_PATHS(*, __builtin_mul_overflow, _PyLong_Multiply);
  goto binary_generic;
}
#undef NUMERIC_FAST_PATHS

xop_BINARY_OP_TRUE_DIVIDE: {
  PyObject* rhs = TOP();
  PyObject* lhs = SECOND();
  double x, y;
  // Division by zero stays on the generic path, which raises CPython's error.
  if (PyFloat_CheckExact(lhs) && Py_TYPE(rhs) == Py_TYPE(lhs) && PyFloat_AS_DOUBLE(rhs) != 0.0)
    FLOAT_RESULT(PyFloat_AS_DOUBLE(lhs) / PyFloat_AS_DOUBLE(rhs));
  // int / float and float / int (float's methods)
  if (float_mixed_operands(lhs, rhs, &x, &y) && y != 0.0) FLOAT_RESULT(x / y);
  goto binary_generic;
}
// Ints of up to two digits (int60), for the operators CPython 3.11 leaves generic: int's own
// results (floor division and modulo round toward minus infinity; zero divisors, negative
// shift counts and left shifts past 2**62 take the generic path, which raises or computes a
// big int).
#define INT60_XOP(label, applies, result)                                      \
  label : {                                                                         \
    PyObject* rhs = TOP();                                                          \
    PyObject* lhs = SECOND();                                                       \
    long a, b;                                                                      \
    if (int60(lhs, &a) && int60(rhs, &b) && (applies)) INT60_RESULT(result);       \
    goto binary_generic;                                                            \
  }
INT60_XOP(xop_BINARY_OP_REMAINDER, b != 0, floor_mod(a, b))
INT60_XOP(xop_BINARY_OP_FLOOR_DIVIDE, b != 0, floor_div(a, b))
INT60_XOP(xop_BINARY_OP_AND, true, a & b)
INT60_XOP(xop_BINARY_OP_OR, true, a | b)
INT60_XOP(xop_BINARY_OP_XOR, true, a ^ b)
INT60_XOP(xop_BINARY_OP_RSHIFT, b >= 0, a >> (b > 63 ? 63 : b))
INT60_XOP(xop_BINARY_OP_LSHIFT, b >= 0 && b <= 62 && ((a < 0 ? -a : a) >> (62 - b)) == 0,
               static_cast<long>(static_cast<unsigned long>(a) << b))
#undef INT60_XOP
#undef FLOAT_RESULT
#undef INT60_RESULT

binary_generic: {
  SYNC_PREV();
  bump(Stat::k_spec_binary_op_misses);
  PyObject* rhs = TOP();
  PyObject* lhs = SECOND();
  binop_res = ip->arg == NB_INPLACE_POWER ? inplace_power_no_mod(lhs, rhs)
                                          : kBinaryOps[ip->arg](lhs, rhs);
}
  Py_DECREF(SECOND());
  Py_DECREF(TOP());
  --sp;
  TOP() = binop_res;
  if (binop_res == nullptr) goto error_at;
  NEXT();
// The fast paths' end: exact int and float operands die without running any code.
binary_done_silent:
  decref(SECOND());
  decref(TOP());
  --sp;
  TOP() = binop_res;
  if (binop_res == nullptr) goto error_at;
  NEXT_SILENT();

op_COMPARE_OP: {
  PyObject* right = TOP();
  PyObject* left = SECOND();
  int cmp = ip->arg;
  bool r;
  long a, b;
  int list_eq;
  if (medium_int(left, &a) && medium_int(right, &b)) {
    r = cmp == Py_LT ? a < b : cmp == Py_LE ? a <= b : cmp == Py_EQ ? a == b
      : cmp == Py_NE ? a != b : cmp == Py_GT ? a > b : a >= b;
  } else if (PyFloat_CheckExact(left) && PyFloat_CheckExact(right)) {
    double x = PyFloat_AS_DOUBLE(left), y = PyFloat_AS_DOUBLE(right);
    r = cmp == Py_LT ? x < y : cmp == Py_LE ? x <= y : cmp == Py_EQ ? x == y
      : cmp == Py_NE ? x != y : cmp == Py_GT ? x > y : x >= y;
  } else if ((cmp == Py_EQ || cmp == Py_NE) && PyUnicode_CheckExact(left) &&
             PyUnicode_CheckExact(right) && code->co_warmup == 0) {
    // COMPARE_OP_STR_JUMP (quickened code only: the generic compare counts a recursion
    // level): str equality runs no Python code either.
    r = _PyUnicode_Equal(left, right) == (cmp == Py_EQ);
  } else if ((cmp == Py_EQ || cmp == Py_NE) && PyList_CheckExact(left) &&
             PyList_CheckExact(right) && tstate->recursion_remaining >= 2 &&
             (list_eq = list_numbers_equal(left, right)) >= 0) {
    // Lists of numbers (a result checked against a reference): the generic compare would
    // enter two recursion levels (the lists, then each item pair) and raise nothing with two
    // left, which the test above guarantees.
    r = (list_eq == 1) == (cmp == Py_EQ);
  } else {
    bump(Stat::k_spec_compare_op_misses);
    SYNC_PREV();
    PyObject* res = PyObject_RichCompare(left, right, cmp);
    --sp;
    TOP() = res;
    Py_DECREF(left);
    Py_DECREF(right);
    if (res == nullptr) goto error_at;
    NEXT();
  }
  // Exact int/float/str operands: no Python code can run, so like CPython's COMPARE_OP_*_JUMP
  // the following forward conditional jump is taken here without materialising a bool.
  bump_hit(Stat::k_spec_compare_op_hits);
  decref(left);
  decref(right);
  sp -= 2;
  if (ip[1].op == POP_JUMP_FORWARD_IF_FALSE) {
    if (!r) JUMP_TO_SILENT(ip[1].target);
    ip += 2;
    DISPATCH_SILENT();
  }
  if (ip[1].op == POP_JUMP_FORWARD_IF_TRUE) {
    if (r) JUMP_TO_SILENT(ip[1].target);
    ip += 2;
    DISPATCH_SILENT();
  }
  PyObject* res = r ? Py_True : Py_False;
  Py_INCREF(res);
  PUSH(res);
  NEXT_SILENT();
}

// COMPARE_OP + a forward conditional jump, per operator and jump (XOP_COMPARE): exact int or
// float operands as above with the C operator (NaN compares as in CPython), anything else
// through the generic COMPARE_OP, which reads the operator and the jump itself.
#define KRAIT_CMP_LT <
#define KRAIT_CMP_LE <=
#define KRAIT_CMP_EQ ==
#define KRAIT_CMP_NE !=
#define KRAIT_CMP_GT >
#define KRAIT_CMP_GE >=
#define XOP_PAIR(name, number, first, second)
#define XOP_BINARY(name, number, operator)
#define XOP_COMPARE(name, number, operator, jump_if)                             \
  xop_##name : {                                                                 \
    PyObject* right = TOP();                                                     \
    PyObject* left = SECOND();                                                   \
    long a, b;                                                                   \
    bool r;                                                                      \
    if (medium_int(left, &a) && medium_int(right, &b)) {                         \
      r = a KRAIT_CMP_##operator b;                                              \
    } else if (PyFloat_CheckExact(left) && PyFloat_CheckExact(right)) {          \
      r = PyFloat_AS_DOUBLE(left) KRAIT_CMP_##operator PyFloat_AS_DOUBLE(right); \
    } else {                                                                     \
      goto op_COMPARE_OP;                                                        \
    }                                                                            \
    bump_hit(Stat::k_spec_compare_op_hits);                                      \
    decref(left);                                                                \
    decref(right);                                                               \
    sp -= 2;                                                                     \
    if (r == (jump_if)) JUMP_TO_SILENT(ip[1].target);                            \
    ip += 2;                                                                     \
    DISPATCH_SILENT();                                                           \
  }
#include "interp_xops.def"
#undef XOP_PAIR
#undef XOP_BINARY
#undef XOP_COMPARE
#undef KRAIT_CMP_LT
#undef KRAIT_CMP_LE
#undef KRAIT_CMP_EQ
#undef KRAIT_CMP_NE
#undef KRAIT_CMP_GT
#undef KRAIT_CMP_GE

op_IS_OP: SYNC_PREV(); {
  PyObject* right = POP();
  PyObject* left = TOP();
  int r = Py_Is(left, right) ^ ip->arg;
  PyObject* res = r ? Py_True : Py_False;
  Py_INCREF(res);
  TOP() = res;
  Py_DECREF(left);
  Py_DECREF(right);
  NEXT();
}

op_CONTAINS_OP: SYNC_PREV(); {
  PyObject* right = POP();
  PyObject* left = POP();
  int r = PySequence_Contains(right, left);
  Py_DECREF(left);
  Py_DECREF(right);
  if (r < 0) goto error_at;
  PyObject* res = (r ^ ip->arg) ? Py_True : Py_False;
  Py_INCREF(res);
  PUSH(res);
  NEXT();
}

op_BINARY_SUBSCR: SYNC_PREV(); {
  PyObject* sub = TOP();
  PyObject* container = SECOND();
  PyObject* res;
  Py_ssize_t index;
  if (PyList_CheckExact(container) && PyLong_CheckExact(sub) && Py_SIZE(sub) >= 0 &&
      Py_SIZE(sub) <= 1 &&
      (index = static_cast<Py_ssize_t>(reinterpret_cast<PyLongObject*>(sub)->ob_digit[0] *
                                       Py_SIZE(sub))) < PyList_GET_SIZE(container)) {
    res = PyList_GET_ITEM(container, index);
    Py_INCREF(res);
    bump_hit(Stat::k_spec_binary_subscr_hits);
  } else if (PyTuple_CheckExact(container) && PyLong_CheckExact(sub) && Py_SIZE(sub) >= 0 &&
             Py_SIZE(sub) <= 1 &&
             (index = static_cast<Py_ssize_t>(
                  reinterpret_cast<PyLongObject*>(sub)->ob_digit[0] * Py_SIZE(sub))) <
                 PyTuple_GET_SIZE(container)) {
    res = PyTuple_GET_ITEM(container, index);
    Py_INCREF(res);
    bump_hit(Stat::k_spec_binary_subscr_hits);
  } else if (PyDict_CheckExact(container)) {
    bump_hit(Stat::k_spec_binary_subscr_hits);
    // BINARY_SUBSCR_DICT: one lookup (keys' __hash__/__eq__ run once), KeyError as dict's.
    res = PyDict_GetItemWithError(container, sub);
    if (res != nullptr) {
      Py_INCREF(res);
    } else if (!PyErr_Occurred()) {
      _PyErr_SetKeyError(sub);
    }
  } else {
    bump(Stat::k_spec_binary_subscr_misses);
    res = PyObject_GetItem(container, sub);
  }
  --sp;
  Py_DECREF(container);
  Py_DECREF(sub);
  TOP() = res;
  if (res == nullptr) goto error_at;
  NEXT();
}

op_STORE_SUBSCR: SYNC_PREV(); {
  PyObject* sub = TOP();
  PyObject* container = SECOND();
  PyObject* value = THIRD();
  sp -= 3;
  if (PyList_CheckExact(container) && PyLong_CheckExact(sub) &&
      static_cast<std::size_t>(Py_SIZE(sub)) <= 1) {
    // STORE_SUBSCR_LIST_INT: 0 <= index < len, the old item released after the store.
    Py_ssize_t index = static_cast<Py_ssize_t>(reinterpret_cast<PyLongObject*>(sub)->ob_digit[0]) *
                       Py_SIZE(sub);
    if (index < PyList_GET_SIZE(container)) {
      PyObject* old = PyList_GET_ITEM(container, index);
      PyList_SET_ITEM(container, index, value);
      Py_DECREF(old);
      Py_DECREF(sub);
      Py_DECREF(container);
      NEXT();
    }
  } else if (PyDict_CheckExact(container)) {
    // STORE_SUBSCR_DICT: the key and value references move into the dict.
    int err = _PyDict_SetItem_Take2(reinterpret_cast<PyDictObject*>(container), sub, value);
    Py_DECREF(container);
    if (err != 0) goto error_at;
    NEXT();
  }
  int err = PyObject_SetItem(container, sub, value);
  Py_DECREF(value);
  Py_DECREF(container);
  Py_DECREF(sub);
  if (err != 0) goto error_at;
  NEXT();
}

op_DELETE_SUBSCR: SYNC_PREV(); {
  PyObject* sub = TOP();
  PyObject* container = SECOND();
  sp -= 2;
  int err = PyObject_DelItem(container, sub);
  Py_DECREF(container);
  Py_DECREF(sub);
  if (err != 0) goto error_at;
  NEXT();
}

op_BUILD_TUPLE: SYNC_PREV(); {
  int n = ip->arg;
  PyObject* tuple = PyTuple_New(n);
  if (tuple == nullptr) goto error_at;
  while (--n >= 0) PyTuple_SET_ITEM(tuple, n, POP());
  PUSH(tuple);
  NEXT();
}

op_BUILD_LIST: SYNC_PREV(); {
  int n = ip->arg;
  PyObject* list = PyList_New(n);
  if (list == nullptr) goto error_at;
  while (--n >= 0) PyList_SET_ITEM(list, n, POP());
  PUSH(list);
  NEXT();
}

op_BUILD_SET: SYNC_PREV(); {
  int n = ip->arg;
  PyObject* set = PySet_New(nullptr);
  if (set == nullptr) goto error_at;
  int err = 0;
  for (int i = n; i > 0; --i) {
    PyObject* item = PEEK(i);
    if (err == 0) err = PySet_Add(set, item);
    Py_DECREF(item);
  }
  sp -= n;
  if (err != 0) {
    Py_DECREF(set);
    goto error_at;
  }
  PUSH(set);
  NEXT();
}

op_BUILD_MAP: SYNC_PREV(); {
  int n = ip->arg;
  PyObject* map = _PyDict_FromItems(&PEEK(2 * n), 2, &PEEK(2 * n - 1), 2, n);
  if (map == nullptr) goto error_at;
  for (int i = 0; i < 2 * n; ++i) Py_DECREF(POP());
  PUSH(map);
  NEXT();
}

op_BUILD_CONST_KEY_MAP: SYNC_PREV(); {
  int n = ip->arg;
  PyObject* keys = TOP();
  if (!PyTuple_CheckExact(keys) || PyTuple_GET_SIZE(keys) != n) goto handoff_here;
  PyObject* map = _PyDict_FromItems(&PyTuple_GET_ITEM(keys, 0), 1, &PEEK(n + 1), 1, n);
  if (map == nullptr) goto error_at;
  Py_DECREF(POP());
  for (int i = 0; i < n; ++i) Py_DECREF(POP());
  PUSH(map);
  NEXT();
}

op_BUILD_STRING: SYNC_PREV(); {
  static PyObject* empty = PyUnicode_New(0, 0);  // the interned empty-string singleton
  int n = ip->arg;
  PyObject* str = _PyUnicode_JoinArray(empty, sp - n, n);
  if (str == nullptr) goto error_at;
  for (int i = 0; i < n; ++i) Py_DECREF(POP());
  PUSH(str);
  NEXT();
}

op_BUILD_SLICE: SYNC_PREV(); {
  PyObject* step = ip->arg == 3 ? POP() : nullptr;
  PyObject* stop = POP();
  PyObject* start_ = TOP();
  PyObject* slice = PySlice_New(start_, stop, step);
  Py_DECREF(start_);
  Py_DECREF(stop);
  Py_XDECREF(step);
  TOP() = slice;
  if (slice == nullptr) goto error_at;
  NEXT();
}

// `seq[a:b]`, `seq[a:b:c]` on an exact list, tuple or str, and `lst[a:b] = value` on an exact
// list, with bounds that are None or small ints: no slice object, the result built as the
// container's own subscript does. Anything else runs the two instructions one by one.
// BUILD_SLICE's operands, and the sequence under them.
#define SLICE_OPERANDS()                                \
  const int nparts = ip->arg;                           \
  PyObject* step = nparts == 3 ? TOP() : nullptr;       \
  PyObject* stop = PEEK(nparts - 1);                    \
  PyObject* start_ = PEEK(nparts);                      \
  PyObject* seq = PEEK(nparts + 1)
xop_BUILD_SLICE__BINARY_SUBSCR: {
  SLICE_OPERANDS();
  Py_ssize_t length;
  if (PyList_CheckExact(seq) || PyTuple_CheckExact(seq)) {
    length = Py_SIZE(seq);
  } else if (PyUnicode_CheckExact(seq) && PyUnicode_IS_READY(seq)) {
    length = PyUnicode_GET_LENGTH(seq);
  } else {
    goto op_BUILD_SLICE;
  }
  SliceBounds bounds;
  if (!slice_bounds(start_, stop, step, length, &bounds) ||
      (bounds.step != 1 && PyUnicode_CheckExact(seq)))
    goto op_BUILD_SLICE;
  ++ip;
  SYNC_PREV();
  bump_hit(Stat::k_spec_binary_subscr_hits);
  PyObject* res = subscript_slice(seq, bounds);
  sp -= nparts;
  Py_DECREF(start_);
  Py_DECREF(stop);
  Py_XDECREF(step);
  Py_DECREF(seq);
  TOP() = res;
  if (res == nullptr) goto error_at;
  NEXT();
}

xop_BUILD_SLICE__STORE_SUBSCR: {
  SLICE_OPERANDS();
  PyObject* value = PEEK(nparts + 2);
  SliceBounds bounds;
  if (!PyList_CheckExact(seq) || !slice_bounds(start_, stop, step, Py_SIZE(seq), &bounds) ||
      bounds.step != 1)
    goto op_BUILD_SLICE;
  ++ip;
  SYNC_PREV();
  // list_ass_subscript's step-1 case: list_ass_slice with the adjusted bounds.
  const int err = PyList_SetSlice(seq, bounds.start, bounds.start + bounds.count, value);
  sp -= nparts + 2;
  Py_DECREF(value);
  Py_DECREF(seq);
  Py_DECREF(start_);
  Py_DECREF(stop);
  Py_XDECREF(step);
  if (err != 0) goto error_at;
  NEXT();
}
#undef SLICE_OPERANDS

op_LIST_APPEND: SYNC_PREV(); {
  PyObject* value = POP();
  if (list_append_take_ref(PEEK(ip->arg), value) < 0) goto error_at;
  NEXT();
}

op_SET_ADD: SYNC_PREV(); {
  PyObject* value = POP();
  int err = PySet_Add(PEEK(ip->arg), value);
  Py_DECREF(value);
  if (err != 0) goto error_at;
  NEXT();
}

op_MAP_ADD: SYNC_PREV(); {
  PyObject* value = TOP();
  PyObject* key = SECOND();
  sp -= 2;
  if (_PyDict_SetItem_Take2(reinterpret_cast<PyDictObject*>(PEEK(ip->arg)), key, value) != 0)
    goto error_at;
  NEXT();
}

op_LIST_TO_TUPLE: SYNC_PREV(); {
  PyObject* list = POP();
  PyObject* tuple = PyList_AsTuple(list);
  Py_DECREF(list);
  if (tuple == nullptr) goto error_at;
  PUSH(tuple);
  NEXT();
}

// A LOAD_GLOBAL cache hit reads the dicts' entries directly: no code runs.
#define PUSH_GLOBAL_HIT(value)                  \
  do {                                          \
    bump_hit(Stat::k_spec_load_global_hits);    \
    Py_INCREF(value);                           \
    if (ip->arg & 1) PUSH(nullptr);             \
    PUSH(value);                                \
    NEXT_SILENT();                              \
  } while (0)

// A global compared with (`op == LOAD` in an if/elif chain on module constants): the hit
// path's own dispatch branch only leads to compare forms; every other path is LOAD_GLOBAL's.
xop_LOAD_GLOBAL__COMPARE_OP:
op_LOAD_GLOBAL__COMPARE_OP_hit:
  if (ip->cache != kNoCache && PyDict_CheckExact(frame->f_globals) &&
      PyDict_CheckExact(frame->f_builtins)) {
    PyObject* value =
        load_global_hit(frame->f_globals, frame->f_builtins, &info->caches[ip->cache]);
    if (value != nullptr) [[likely]]
      PUSH_GLOBAL_HIT(value);
  }
  goto op_LOAD_GLOBAL;

op_LOAD_GLOBAL: {
  PyObject* globals = frame->f_globals;
  PyObject* builtins = frame->f_builtins;
  if (!PyDict_CheckExact(globals) || !PyDict_CheckExact(builtins)) {
    SYNC_PREV();
    goto handoff_here;
  }
  PyObject* value;
  if (ip->cache != kNoCache) {
    KraitCache* c = &info->caches[ip->cache];
    value = load_global_hit(globals, builtins, c);
    if (value != nullptr) [[likely]] {
      PUSH_GLOBAL_HIT(value);
    } else {
      SYNC_PREV();
      bump(Stat::k_spec_load_global_misses);
      value = krait_load_global(globals, builtins, PyTuple_GET_ITEM(names, ip->arg >> 1), c);
    }
  } else {
    SYNC_PREV();
    bump(Stat::k_spec_load_global_misses);
    value = _PyDict_LoadGlobal(reinterpret_cast<PyDictObject*>(globals),
                               reinterpret_cast<PyDictObject*>(builtins),
                               PyTuple_GET_ITEM(names, ip->arg >> 1));
  }
  if (value == nullptr) {
    // Missing name: CPython raises its NameError (with the name attached) itself.
    if (!PyErr_Occurred()) goto handoff_here;
    goto error_at;
  }
  Py_INCREF(value);
  if (ip->arg & 1) PUSH(nullptr);
  PUSH(value);
  NEXT();
}

#undef PUSH_GLOBAL_HIT

op_STORE_GLOBAL: SYNC_PREV(); {
  PyObject* name = PyTuple_GET_ITEM(names, ip->arg);
  PyObject* value = POP();
  int err = PyDict_SetItem(frame->f_globals, name, value);
  Py_DECREF(value);
  if (err != 0) goto error_at;
  NEXT();
}

op_LOAD_NAME: SYNC_PREV(); {
  PyObject* name = PyTuple_GET_ITEM(names, ip->arg);
  PyObject* locals = frame->f_locals;
  // Only the all-dict case; anything else (custom mappings, missing names) is CPython's.
  if (locals == nullptr || !PyDict_CheckExact(locals) || !PyDict_CheckExact(frame->f_builtins))
    goto handoff_here;
  PyObject* value = PyDict_GetItemWithError(locals, name);
  if (value == nullptr) {
    if (PyErr_Occurred()) goto error_at;
    value = PyDict_GetItemWithError(frame->f_globals, name);
    if (value == nullptr) {
      if (PyErr_Occurred()) goto error_at;
      value = PyDict_GetItemWithError(frame->f_builtins, name);
      if (value == nullptr) {
        if (PyErr_Occurred()) goto error_at;
        goto handoff_here;
      }
    }
  }
  Py_INCREF(value);
  PUSH(value);
  NEXT();
}

op_STORE_NAME: SYNC_PREV(); {
  PyObject* name = PyTuple_GET_ITEM(names, ip->arg);
  PyObject* ns = frame->f_locals;
  if (ns == nullptr) goto handoff_here;
  PyObject* value = POP();
  int err = PyDict_CheckExact(ns) ? PyDict_SetItem(ns, name, value)
                                  : PyObject_SetItem(ns, name, value);
  Py_DECREF(value);
  if (err != 0) goto error_at;
  NEXT();
}

op_LOAD_ATTR: SYNC_PREV(); {
  PyObject* owner = TOP();
  PyObject* res;
  if (ip->cache != kNoCache) {
    KraitCache* c = &info->caches[ip->cache];
    res = poly_hit(c, [owner](const KraitCache* e) { return load_attr_hit(owner, e); });
    if (res != nullptr) [[likely]] {
      // A hit reads the object's or its type's storage: only the owner's death runs code.
      bump_hit(Stat::k_spec_load_attr_hits);
      Py_INCREF(res);
      const bool owner_dies = Py_REFCNT(owner) == 1;
      Py_DECREF(owner);
      TOP() = res;
      if (owner_dies) NEXT();
      NEXT_SILENT();
    } else {
      KraitCache generic{.kind = kKraitCacheGeneric};
      c = poly_miss_entry(c, owner, &generic);
      res = krait_load_attr(owner, PyTuple_GET_ITEM(names, ip->arg), c);
      bump(Stat::k_spec_load_attr_misses);
    }
  } else {
    bump(Stat::k_spec_load_attr_misses);
    res = PyObject_GetAttr(owner, PyTuple_GET_ITEM(names, ip->arg));
  }
  if (res == nullptr) goto error_at;
  Py_DECREF(owner);
  TOP() = res;
  NEXT();
}

op_STORE_ATTR: SYNC_PREV(); {
  PyObject* owner = TOP();
  PyObject* value = SECOND();
  sp -= 2;
  if (ip->cache != kNoCache) {
    KraitCache* c = &info->caches[ip->cache];
    if (poly_hit(c, [owner, value](const KraitCache* e) { return store_attr_hit(owner, value, e); }))
        [[likely]] {
      bump_hit(Stat::k_spec_store_attr_hits);
      Py_DECREF(owner);
      NEXT();
    }
    bump(Stat::k_spec_store_attr_misses);
    KraitCache generic{.kind = kKraitCacheGeneric};
    int err = krait_store_attr(owner, PyTuple_GET_ITEM(names, ip->arg), value,
                               poly_miss_entry(c, owner, &generic));
    Py_DECREF(value);
    Py_DECREF(owner);
    if (err != 0) goto error_at;
    NEXT();
  }
  int err = PyObject_SetAttr(owner, PyTuple_GET_ITEM(names, ip->arg), value);
  Py_DECREF(value);
  Py_DECREF(owner);
  if (err != 0) goto error_at;
  NEXT();
}

op_LOAD_METHOD: {
  PyObject* name = PyTuple_GET_ITEM(names, ip->arg);
  PyObject* obj = TOP();
  PyObject* meth = nullptr;
  int found;
  if (ip->cache != kNoCache) {
    KraitCache* c = &info->caches[ip->cache];
    meth = poly_hit(c, [obj](const KraitCache* e) { return load_method_hit(obj, e); });
    if (meth != nullptr) [[likely]] {
      // meth | self: nothing is released, no code runs.
      bump_hit(Stat::k_spec_load_method_hits);
      Py_INCREF(meth);
      TOP() = meth;
      PUSH(obj);
      NEXT_SILENT();
    } else {
      SYNC_PREV();
      KraitCache generic{.kind = kKraitCacheGeneric};
      c = poly_miss_entry(c, obj, &generic);
      found = krait_load_method(obj, name, &meth, c);
      // Methods with values and module attributes hit inside the shim.
      if (meth != nullptr &&
          (c->kind == kKraitCacheModuleAttr || c->kind == kKraitCacheMethodWithValues))
        bump_hit(Stat::k_spec_load_method_hits);
      else
        bump(Stat::k_spec_load_method_misses);
    }
  } else {
    SYNC_PREV();
    bump(Stat::k_spec_load_method_misses);
    found = _PyObject_GetMethod(obj, name, &meth);
  }
  if (meth == nullptr) goto error_at;
  if (found) {
    TOP() = meth;  // meth | self
    PUSH(obj);
  } else {
    TOP() = nullptr;  // NULL | attr
    Py_DECREF(obj);
    PUSH(meth);
  }
  NEXT();
}

// Unpacks a bound method into method | self so the call sees it as a method call. Silent: the
// bound method dies only after its function and self got references from the stack.
#define PRECALL_BODY()                                                               \
  do {                                                                               \
    const int oparg_ = ip->arg;                                                      \
    const bool is_meth_ = PEEK(oparg_ + 2) != nullptr;                               \
    PyObject* function_ = PEEK(oparg_ + is_meth_ + 1);                               \
    if (!is_meth_ && Py_TYPE(function_) == &PyMethod_Type) {                         \
      PyObject* meth_ = reinterpret_cast<PyMethodObject*>(function_)->im_func;       \
      PyObject* self_ = reinterpret_cast<PyMethodObject*>(function_)->im_self;       \
      Py_INCREF(meth_);                                                              \
      Py_INCREF(self_);                                                              \
      PEEK(oparg_ + 1) = self_;                                                      \
      PEEK(oparg_ + 2) = meth_;                                                      \
      Py_DECREF(function_);                                                          \
    }                                                                                \
  } while (0)
op_PRECALL:
  PRECALL_BODY();
  NEXT();

xop_PRECALL__CALL:
  PRECALL_BODY();
  ++ip;
  goto op_CALL;
#undef PRECALL_BODY

op_KW_NAMES:
  kwnames = PyTuple_GET_ITEM(consts, ip->arg);
  NEXT();

op_CALL: SYNC_PREV(); {
  int oparg = ip->arg;
  int is_meth = PEEK(oparg + 2) != nullptr;
  int total_args = oparg + is_meth;
  PyObject* function = PEEK(total_args + 1);
  if (Py_TYPE(function) == &PyFunction_Type && inline_calls) {
    // A call to a Python function: as CPython does without a hook, push its frame and run it
    // in this loop, the arguments' references moving from our stack into the callee's locals
    // (so an argument the callee drops dies inside it). Only calls whose argument binding
    // cannot fail are taken here; for any other, vectorcall raises CPython's exact error.
    auto* func = reinterpret_cast<PyFunctionObject*>(function);
    KraitCache* call_cache = ip->cache != kNoCache ? &info->caches[ip->cache] : nullptr;
    _PyInterpreterFrame* callee = nullptr;
    CodeInfo* callee_info = nullptr;
    if (call_cache != nullptr && call_cache->kind == kKraitCacheCallPyExact &&
        func->func_version == call_cache->version && call_cache->index == total_args &&
        kwnames == nullptr) [[likely]] {
      // CALL_PY_EXACT_ARGS: the function this site saw last (its version pins its code,
      // whose parameters are exactly the positional arguments).
      callee_info = reinterpret_cast<CodeInfo*>(call_cache->descr);
      callee = push_frame_with_args(tstate, func, sp - total_args, total_args);
      if (callee == nullptr) goto error_at;
    } else {
      Py_ssize_t nkw = kwnames ? PyTuple_GET_SIZE(kwnames) : 0;
      Py_ssize_t npos = total_args - nkw;
      int bind = bind_arguments(tstate, func, sp - total_args, npos, kwnames, &callee,
                                &callee_info);
      if (bind < 0) goto error_at;
      if (bind > 0 && call_cache != nullptr && nkw == 0)
        remember_exact_call(call_cache, func, npos, callee_info);
    }
    if (callee != nullptr) {
      kwnames = nullptr;
      sp -= total_args + 2 - is_meth;  // arguments moved; the callable reference went too
      frame->stacktop = static_cast<int>(sp - localsplus);
      frame->prev_instr = first_instr + ip->offset + kPyOps[CALL].caches;
      bump_hit(Stat::k_spec_call_hits);
      ENTER_PUSHED_FRAME(callee, callee_info);
    }
    // CPython would have inlined this call too: callees see f_lasti at CALL's last cache.
    frame->prev_instr = first_instr + ip->offset + kPyOps[CALL].caches;
  }
  // CPython's specialized CALL forms apply once its code is quickened (co_warmup reached 0;
  // the first execution after that specializes): they call C functions directly and count
  // recursion levels differently from the generic vectorcall path, which cold code takes.
  // Krait's direct paths follow the same split, so RecursionError depths match in both.
  const bool quickened = code->co_warmup == 0;
  if (quickened && !is_meth && oparg == 1 && kwnames == nullptr &&
      (function == reinterpret_cast<PyObject*>(&PyUnicode_Type) ||
       function == reinterpret_cast<PyObject*>(&PyTuple_Type) ||
       function == reinterpret_cast<PyObject*>(&PyType_Type))) {
    // PRECALL_NO_KW_STR_1 / _TUPLE_1 / _TYPE_1: str(x), tuple(x), type(x) without the type
    // call (whose recursion level CPython's specialized forms do not count either).
    bump_hit(Stat::k_spec_call_hits);
    PyObject* arg = TOP();
    PyObject* res = function == reinterpret_cast<PyObject*>(&PyUnicode_Type) ? PyObject_Str(arg)
                    : function == reinterpret_cast<PyObject*>(&PyTuple_Type)
                        ? PySequence_Tuple(arg)
                        : Py_NewRef(reinterpret_cast<PyObject*>(Py_TYPE(arg)));
    Py_DECREF(arg);
    Py_DECREF(function);
    sp -= 2;
    TOP() = res;
    if (res == nullptr) goto error_at;
    if (function != reinterpret_cast<PyObject*>(&PyType_Type)) CHECK_EVAL_BREAKER();
    NEXT();
  }
  if (!is_meth && inline_calls && Py_IS_TYPE(function, &PyType_Type)) {
    if (PyObject* init = plain_class_init(function)) {
      // `C(args)` for a plain Python class: what type_call does (object_new, then __init__
      // through slot_tp_init, "__init__() should return None"), without its argument tuple,
      // method lookup and prepend copy. The new object takes the class's stack slot, so
      // __init__ gets [self, args...] straight from our stack. The recursion level is the
      // one _PyObject_MakeTpCall counts around a type's tp_call.
      bump_hit(Stat::k_spec_call_hits);
      if (enter_recursive_call_where(tstate, " while calling a Python object")) goto error_at;
      auto* tp = reinterpret_cast<PyTypeObject*>(function);
      PyObject* self = tp->tp_alloc(tp, 0);
      if (self != nullptr && _PyObject_InitializeDict(self) < 0) Py_CLEAR(self);
      if (self == nullptr) {
        leave_recursive_call(tstate);
        kwnames = nullptr;
        Py_DECREF(function);
        sp -= total_args;
        for (int i = 0; i < total_args; ++i) Py_DECREF(sp[i]);
        sp -= 2;
        PUSH(nullptr);
        goto error_at;
      }
      // [NULL, class, args...] -> [class, self, args...]: __init__'s arguments are contiguous
      // and the stack keeps its references until __init__ has returned, as CALL's own
      // clean-up after type_call releases them.
      PEEK(total_args + 2) = function;
      PEEK(total_args + 1) = self;
      PyObject** init_args = sp - total_args - 1;
      const Py_ssize_t npos = total_args + 1 - (kwnames ? PyTuple_GET_SIZE(kwnames) : 0);
      frame->prev_instr = first_instr + ip->offset + kPyOps[CALL].caches;
      if (n_init < kMaxInitFrames) {
        // __init__'s frame runs in this loop; its return (or exception) finishes the call at
        // finish_init.
        for (int i = 0; i <= total_args; ++i) Py_INCREF(init_args[i]);
        Py_INCREF(init);
        _PyInterpreterFrame* callee = nullptr;
        CodeInfo* callee_info = nullptr;
        int bind = bind_arguments(tstate, reinterpret_cast<PyFunctionObject*>(init), init_args,
                                  npos, kwnames, &callee, &callee_info);
        if (bind > 0) {
          kwnames = nullptr;
          frame->stacktop = static_cast<int>(sp - localsplus);
          init_frames[n_init++] = callee;
          ENTER_PUSHED_FRAME(callee, callee_info);
        }
        // Not bound here (nothing consumed): drop the new references again.
        Py_DECREF(init);
        for (int i = 0; i <= total_args; ++i) Py_DECREF(init_args[i]);
        if (bind < 0) {
          init_ret = nullptr;
          kwnames = nullptr;
          ++ip;
          goto finish_init;
        }
      }
      Py_INCREF(init);
      init_ret = PyObject_Vectorcall(init, init_args, npos | PY_VECTORCALL_ARGUMENTS_OFFSET,
                                     kwnames);
      Py_DECREF(init);
      kwnames = nullptr;
      ++ip;
      goto finish_init;
    }
  }
  Py_ssize_t positional =
      total_args - (kwnames ? PyTuple_GET_SIZE(kwnames) : 0);
  PyObject* res;
  // CPython's PRECALL_*BUILTIN* and *METHOD_DESCRIPTOR* forms: the C function called
  // directly, with the recursion check CPython makes for the non-vectorcall conventions.
  if (function == callable_cache.list_pop && total_args == 1 && kwnames == nullptr &&
      PyList_CheckExact(sp[-1]) && (res = list_pop_last(sp[-1])) != nullptr) {
    // list.pop() inline, quickened or not (a stack emptied once by CPython's list.pop before
    // quickening keeps a glibc item array); the item's reference moves to the stack.
    if (reinterpret_cast<PyListObject*>(sp[-1])->allocated == 0)
      bump(Stat::k_interp_lists_emptied);
  } else if (PyObject* const* args = sp - total_args;
             quickened && Py_IS_TYPE(function, &PyMethodDescr_Type) && total_args >= 1 &&
      Py_IS_TYPE(args[0], reinterpret_cast<PyMethodDescrObject*>(function)->d_common.d_type)) {
    PyMethodDef* meth = reinterpret_cast<PyMethodDescrObject*>(function)->d_method;
    const int flags = meth->ml_flags;
    bump_hit(Stat::k_spec_call_hits);  // (the rare vectorcall below is counted as a hit too)
    if (flags == METH_FASTCALL && kwnames == nullptr) {
      res = reinterpret_cast<_PyCFunctionFast>(reinterpret_cast<void (*)(void)>(meth->ml_meth))(
          args[0], args + 1, total_args - 1);
    } else if (flags == (METH_FASTCALL | METH_KEYWORDS)) {
      res = reinterpret_cast<_PyCFunctionFastWithKeywords>(
          reinterpret_cast<void (*)(void)>(meth->ml_meth))(args[0], args + 1, positional - 1,
                                                           kwnames);
    } else if (kwnames == nullptr && function == callable_cache.list_append && total_args == 2) {
      // PRECALL_NO_KW_LIST_APPEND: no recursion check, the append inline.
      Py_INCREF(args[1]);
      res = list_append_take_ref(args[0], args[1]) < 0 ? nullptr : Py_NewRef(Py_None);
    } else if (kwnames == nullptr &&
               ((flags == METH_O && total_args == 2) || (flags == METH_NOARGS && total_args == 1))) {
      if (enter_recursive_call_where(tstate, " while calling a Python object")) goto error_at;
      res = meth->ml_meth(args[0], total_args == 2 ? args[1] : nullptr);
      leave_recursive_call(tstate);
    } else {
      res = PyObject_Vectorcall(function, sp - total_args,
                                positional | PY_VECTORCALL_ARGUMENTS_OFFSET, kwnames);
    }
  } else if (quickened && PyCFunction_CheckExact(function) &&
             (PyCFunction_GET_FLAGS(function) == METH_FASTCALL ||
              PyCFunction_GET_FLAGS(function) == (METH_FASTCALL | METH_KEYWORDS) ||
              (PyCFunction_GET_FLAGS(function) == METH_O && total_args == 1)) &&
             (kwnames == nullptr || PyCFunction_GET_FLAGS(function) & METH_KEYWORDS)) {
    const int flags = PyCFunction_GET_FLAGS(function);
    PyObject* self = PyCFunction_GET_SELF(function);
    PyCFunction cfunc = PyCFunction_GET_FUNCTION(function);
    bump_hit(Stat::k_spec_call_hits);
    if (flags == METH_FASTCALL) {
      res = reinterpret_cast<_PyCFunctionFast>(reinterpret_cast<void (*)(void)>(cfunc))(
          self, sp - total_args, total_args);
    } else if (flags == METH_O && function == callable_cache.len) {
      res = cfunc(self, sp[-1]);  // PRECALL_NO_KW_LEN: no recursion check
    } else if (flags == METH_O) {
      if (enter_recursive_call_where(tstate, " while calling a Python object")) goto error_at;
      res = cfunc(self, sp[-1]);
      leave_recursive_call(tstate);
    } else {
      res = reinterpret_cast<_PyCFunctionFastWithKeywords>(reinterpret_cast<void (*)(void)>(cfunc))(
          self, sp - total_args, positional, kwnames);
    }
  } else if (function == reinterpret_cast<PyObject*>(&PyRange_Type) && !is_meth &&
             kwnames == nullptr && ip[1].op == GET_ITER && layouts_ok &&
             tstate->recursion_remaining > 0 &&
             (res = range_iter_direct<jit::RangeIterLayout>(sp - total_args, total_args)) !=
                 nullptr) {
    bump(Stat::k_interp_range_iters);
  } else {
    bump(Stat::k_spec_call_misses);
    res = PyObject_Vectorcall(function, sp - total_args,
                              positional | PY_VECTORCALL_ARGUMENTS_OFFSET, kwnames);
  }
  kwnames = nullptr;
  Py_DECREF(function);
  sp -= total_args;
  for (int i = 0; i < total_args; ++i) Py_DECREF(sp[i]);
  sp -= 2 - is_meth;
  PUSH(res);
  if (res == nullptr) goto error_at;
  bump(Stat::k_interp_calls);
  CHECK_EVAL_BREAKER();
  NEXT();
}

op_GET_ITER: {
  PyObject* iterable = TOP();
  // A range iterator (CALL range made it directly) is its own iterator: PyObject_GetIter
  // would return it with one reference more, which the DECREF below gives back.
  if (Py_IS_TYPE(iterable, &PyRangeIter_Type)) NEXT_SILENT();
  SYNC_PREV();
  PyObject* iter = PyObject_GetIter(iterable);
  Py_DECREF(iterable);
  TOP() = iter;
  if (iter == nullptr) goto error_at;
  NEXT();
}

op_FOR_ITER: {
  PyObject* iter = TOP();
  // listiter_next / rangeiter_next inline while they yield (exhaustion takes the generic
  // call, which releases the list): the private layouts are checked against tp_basicsize.
  if (Py_IS_TYPE(iter, &PyListIter_Type) && layouts_ok) {
    auto* it = reinterpret_cast<jit::SeqIterLayout*>(iter);
    auto* seq = reinterpret_cast<PyListObject*>(it->it_seq);
    if (seq != nullptr && it->it_index < PyList_GET_SIZE(seq)) {
      PyObject* item = seq->ob_item[it->it_index++];
      Py_INCREF(item);
      PUSH(item);
      bump_hit(Stat::k_spec_for_iter_hits);
      NEXT_SILENT();
    }
  } else if (Py_IS_TYPE(iter, &PyZip_Type) && layouts_ok) {
    if (PyObject* res = zip_lists_next<jit::ZipLayout, jit::SeqIterLayout>(iter)) {
      PUSH(res);
      bump_hit(Stat::k_spec_for_iter_hits);
      NEXT_SILENT();
    }
  } else if (Py_IS_TYPE(iter, &PyRangeIter_Type) && layouts_ok) {
    auto* r = reinterpret_cast<jit::RangeIterLayout*>(iter);
    if (r->index < r->len) {
      PyObject* item = long_from_medium_result(
          static_cast<long>(r->start + static_cast<unsigned long>(r->index++) * r->step));
      if (item == nullptr) goto error_at;
      PUSH(item);
      bump_hit(Stat::k_spec_for_iter_hits);
      NEXT_SILENT();
    }
  }
  SYNC_PREV();  // the slow paths run code
  if (Py_IS_TYPE(iter, &PyGen_Type) && inline_calls && n_gen < kMaxGenFrames) {
    // gen_iternext -> gen_send_ex2 in place: the generator's frame continues in this loop
    // with None pushed, linked under ours and with its exception state, until finish_gen.
    auto* gen = reinterpret_cast<PyGenObject*>(iter);
    auto* gf = reinterpret_cast<_PyInterpreterFrame*>(gen->gi_iframe);
    CodeInfo* gen_info;
    std::int32_t resume;
    if (gen->gi_frame_state < FRAME_EXECUTING && (gen_info = code_info(gf->f_code)) != nullptr &&
        (resume = gen_info->index_at(gf->prev_instr + 1 - _PyCode_CODE(gf->f_code))) >= 0) {
      Py_INCREF(Py_None);
      _PyFrame_StackPush(gf, Py_None);
      gf->previous = frame;
      gf->is_entry = false;
      gen->gi_exc_state.previous_item = tstate->exc_info;
      tstate->exc_info = &gen->gi_exc_state;
      gen->gi_frame_state = FRAME_EXECUTING;
      frame->stacktop = static_cast<int>(sp - localsplus);  // prev_instr stays at FOR_ITER
      gen_frames[n_gen++] = gf;
      frame = cframe.current_frame = gf;
      info = gen_info;
      LOAD_FRAME_STATE();
      ip = instrs + resume;
      sp = _PyFrame_GetStackPointer(frame);
      frame->stacktop = -1;
      bump(Stat::k_interp_inlined_gens);
      bump_hit(Stat::k_spec_for_iter_hits);
      if (enter_recursive_call(tstate)) goto exit_with_error;
      DISPATCH();
    }
  }
  bump(Stat::k_spec_for_iter_misses);
  PyObject* next = (*Py_TYPE(iter)->tp_iternext)(iter);
  if (next != nullptr) {
    PUSH(next);
    NEXT();
  }
  if (PyErr_Occurred()) {
    if (!PyErr_ExceptionMatches(PyExc_StopIteration)) goto error_at;
    // A C-level trace function would see the StopIteration here; tracing frames are
    // CPython's, so there is none.
    PyErr_Clear();
  }
  --sp;
  Py_DECREF(iter);
  JUMP_TO(ip->target);
}

op_JUMP_FORWARD:
  JUMP_TO_SILENT(ip->target);

op_JUMP_BACKWARD_NO_INTERRUPT:
  JUMP_TO(ip->target);

// A taken backward jump: count the loop header, then CPython's eval-breaker check (an
// exception from it is raised at the jump, which prev_instr still names).
#define BACK_EDGE()                                                       \
  do {                                                                    \
    Instr* header = instrs + ip->target;                                  \
    if (header->flags & kInstrHasTrace) {                                 \
      /* (The header's counter names its trace now: never counted.) */    \
      SYNC_PREV();                                                        \
      CHECK_EVAL_BREAKER();                                               \
      /* A recording that reaches a loop with a trace ends there (a side  \
         trace links to it); under tracing CPython takes over. */         \
      if (!cframe.use_tracing && recorder == nullptr) goto run_trace;     \
      ip = header;                                                        \
      DISPATCH();                                                         \
    }                                                                     \
    if (KRAIT_UNLIKELY(info->cpython_only) && cold_handoffs) {            \
      CHECK_EVAL_BREAKER();                                               \
      ip = header;                                                        \
      goto cold_handoff;                                                  \
    }                                                                     \
    if (KRAIT_UNLIKELY(++header->counter == hot_threshold)) {             \
      SYNC_PREV();                                                        \
      on_hot_loop(frame, info, static_cast<std::int32_t>(ip->target));    \
      if (recorder == nullptr && !cframe.use_tracing &&                   \
          !(header->flags & kInstrHasTrace)) {                            \
        recorder = jit::record_start(tstate, frame, info,                 \
                                     static_cast<std::int32_t>(ip->target), sp); \
        if (recorder) acquire_slow_dispatch();                            \
      }                                                                   \
    }                                                                     \
    CHECK_EVAL_BREAKER();                                                 \
    ip = header;                                                          \
    DISPATCH();                                                           \
  } while (0)

// Runs the compiled loop of the header `ip` jumps back to, from the frame state at the header;
// the trace's exit leaves the frame in the state of the instruction to resume at. An exit at
// the back-edge's eval-breaker check handles the breaker as the closing jump would have.
run_trace : {
  bool breaker = false, raised = false;
  std::int32_t closing = 0;
  jit::Trace* side_from = nullptr;
  std::uint32_t side_exit = 0;
  // A copy: taking sp's own address would keep it in memory in every handler.
  PyObject** trace_sp = sp;
  std::int32_t resume = jit::trace_run(info, ip->target, frame, &trace_sp, &breaker, &closing,
                                       &side_from, &side_exit, &raised);
  sp = trace_sp;
  if (raised) {
    ip = instrs + resume;
    goto error_at;
  }
  if (breaker) {
    ip = instrs + closing;
    frame->prev_instr = first_instr + ip->offset;
    CHECK_EVAL_BREAKER();
  }
  ip = instrs + resume;
  if (side_from != nullptr && recorder == nullptr) {
    // A hot exit: record the path the interpreter now takes from it back to the header.
    recorder = jit::record_side_start(tstate, frame, info, side_from, side_exit, resume, sp);
    if (recorder) acquire_slow_dispatch();
  }
  DISPATCH();
}

op_JUMP_BACKWARD:
  _PyCode_Warmup(code);
  BACK_EDGE();

#define POP_JUMP_IF_BOOL(label, jump_if_true, backward)              \
  label : {                                                          \
    PyObject* cond = POP();                                          \
    if (Py_IsTrue(cond) || Py_IsFalse(cond)) {                       \
      /* a bool: nothing runs */                                     \
      const int truth = Py_IsTrue(cond);                             \
      Py_DECREF(cond);                                               \
      if (truth == (jump_if_true)) {                                 \
        if (backward) BACK_EDGE();                                   \
        JUMP_TO_SILENT(ip->target);                                  \
      }                                                              \
      NEXT_SILENT();                                                 \
    }                                                                \
    SYNC_PREV();                                                     \
    const int truth = PyObject_IsTrue(cond);                         \
    Py_DECREF(cond);                                                 \
    if (truth < 0) goto error_at;                                    \
    if (truth == (jump_if_true)) {                                   \
      if (backward) BACK_EDGE();                                     \
      JUMP_TO(ip->target);                                           \
    }                                                                \
    NEXT();                                                          \
  }
  POP_JUMP_IF_BOOL(op_POP_JUMP_FORWARD_IF_FALSE, 0, false)
  POP_JUMP_IF_BOOL(op_POP_JUMP_FORWARD_IF_TRUE, 1, false)
  POP_JUMP_IF_BOOL(op_POP_JUMP_BACKWARD_IF_FALSE, 0, true)
  POP_JUMP_IF_BOOL(op_POP_JUMP_BACKWARD_IF_TRUE, 1, true)
#undef POP_JUMP_IF_BOOL

#define POP_JUMP_IF_NONE(label, jump_if_none, backward)             \
  label : {                                                         \
    SYNC_PREV();                                                    \
    PyObject* value = POP();                                        \
    bool none = Py_IsNone(value);                                   \
    Py_DECREF(value);                                               \
    if (none == (jump_if_none)) {                                   \
      if (backward) BACK_EDGE();                                    \
      JUMP_TO(ip->target);                                          \
    }                                                               \
    NEXT();                                                         \
  }
  POP_JUMP_IF_NONE(op_POP_JUMP_FORWARD_IF_NONE, true, false)
  POP_JUMP_IF_NONE(op_POP_JUMP_FORWARD_IF_NOT_NONE, false, false)
  POP_JUMP_IF_NONE(op_POP_JUMP_BACKWARD_IF_NONE, true, true)
  POP_JUMP_IF_NONE(op_POP_JUMP_BACKWARD_IF_NOT_NONE, false, true)
#undef POP_JUMP_IF_NONE

#define JUMP_IF_OR_POP(label, jump_if_true)                          \
  label : {                                                          \
    SYNC_PREV();                                                     \
    PyObject* cond = TOP();                                          \
    int truth;                                                       \
    if (Py_IsTrue(cond)) {                                           \
      truth = 1;                                                     \
    } else if (Py_IsFalse(cond)) {                                   \
      truth = 0;                                                     \
    } else {                                                         \
      truth = PyObject_IsTrue(cond);                                 \
      if (truth < 0) goto error_at;                                  \
    }                                                                \
    if (truth == (jump_if_true)) JUMP_TO(ip->target);                \
    --sp;                                                            \
    Py_DECREF(cond);                                                 \
    NEXT();                                                          \
  }
  JUMP_IF_OR_POP(op_JUMP_IF_FALSE_OR_POP, 0)
  JUMP_IF_OR_POP(op_JUMP_IF_TRUE_OR_POP, 1)
#undef JUMP_IF_OR_POP

op_RETURN_VALUE: SYNC_PREV(); {
  PyObject* retval = POP();
  frame->stacktop = static_cast<int>(sp - localsplus);
  leave_recursive_call(tstate);
  if (frame != entry_frame) {
    // Return from a call made inside this loop: pop the callee, continue the caller after
    // its CALL (as CPython's inlined calls do; no eval-breaker check here).
    if (IS_GEN_FRAME(frame)) {
      gen_ret = retval;
      goto finish_gen;
    }
    const bool init = IS_INIT_FRAME(frame);
    POP_TO_CALLER();
    if (init) {
      init_ret = retval;
      goto finish_init;
    }
    PUSH(retval);
    DISPATCH();
  }
  UNLINK_CFRAME();
  return retval;
}

op_YIELD_VALUE: SYNC_PREV(); {
  PyObject* retval = POP();
  _PyFrame_GetGenerator(frame)->gi_frame_state = FRAME_SUSPENDED;
  frame->stacktop = static_cast<int>(sp - localsplus);
  leave_recursive_call(tstate);
  if (IS_GEN_FRAME(frame)) {
    gen_ret = retval;
    goto finish_gen;
  }
  UNLINK_CFRAME();
  return retval;
}

op_UNPACK_SEQUENCE: SYNC_PREV(); {
  // Exact tuples and lists of the right length only: anything else may run Python code
  // (iteration) or raise CPython's error, so CPython does it from the start.
  PyObject* seq = TOP();
  int n = ip->arg;
  PyObject** items;
  if (PyTuple_CheckExact(seq) && PyTuple_GET_SIZE(seq) == n) {
    items = &PyTuple_GET_ITEM(seq, 0);
  } else if (PyList_CheckExact(seq) && PyList_GET_SIZE(seq) == n) {
    items = &PyList_GET_ITEM(seq, 0);
  } else {
    goto handoff_here;
  }
  --sp;
  for (int i = n; --i >= 0;) {
    Py_INCREF(items[i]);
    PUSH(items[i]);
  }
  Py_DECREF(seq);
  NEXT();
}

op_LOAD_DEREF: SYNC_PREV(); {
  PyObject* value = PyCell_GET(GETLOCAL(ip->arg));
  if (value == nullptr) goto handoff_here;  // CPython raises the unbound-variable error
  Py_INCREF(value);
  PUSH(value);
  NEXT();
}

op_STORE_DEREF: SYNC_PREV(); {
  PyObject* value = POP();
  PyObject* cell = GETLOCAL(ip->arg);
  PyObject* old = PyCell_GET(cell);
  PyCell_SET(cell, value);
  Py_XDECREF(old);
  NEXT();
}

op_LOAD_CLOSURE: {
  PyObject* value = GETLOCAL(ip->arg);
  if (value == nullptr) goto handoff_here;
  Py_INCREF(value);
  PUSH(value);
  NEXT();
}

op_MAKE_CELL: SYNC_PREV(); {
  PyObject* initial = GETLOCAL(ip->arg);
  PyObject* cell = PyCell_New(initial);
  if (cell == nullptr) goto error_at;
  GETLOCAL(ip->arg) = cell;
  Py_XDECREF(initial);
  NEXT();
}

op_COPY_FREE_VARS: SYNC_PREV(); {
  PyObject* closure = frame->f_func->func_closure;
  int offset = code->co_nlocals + code->co_nplaincellvars;
  for (int i = 0; i < ip->arg; ++i) {
    PyObject* o = PyTuple_GET_ITEM(closure, i);
    Py_INCREF(o);
    localsplus[offset + i] = o;
  }
  NEXT();
}

op_MAKE_FUNCTION: SYNC_PREV(); {
  PyObject* codeobj = POP();
  auto* func = reinterpret_cast<PyFunctionObject*>(PyFunction_New(codeobj, frame->f_globals));
  Py_DECREF(codeobj);
  if (func == nullptr) goto error_at;
  int flags = ip->arg;
  if (flags & 0x08) func->func_closure = POP();
  if (flags & 0x04) func->func_annotations = POP();
  if (flags & 0x02) func->func_kwdefaults = POP();
  if (flags & 0x01) func->func_defaults = POP();
  PUSH(reinterpret_cast<PyObject*>(func));
  NEXT();
}

op_FORMAT_VALUE: SYNC_PREV(); {
  int conversion = ip->arg & 0x3;  // FVC_MASK
  bool have_spec = (ip->arg & 0x4) != 0;  // FVS_HAVE_SPEC
  PyObject* spec = have_spec ? POP() : nullptr;
  PyObject* value = POP();
  PyObject* (*convert)(PyObject*) = conversion == 1   ? PyObject_Str
                                    : conversion == 2 ? PyObject_Repr
                                    : conversion == 3 ? PyObject_ASCII
                                                      : nullptr;
  if (convert) {
    PyObject* converted = convert(value);
    Py_DECREF(value);
    if (converted == nullptr) {
      Py_XDECREF(spec);
      goto error_at;
    }
    value = converted;
  }
  PyObject* result;
  if (PyUnicode_CheckExact(value) && spec == nullptr) {
    result = value;
  } else {
    result = PyObject_Format(value, spec);
    Py_DECREF(value);
    Py_XDECREF(spec);
    if (result == nullptr) goto error_at;
  }
  PUSH(result);
  NEXT();
}

op_IMPORT_NAME: SYNC_PREV(); {
  PyObject* name = PyTuple_GET_ITEM(names, ip->arg);
  PyObject* fromlist = POP();
  PyObject* level = TOP();
  PyObject* res = krait_import_name(tstate, frame->f_builtins, frame->f_globals,
                                    frame->f_locals, name, fromlist, level);
  Py_DECREF(level);
  Py_DECREF(fromlist);
  TOP() = res;
  if (res == nullptr) goto error_at;
  NEXT();
}

op_IMPORT_FROM: SYNC_PREV(); {
  // The plain case only: the name is in an exact module's dict (a lookup without side
  // effects). Anything else -- submodule imports, module __getattr__, the errors -- is
  // CPython's import_from, run from the start.
  PyObject* module = TOP();
  PyObject* name = PyTuple_GET_ITEM(names, ip->arg);
  if (!PyModule_CheckExact(module)) goto handoff_here;
  PyObject* dict = PyModule_GetDict(module);
  if (dict == nullptr || !PyDict_CheckExact(dict)) goto handoff_here;
  PyObject* value = PyDict_GetItemWithError(dict, name);
  if (value == nullptr) {
    if (PyErr_Occurred()) PyErr_Clear();
    goto handoff_here;
  }
  Py_INCREF(value);
  PUSH(value);
  NEXT();
}

op_RETURN_GENERATOR: SYNC_PREV(); {
  // Only ever the first instruction of an entry frame (generator functions are not run as
  // in-loop calls): make the generator, move the frame into it, return it (as CPython).
  if (frame != entry_frame) goto handoff_here;
  auto* gen = reinterpret_cast<PyGenObject*>(_Py_MakeCoro(frame->f_func));
  if (gen == nullptr) goto error_at;
  frame->stacktop = static_cast<int>(sp - localsplus);
  auto* gen_frame = reinterpret_cast<_PyInterpreterFrame*>(gen->gi_iframe);
  _PyFrame_Copy(frame, gen_frame);
  gen->gi_frame_state = FRAME_CREATED;
  gen_frame->owner = FRAME_OWNED_BY_GENERATOR;
  leave_recursive_call(tstate);
  frame->stacktop = 0;
  frame->f_locals = nullptr;
  Py_INCREF(frame->f_func);
  Py_INCREF(frame->f_code);
  UNLINK_CFRAME();
  return reinterpret_cast<PyObject*>(gen);
}

op_SEND: SYNC_PREV(); {
  // The untraced form of CPython's SEND (a C-level trace function changes how it iterates).
  if (tstate->c_tracefunc != nullptr) goto handoff_here;
  PyObject* v = POP();
  PyObject* receiver = TOP();
  PyObject* retval;
  PySendResult status = PyIter_Send(receiver, v, &retval);
  Py_DECREF(v);
  if (status == PYGEN_ERROR) goto error_at;
  if (status == PYGEN_RETURN) {
    Py_DECREF(receiver);
    TOP() = retval;
    JUMP_TO(ip->target);
  }
  PUSH(retval);
  NEXT();
}

op_GET_YIELD_FROM_ITER: SYNC_PREV(); {
  PyObject* iterable = TOP();
  if (PyCoro_CheckExact(iterable)) {
    // Only coroutines may yield from a coroutine; CPython raises the TypeError otherwise.
    if (!(code->co_flags & (CO_COROUTINE | CO_ITERABLE_COROUTINE))) goto handoff_here;
  } else if (!PyGen_CheckExact(iterable)) {
    PyObject* iter = PyObject_GetIter(iterable);
    Py_DECREF(iterable);
    TOP() = iter;
    if (iter == nullptr) goto error_at;
  }
  NEXT();
}

op_LIST_EXTEND: SYNC_PREV(); {
  PyObject* iterable = POP();
  PyObject* list = PEEK(ip->arg);
  PyObject* none_val = _PyList_Extend(reinterpret_cast<PyListObject*>(list), iterable);
  if (none_val == nullptr) {
    if (PyErr_ExceptionMatches(PyExc_TypeError) && Py_TYPE(iterable)->tp_iter == nullptr &&
        !PySequence_Check(iterable)) {
      PyErr_Clear();
      PyErr_Format(PyExc_TypeError, "Value after * must be an iterable, not %.200s",
                   Py_TYPE(iterable)->tp_name);
    }
    Py_DECREF(iterable);
    goto error_at;
  }
  Py_DECREF(none_val);
  Py_DECREF(iterable);
  NEXT();
}

op_CALL_FUNCTION_EX: SYNC_PREV(); {
  // f(*args, **kwargs) with an exact tuple and (if any) an exact dict: PyObject_Call, as
  // CPython's do_call_core does when not tracing. Conversions and their errors are CPython's.
  PyObject* kwargs = (ip->arg & 1) ? TOP() : nullptr;
  PyObject* callargs = (ip->arg & 1) ? SECOND() : TOP();
  if ((kwargs != nullptr && !PyDict_CheckExact(kwargs)) || !PyTuple_CheckExact(callargs))
    goto handoff_here;
  if (kwargs != nullptr) --sp;
  --sp;
  PyObject* func = TOP();
  PyObject* result = PyObject_Call(func, callargs, kwargs);
  Py_DECREF(func);
  Py_DECREF(callargs);
  Py_XDECREF(kwargs);
  --sp;  // the NULL below the callable
  TOP() = result;
  if (result == nullptr) goto error_at;
  CHECK_EVAL_BREAKER();
  NEXT();
}

op_DELETE_NAME: SYNC_PREV(); {
  // Present names in an exact dict only; a missing name is CPython's NameError.
  PyObject* name = PyTuple_GET_ITEM(names, ip->arg);
  PyObject* ns = frame->f_locals;
  if (ns == nullptr || !PyDict_CheckExact(ns) || !PyUnicode_CheckExact(name)) goto handoff_here;
  int present = PyDict_Contains(ns, name);
  if (present < 0) goto error_at;
  if (!present) goto handoff_here;
  if (PyDict_DelItem(ns, name) != 0) goto error_at;
  NEXT();
}

op_DELETE_GLOBAL: SYNC_PREV(); {
  PyObject* name = PyTuple_GET_ITEM(names, ip->arg);
  PyObject* globals = frame->f_globals;
  if (!PyDict_CheckExact(globals) || !PyUnicode_CheckExact(name)) goto handoff_here;
  int present = PyDict_Contains(globals, name);
  if (present < 0) goto error_at;
  if (!present) goto handoff_here;
  if (PyDict_DelItem(globals, name) != 0) goto error_at;
  NEXT();
}

op_DELETE_ATTR: SYNC_PREV(); {
  PyObject* name = PyTuple_GET_ITEM(names, ip->arg);
  PyObject* owner = POP();
  int err = PyObject_SetAttr(owner, name, nullptr);
  Py_DECREF(owner);
  if (err != 0) goto error_at;
  NEXT();
}

op_LOAD_BUILD_CLASS: SYNC_PREV(); {
  static PyObject* build_class_name = PyUnicode_InternFromString("__build_class__");
  PyObject* builtins = frame->f_builtins;
  if (!PyDict_CheckExact(builtins)) goto handoff_here;
  PyObject* bc = PyDict_GetItemWithError(builtins, build_class_name);
  if (bc == nullptr) {
    if (PyErr_Occurred()) goto error_at;
    goto handoff_here;  // CPython raises its NameError
  }
  Py_INCREF(bc);
  PUSH(bc);
  NEXT();
}

op_BEFORE_WITH: SYNC_PREV(); {
  static PyObject* enter_name = PyUnicode_InternFromString("__enter__");
  static PyObject* exit_name = PyUnicode_InternFromString("__exit__");
  PyObject* mgr = TOP();
  PyObject* enter = krait_lookup_special(mgr, enter_name);
  if (enter == nullptr) {
    if (PyErr_Occurred()) goto error_at;
    goto handoff_here;  // not a context manager: CPython raises its TypeError
  }
  PyObject* exit = krait_lookup_special(mgr, exit_name);
  if (exit == nullptr) {
    Py_DECREF(enter);
    if (PyErr_Occurred()) goto error_at;
    goto handoff_here;
  }
  TOP() = exit;
  Py_DECREF(mgr);
  PyObject* res = PyObject_CallNoArgs(enter);
  Py_DECREF(enter);
  if (res == nullptr) goto error_at;
  PUSH(res);
  NEXT();
}

op_WITH_EXCEPT_START: SYNC_PREV(); {
  // Stack: __exit__, lasti, previous exception, exception: call __exit__(type, exc, tb).
  PyObject* val = TOP();
  PyObject* exc = reinterpret_cast<PyObject*>(Py_TYPE(val));
  PyObject* tb = PyException_GetTraceback(val);
  Py_XDECREF(tb);  // borrowed use, as CPython
  PyObject* exit_func = PEEK(4);
  PyObject* stack[4] = {nullptr, exc, val, tb};
  PyObject* res =
      PyObject_Vectorcall(exit_func, stack + 1, 3 | PY_VECTORCALL_ARGUMENTS_OFFSET, nullptr);
  if (res == nullptr) goto error_at;
  PUSH(res);
  NEXT();
}

op_PUSH_EXC_INFO: SYNC_PREV(); {
  PyObject* value = TOP();
  _PyErr_StackItem* exc_info = tstate->exc_info;
  if (exc_info->exc_value != nullptr) {
    TOP() = exc_info->exc_value;
  } else {
    Py_INCREF(Py_None);
    TOP() = Py_None;
  }
  Py_INCREF(value);
  PUSH(value);
  exc_info->exc_value = value;
  NEXT();
}

op_CHECK_EXC_MATCH: SYNC_PREV(); {
  PyObject* right = TOP();
  PyObject* left = SECOND();
  // An invalid `except` target raises CPython's own TypeError: let CPython execute it.
  if (!valid_except_type(right)) goto handoff_here;
  --sp;
  int match = PyErr_GivenExceptionMatches(left, right);
  Py_DECREF(right);
  PyObject* res = match ? Py_True : Py_False;
  Py_INCREF(res);
  PUSH(res);
  NEXT();
}

op_RERAISE: SYNC_PREV(); {
  unwind_unit = ip->offset;
  if (ip->arg) {
    PyObject* lasti = PEEK(ip->arg + 1);
    if (!PyLong_Check(lasti)) goto handoff_here;
    frame->prev_instr = first_instr + PyLong_AsLong(lasti);
  }
  PyObject* val = POP();
  PyObject* exc = reinterpret_cast<PyObject*>(Py_TYPE(val));
  Py_INCREF(exc);
  PyErr_Restore(exc, val, PyException_GetTraceback(val));
  goto exception_unwind;
}

op_RAISE_VARARGS: SYNC_PREV(); {
  PyObject* cause = nullptr;
  PyObject* exc = nullptr;
  switch (ip->arg) {
    case 2:
      cause = POP();
      [[fallthrough]];
    case 1:
      exc = POP();
      raise_exception(exc, cause);
      goto error_at;
    default: {
      // Bare `raise`: re-raise the handled exception with its traceback, no new entry.
      PyObject* value = _PyErr_GetTopmostException(tstate)->exc_value;
      if (value == nullptr || Py_IsNone(value) || ip->arg != 0) goto handoff_here;
      PyObject* type = reinterpret_cast<PyObject*>(PyExceptionInstance_Class(value));
      Py_INCREF(type);
      Py_INCREF(value);
      PyErr_Restore(type, value, PyException_GetTraceback(value));
      frame->prev_instr = first_instr + ip->offset;
      unwind_unit = ip->offset;
      goto exception_unwind;
    }
  }
}

op_DICT_MERGE: SYNC_PREV(); {
  PyObject* update = POP();
  PyObject* dict = PEEK(ip->arg);
  if (_PyDict_MergeEx(dict, update, 2) < 0) {
    format_kwargs_error(PEEK(2 + ip->arg), update);
    Py_DECREF(update);
    goto error_at;
  }
  Py_DECREF(update);
  NEXT();
}

op_DICT_UPDATE: SYNC_PREV(); {
  PyObject* update = POP();
  PyObject* dict = PEEK(ip->arg);
  if (PyDict_Update(dict, update) < 0) {
    if (PyErr_ExceptionMatches(PyExc_AttributeError))
      PyErr_Format(PyExc_TypeError, "'%.200s' object is not a mapping", Py_TYPE(update)->tp_name);
    Py_DECREF(update);
    goto error_at;
  }
  Py_DECREF(update);
  NEXT();
}

op_SET_UPDATE: SYNC_PREV(); {
  PyObject* iterable = POP();
  int err = _PySet_Update(PEEK(ip->arg), iterable);
  Py_DECREF(iterable);
  if (err < 0) goto error_at;
  NEXT();
}

op_LOAD_ASSERTION_ERROR:
  SYNC_PREV();
  Py_INCREF(PyExc_AssertionError);
  PUSH(PyExc_AssertionError);
  NEXT();

op_GET_LEN: SYNC_PREV(); {
  Py_ssize_t len = PyObject_Length(TOP());
  if (len < 0) goto error_at;
  PyObject* len_o = PyLong_FromSsize_t(len);
  if (len_o == nullptr) goto error_at;
  PUSH(len_o);
  NEXT();
}

op_MATCH_MAPPING: SYNC_PREV(); {
  PyObject* res = (Py_TYPE(TOP())->tp_flags & Py_TPFLAGS_MAPPING) ? Py_True : Py_False;
  Py_INCREF(res);
  PUSH(res);
  NEXT();
}

op_MATCH_SEQUENCE: SYNC_PREV(); {
  PyObject* res = (Py_TYPE(TOP())->tp_flags & Py_TPFLAGS_SEQUENCE) ? Py_True : Py_False;
  Py_INCREF(res);
  PUSH(res);
  NEXT();
}

op_POP_EXCEPT: SYNC_PREV(); {
  _PyErr_StackItem* exc_info = tstate->exc_info;
  PyObject* value = exc_info->exc_value;
  exc_info->exc_value = POP();
  Py_XDECREF(value);
  NEXT();
}

finish_gen: {
  // gen_send_ex2's tail for a generator frame that ran in this loop (`frame`): gen_ret is
  // the yielded value (state SUSPENDED), the returned value, or nullptr with an exception
  // set. Continues the caller's FOR_ITER (prev_instr still names it) as gen_iternext's
  // result would.
  _PyInterpreterFrame* gf = frame;
  PyGenObject* gen = _PyFrame_GetGenerator(gf);
  if (gen->gi_frame_state == FRAME_EXECUTING) gen->gi_frame_state = FRAME_COMPLETED;
  tstate->exc_info = gen->gi_exc_state.previous_item;
  gen->gi_exc_state.previous_item = nullptr;
  frame = cframe.current_frame = gf->previous;
  gf->previous = nullptr;
  LOAD_FRAME_STATE_AT_PREV();  // after the FOR_ITER
  sp = _PyFrame_GetStackPointer(frame);
  frame->stacktop = -1;
  if (gen_ret != nullptr && gen->gi_frame_state == FRAME_SUSPENDED) {
    PUSH(gen_ret);
    DISPATCH();
  }
  if (gen_ret == nullptr && PyErr_ExceptionMatches(PyExc_StopIteration))
    _PyErr_FormatFromCause(PyExc_RuntimeError, "%s", "generator raised StopIteration");
  Py_CLEAR(gen->gi_exc_state.exc_value);
  gen->gi_frame_state = FRAME_CLEARED;
  _PyFrame_Clear(gf);
  if (gen_ret == nullptr) goto error_at_prev_instr;
  Py_DECREF(gen_ret);  // a return value ends the iteration (gen_iternext drops it)
  --ip;                // the FOR_ITER: exhausted
  PyObject* iter = POP();
  Py_DECREF(iter);
  JUMP_TO(ip->target);
}

finish_init: {
  // The end of a plain class call (type_call's tail and CALL's clean-up), after __init__
  // returned init_ret (nullptr: an exception is set). The stack holds [class, self, args];
  // ip is the instruction after the CALL, prev_instr the CALL's last cache unit.
  leave_recursive_call(tstate);  // the type call's level
  const int init_nargs = ip[-1].arg;  // the CALL's (is_meth is 0 for class calls)
  if (init_ret != nullptr && init_ret != Py_None) {
    PyErr_Format(PyExc_TypeError, "__init__() should return None, not '%.200s'",
                 Py_TYPE(init_ret)->tp_name);
  }
  PyObject* self = sp[-init_nargs - 1];
  PyObject* cls = sp[-init_nargs - 2];
  PyObject* res = init_ret == Py_None ? self : nullptr;
  Py_XDECREF(init_ret);
  if (res == nullptr) Py_DECREF(self);  // type_call drops the object before CALL cleans up
  Py_DECREF(cls);
  sp -= init_nargs;
  for (int i = 0; i < init_nargs; ++i) Py_DECREF(sp[i]);
  sp -= 2;
  PUSH(res);
  if (res == nullptr) goto error_at_prev_instr;
  bump(Stat::k_interp_class_calls);
  DISPATCH();
}

cold_handoff:
  // The frame's loops cannot be compiled: CPython's loop runs the rest of it faster.
  bump(Stat::k_interp_cold_handoffs);
  frame->prev_instr = first_instr + ip->start - 1;
  throwflag = 0;
  goto to_cpython;

handoff_here:
  // Continue this frame in CPython at the current instruction, which has had no effect.
  ++g_handoffs_by_op[ip->op];
  bump(Stat::k_interp_handoffs);
  frame->prev_instr = first_instr + ip->start - 1;
  throwflag = 0;
  goto to_cpython;

error_at:
  frame->prev_instr = first_instr + ip->offset;
error_at_prev_instr:
  // CPython's `error:` path, as its loop runs it: the traceback entry for this frame (not
  // while the frame is incomplete), the exception event for a C-level trace function, then
  // unwinding by the exception table.
  bump(Stat::k_interp_exceptions);
  if (!PyErr_Occurred())
    PyErr_SetString(PyExc_SystemError, "error return without exception set");
  if (!_PyFrame_IsIncomplete(frame)) {
    PyFrameObject* f = _PyFrame_GetFrameObject(frame);
    if (f != nullptr) PyTraceBack_Here(f);
  }
  if (tstate->c_tracefunc != nullptr) call_exc_trace(tstate, frame);
  unwind_unit = static_cast<std::uint32_t>(frame->prev_instr - first_instr);
exception_unwind: {
  // The handler is looked up for `unwind_unit`: where the exception happened, except after
  // RERAISE, whose own position counts (prev_instr then holds the re-raised f_lasti), as
  // CPython's next_instr - 1.
  PyObject** stack_base = localsplus + code->co_nlocalsplus;
  const ExceptionEntry* handler = info->find_handler(unwind_unit);
  if (handler == nullptr) {
    // The exception leaves this frame.
    while (sp > stack_base) {
      PyObject* o = POP();
      Py_XDECREF(o);
    }
    frame->stacktop = static_cast<int>(sp - localsplus);
    if (cframe.use_tracing) trace_function_unwind(tstate, frame);
    leave_recursive_call(tstate);
    if (frame == entry_frame) {
      UNLINK_CFRAME();
      return nullptr;
    }
    if (IS_GEN_FRAME(frame)) {
      gen_ret = nullptr;
      goto finish_gen;
    }
    const bool init = IS_INIT_FRAME(frame);
    POP_TO_CALLER();
    if (init) {
      init_ret = nullptr;
      goto finish_init;
    }
    goto error_at_prev_instr;
  }
  PyObject** new_top = stack_base + handler->depth;
  while (sp > new_top) {
    PyObject* v = POP();
    Py_XDECREF(v);
  }
  if (handler->push_lasti) {
    PyObject* lasti = PyLong_FromLong(static_cast<long>(frame->prev_instr - first_instr));
    if (lasti == nullptr) goto exception_unwind;
    PUSH(lasti);
  }
  PyObject *exc, *val, *tb;
  PyErr_Fetch(&exc, &val, &tb);
  PyErr_NormalizeException(&exc, &val, &tb);
  PyException_SetTraceback(val, tb != nullptr ? tb : Py_None);
  Py_XDECREF(tb);
  Py_XDECREF(exc);
  PUSH(val);
  JUMP_TO(handler->handler);
}

to_cpython:
  frame->stacktop = static_cast<int>(sp - localsplus);
  leave_recursive_call(tstate);
  if (frame == entry_frame) {
    UNLINK_CFRAME();
    return _PyEval_EvalFrameDefault(tstate, frame, throwflag);
  }
  {
    // A callee of an in-interpreter call: CPython runs it to its end as an entry frame
    // linked under its caller (it reads our cframe's current_frame), then the caller goes
    // on here with the result, or with the exception at its CALL.
    cframe.current_frame = frame->previous;
    if (IS_GEN_FRAME(frame)) {
      gen_ret = _PyEval_EvalFrameDefault(tstate, frame, throwflag);
      goto finish_gen;
    }
    const bool init = IS_INIT_FRAME(frame);
    PyObject* res = _PyEval_EvalFrameDefault(tstate, frame, throwflag);
    POP_TO_CALLER();
    if (init) {
      init_ret = res;
      goto finish_init;
    }
    if (res == nullptr) goto error_at_prev_instr;
    PUSH(res);
    DISPATCH();
  }

exit_with_error:
  // Recursion limit hit entering a frame (CPython's start_frame -> exit_unwind): the frame
  // has not run, so it adds no traceback entry.
  frame->stacktop = static_cast<int>(sp - localsplus);
  leave_recursive_call(tstate);
  if (frame != entry_frame) {
    if (IS_GEN_FRAME(frame)) {
      gen_ret = nullptr;
      goto finish_gen;
    }
    const bool init = IS_INIT_FRAME(frame);
    POP_TO_CALLER();
    if (init) {
      init_ret = nullptr;
      goto finish_init;
    }
    goto error_at_prev_instr;
  }
  UNLINK_CFRAME();
  return nullptr;

#undef TOP
#undef SECOND
#undef THIRD
#undef PEEK
#undef PUSH
#undef POP
#undef GETLOCAL
#undef NEXT
#undef JUMP_TO
#undef DISPATCH
#undef CHECK_EVAL_BREAKER
#undef BACK_EDGE
#undef POP_TO_CALLER
#undef LOAD_FRAME_STATE_AT_PREV
#undef ENTER_PUSHED_FRAME
#undef UNLINK_CFRAME
#undef LOAD_FRAME_STATE
#undef IS_INIT_FRAME
#undef IS_GEN_FRAME
}

bool interp_implements(int opcode) { return kImplemented.ops[opcode & 255]; }

void on_hot_loop(_PyInterpreterFrame* frame, CodeInfo* info, std::int32_t header) {
  // The single entry point the tracing JIT (issue 4) fills in: today it only counts.
  bump(Stat::k_hot_loops);
  KRAIT_LOG(interp, "hot loop at offset %u of %s", info->instrs[header].offset * 2,
            PyUnicode_AsUTF8(frame->f_code->co_qualname));
}

}  // namespace krait
