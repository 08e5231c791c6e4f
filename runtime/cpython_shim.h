/* The narrow C interface to CPython internals whose headers do not compile as C++
 * (pycore_interp.h, pycore_ceval.h, pycore_pystate.h use C11 atomics). cpython_shim.c is the
 * only file that includes them; everything else in Krait is C++ and calls these. */
#ifndef KRAIT_CPYTHON_SHIM_H
#define KRAIT_CPYTHON_SHIM_H

#include <Python.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The interpreter's eval-breaker word (non-zero: signals, pending calls, a GIL drop request
 * or an async exception are waiting). Read it with a plain load, as CPython's relaxed
 * atomic load does. */
volatile int* krait_eval_breaker_ptr(PyThreadState* tstate);

/* Does what CPython's eval loop does when the eval breaker is set (ceval.c
 * eval_frame_handle_pending): run signal handlers and pending calls, hand the GIL to a
 * waiting thread, raise a pending async exception. Returns -1 with an exception set. */
int krait_handle_eval_breaker(PyThreadState* tstate);

/* CPython's per-frame recursion accounting (_Py_EnterRecursiveCallTstate and leave). Enter
 * returns non-zero with RecursionError set, after which the caller must still call leave
 * exactly as CPython's exit path does. */
int krait_enter_recursive_call(PyThreadState* tstate);
void krait_leave_recursive_call(PyThreadState* tstate);
/* _Py_EnterRecursiveCallTstate itself, as C-level calls count (e.g. _PyObject_MakeTpCall
 * with " while calling a Python object"): non-zero with RecursionError set and the count
 * already restored; a success is undone by krait_leave_recursive_call. */
int krait_enter_recursive_call_where(PyThreadState* tstate, const char* where);

#ifdef __cplusplus
}
#endif

#endif

#ifndef KRAIT_SHIM_CACHES
#define KRAIT_SHIM_CACHES
#ifdef __cplusplus
extern "C" {
#endif

/* Inline cache of one LOAD_ATTR / LOAD_METHOD / LOAD_GLOBAL instruction of the baseline
 * interpreter. The fast paths are CPython 3.11's own specializations (LOAD_ATTR_INSTANCE_VALUE,
 * LOAD_METHOD_WITH_VALUES, LOAD_GLOBAL_MODULE / _BUILTIN), guarded by the same type version
 * tags and dict-keys versions, so a hit returns exactly what the generic lookup would. */
typedef struct KraitCache {
  uint32_t version;       /* type version tag, or globals keys version */
  uint32_t keys_version;  /* shared-keys version (methods) or builtins keys version */
  Py_ssize_t index;       /* values / entries index */
  PyObject* descr;        /* borrowed method descriptor, kept alive by the type version */
  uint8_t kind;           /* KraitCacheKind */
  uint8_t misses;
} KraitCache;

/* Misses (re-specializations) after which a cache entry stays generic. */
#define KRAIT_CACHE_MAX_MISSES 32

enum KraitCacheKind {
  kKraitCacheEmpty = 0,
  kKraitCacheInstanceValue,
  kKraitCacheMethodWithValues,
  kKraitCacheGlobalModule,
  kKraitCacheGlobalBuiltin,
  kKraitCacheModuleAttr,
  kKraitCacheMethodNoDict, /* LOAD_METHOD_NO_DICT: instances have no __dict__ */
  kKraitCacheSlot,         /* LOAD_ATTR_SLOT / STORE_ATTR_SLOT: `index` is the byte offset */
  kKraitCacheClassValue,   /* an instance's read of a plain class attribute (`descr`) */
  kKraitCacheTypeValue,    /* a class's own attribute without __get__ (`descr`) */
  kKraitCacheGeneric, /* missed too often: always the generic path */
  kKraitCacheCallPyExact, /* CALL of the function with func_version `version` with `index`
                             positional arguments, exactly its parameters; `descr` is the
                             callee code's CodeInfo (not an object) */
};

/* LOAD_ATTR: new reference, or NULL with an exception set (exactly PyObject_GetAttr). */
PyObject* krait_load_attr(PyObject* owner, PyObject* name, KraitCache* cache);
/* STORE_ATTR's full path (exactly PyObject_SetAttr: 0, or -1 with an exception set), which
 * also fills the cache; the hit path is inline in the interpreter (interp_inline.h). */
int krait_store_attr(PyObject* owner, PyObject* name, PyObject* value, KraitCache* cache);
/* LOAD_METHOD: as _PyObject_GetMethod (1: *meth is an unbound method to call with obj). */
int krait_load_method(PyObject* obj, PyObject* name, PyObject** meth, KraitCache* cache);
/* LOAD_GLOBAL with dict globals and builtins: borrowed reference; NULL with an exception
 * set on error, NULL without one when the name is missing (as _PyDict_LoadGlobal). */
PyObject* krait_load_global(PyObject* globals, PyObject* builtins, PyObject* name,
                            KraitCache* cache);

#ifdef __cplusplus
}
#endif
#endif

#ifndef KRAIT_SHIM_IMPORT
#define KRAIT_SHIM_IMPORT
#ifdef __cplusplus
extern "C" {
#endif
/* IMPORT_NAME's work as ceval.c import_name does it (builtins.__import__, with the fast path
 * when it is the interpreter's own). New reference, or NULL with an exception set. */
PyObject* krait_import_name(PyThreadState* tstate, PyObject* builtins, PyObject* globals,
                            PyObject* locals, PyObject* name, PyObject* fromlist,
                            PyObject* level);
#ifdef __cplusplus
}
#endif
#endif

#ifndef KRAIT_SHIM_SPECIAL
#define KRAIT_SHIM_SPECIAL
#ifdef __cplusplus
extern "C" {
#endif
/* CPython's _PyObject_LookupSpecial (a type-level lookup, bound with __get__). */
PyObject* krait_lookup_special(PyObject* obj, PyObject* name);
#ifdef __cplusplus
}
#endif
#endif

#ifndef KRAIT_SHIM_JIT
#define KRAIT_SHIM_JIT
#ifdef __cplusplus
extern "C" {
#endif
/* For the tracing JIT: the address of the dict entry value that LOAD_GLOBAL's cache `c`
 * currently resolves to, with the keys versions that keep that address valid (*bver is 0 for
 * a module global). NULL when the cache does not hold a valid global/builtin entry. */
PyObject** krait_global_value_addr(PyObject* globals, PyObject* builtins, const KraitCache* c,
                                   uint32_t* gver, uint32_t* bver);
/* CPython's small-int singletons: krait_small_int_zero[i] is the int i, for
 * -KRAIT_SMALL_NEG_INTS <= i < KRAIT_SMALL_POS_INTS (checked against CPython's headers). */
#define KRAIT_SMALL_NEG_INTS 5
#define KRAIT_SMALL_POS_INTS 257
extern PyLongObject* const krait_small_int_zero;
/* Byte offsets of PyDictObject.ma_keys and PyDictKeysObject.dk_version (internal structs). */
void krait_dict_keys_offsets(int* ma_keys, int* dk_version);
/* Whether allocating one more GC-tracked object now would run a collection
 * (_PyObject_GC_Link's rule), which can run finalizers and weakref callbacks; for a list,
 * whether PyList_New would (its free list comes first). */
int krait_gc_alloc_would_collect(void);
int krait_list_alloc_would_collect(void);
#ifdef __cplusplus
}
#endif
#endif
