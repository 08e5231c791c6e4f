/* C11 side of the CPython-internals shim (see cpython_shim.h). Keep it small: only what
 * cannot be reached from C++. */
#define Py_BUILD_CORE 1
#include "cpython_shim.h"

#include <stddef.h>

#include <internal/pycore_ceval.h>
#include <internal/pycore_interp.h>
#include <internal/pycore_pyerrors.h>
#include <internal/pycore_pystate.h>
#include <internal/pycore_runtime.h>

volatile int* krait_eval_breaker_ptr(PyThreadState* tstate) {
  return (volatile int*)&tstate->interp->ceval.eval_breaker._value;
}

int krait_gc_alloc_would_collect(void) {
  PyThreadState* tstate = _PyThreadState_GET();
  struct _gc_runtime_state* gc = &tstate->interp->gc;
  return gc->generations[0].count + 1 > gc->generations[0].threshold && gc->enabled &&
         gc->generations[0].threshold && !gc->collecting && !_PyErr_Occurred(tstate);
}

int krait_list_alloc_would_collect(void) {
#if PyList_MAXFREELIST > 0
  if (_PyInterpreterState_GET()->list.numfree > 0) return 0;
#endif
  return krait_gc_alloc_would_collect();
}

/* CPython recomputes the breaker from its sources after clearing one of them; the static
 * helper in ceval.c is not reachable, so the same rule is written here. */
static void recompute_eval_breaker(PyInterpreterState* interp) {
  struct _ceval_runtime_state* ceval = &_PyRuntime.ceval;
  struct _ceval_state* ceval2 = &interp->ceval;
  int can_signals = _Py_ThreadCanHandleSignals(interp);
  int can_pending = _Py_IsMainThread();
  _Py_atomic_store_relaxed(
      &ceval2->eval_breaker,
      _Py_atomic_load_relaxed(&ceval2->gil_drop_request) |
          (_Py_atomic_load_relaxed(&ceval->signals_pending) && can_signals) |
          (_Py_atomic_load_relaxed(&ceval2->pending.calls_to_do) && can_pending) |
          ceval2->pending.async_exc);
}

int krait_handle_eval_breaker(PyThreadState* tstate) {
  struct _ceval_runtime_state* ceval = &_PyRuntime.ceval;
  struct _ceval_state* ceval2 = &tstate->interp->ceval;
  /* Py_MakePendingCalls runs signal handlers and then pending calls, each only where
   * CPython's loop would (main thread of the main interpreter). */
  if (_Py_atomic_load_relaxed(&ceval->signals_pending) ||
      _Py_atomic_load_relaxed(&ceval2->pending.calls_to_do)) {
    if (Py_MakePendingCalls() != 0) return -1;
  }
  if (_Py_atomic_load_relaxed(&ceval2->gil_drop_request)) {
    /* Releasing with a drop request pending waits until another thread took the GIL
     * (FORCE_SWITCHING), exactly as the eval loop's drop_gil/take_gil pair does. */
    PyThreadState* saved = PyEval_SaveThread();
    PyEval_RestoreThread(saved);
  }
  if (tstate->async_exc != NULL) {
    PyObject* exc = tstate->async_exc;
    tstate->async_exc = NULL;
    ceval2->pending.async_exc = 0;
    recompute_eval_breaker(tstate->interp);
    _PyErr_SetNone(tstate, exc);
    Py_DECREF(exc);
    return -1;
  }
  return 0;
}

int krait_enter_recursive_call(PyThreadState* tstate) {
  if (_Py_EnterRecursiveCallTstate(tstate, "")) {
    /* As ceval.c start_frame: the failed entry is balanced by the exit path's leave. */
    tstate->recursion_remaining--;
    return -1;
  }
  return 0;
}

int krait_enter_recursive_call_where(PyThreadState* tstate, const char* where) {
  return _Py_EnterRecursiveCallTstate(tstate, where);
}

void krait_leave_recursive_call(PyThreadState* tstate) { _Py_LeaveRecursiveCallTstate(tstate); }

/* ---- Inline caches (see cpython_shim.h) ---------------------------------------------- */

#include <internal/pycore_dict.h>
#include <structmember.h>
#include <internal/pycore_moduleobject.h>
#include <internal/pycore_object.h>

/* CPython's LOAD_ATTR_MODULE / LOAD_METHOD_MODULE: an exact module whose dict has unicode keys
 * holds the name; the entry index is stable while the dict's keys version is. A present key
 * wins over a module __getattr__, so the generic lookup would return the same value. */
static int module_attr_specialize(PyObject* owner, PyObject* name, KraitCache* c) {
  if (!PyModule_CheckExact(owner) || !PyUnicode_CheckExact(name)) return 0;
  PyObject* dict = ((PyModuleObject*)owner)->md_dict;
  if (dict == NULL || !PyDict_CheckExact(dict)) return 0;
  PyDictKeysObject* keys = ((PyDictObject*)dict)->ma_keys;
  if (!DK_IS_UNICODE(keys)) return 0;
  Py_ssize_t ix = _PyDictKeys_StringLookup(keys, name);
  if (ix < 0) return 0;
  uint32_t v = _PyDictKeys_GetVersionForCurrentState(keys);
  if (v == 0) return 0;
  c->kind = kKraitCacheModuleAttr;
  c->version = v;
  c->index = ix;
  return 1;
}

static PyObject* module_attr_hit(PyObject* owner, KraitCache* c) {
  if (!PyModule_CheckExact(owner)) return NULL;
  PyDictObject* dict = (PyDictObject*)((PyModuleObject*)owner)->md_dict;
  if (dict == NULL || dict->ma_keys->dk_version != c->version) return NULL;
  return DK_UNICODE_ENTRIES(dict->ma_keys)[c->index].me_value;
}

/* A site that keeps missing (polymorphic, or types being modified) goes generic
   (KRAIT_CACHE_MAX_MISSES, cpython_shim.h). */
static void cache_miss(KraitCache* c) {
  c->kind = ++c->misses >= KRAIT_CACHE_MAX_MISSES ? kKraitCacheGeneric : kKraitCacheEmpty;
}

/* The conditions of CPython's specializer for instance attributes: a heap type with managed
 * dict and generic getattr, a valid version tag, and no attribute of that name on the type
 * (so the instance values decide). */
static int instance_attr_index(PyTypeObject* tp, PyObject* name, Py_ssize_t* index) {
  if (!(tp->tp_flags & Py_TPFLAGS_MANAGED_DICT) || tp->tp_getattro != PyObject_GenericGetAttr ||
      !PyUnicode_CheckExact(name))
    return 0;
  PyObject* descr = _PyType_Lookup(tp, name); /* assigns the version tag */
  if (descr != NULL || tp->tp_version_tag == 0) return 0;
  PyDictKeysObject* keys = ((PyHeapTypeObject*)tp)->ht_cached_keys;
  if (keys == NULL) return 0;
  Py_ssize_t ix = _PyDictKeys_StringLookup(keys, name);
  if (ix < 0 || ix >= SHARED_KEYS_MAX_SIZE) return 0;
  *index = ix;
  return 1;
}

/* LOAD_ATTR_SLOT's conditions: the name is a __slots__ member (an object slot without audit
 * hook) of a type with generic getattr; a member descriptor is a data descriptor, so it wins
 * over any instance dict while the type's version tag holds. */
static int slot_offset(PyTypeObject* tp, PyObject* name, Py_ssize_t* offset) {
  if (tp->tp_getattro != PyObject_GenericGetAttr || !PyUnicode_CheckExact(name)) return 0;
  PyObject* descr = _PyType_Lookup(tp, name);
  if (descr == NULL || Py_TYPE(descr) != &PyMemberDescr_Type || tp->tp_version_tag == 0)
    return 0;
  /* A member descriptor copied into an unrelated class describes another layout: the
   * generic path raises "descriptor ... doesn't apply". */
  if (!PyType_IsSubtype(tp, ((PyMemberDescrObject*)descr)->d_common.d_type)) return 0;
  PyMemberDef* m = ((PyMemberDescrObject*)descr)->d_member;
  if (m->type != T_OBJECT_EX || (m->flags & PY_AUDIT_READ) || m->offset <= 0) return 0;
  *offset = m->offset;
  return 1;
}

/* The version of a managed-dict type's shared keys when they lack `name` (so no instance that
 * keeps its attributes as values can hold it), or 0: no shared keys, the name among them, or
 * no version left. The cache then also requires the instance's dict not to be materialized
 * (shared_keys_guard in interp_inline.h). */
static uint32_t shared_keys_version_without(PyTypeObject* tp, PyObject* name) {
  PyDictKeysObject* keys = ((PyHeapTypeObject*)tp)->ht_cached_keys;
  if (keys == NULL || _PyDictKeys_StringLookup(keys, name) >= 0) return 0;
  return _PyDictKeys_GetVersionForCurrentState(keys);
}

/* A plain class attribute read through an instance (PyObject_GenericGetAttr's last step): the
 * type's attribute has no __get__, and no instance can hold the name, because its instances
 * have no dict at all, or keep their attributes as values under shared keys that lack the
 * name (guarded by the keys version, and by the instance not having a materialized dict). */
static int class_value_specialize(PyObject* owner, PyTypeObject* tp, PyObject* name,
                                  KraitCache* c) {
  if (tp->tp_getattro != PyObject_GenericGetAttr || !PyUnicode_CheckExact(name) ||
      PyType_Check(owner))
    return 0;
  PyObject* descr = _PyType_Lookup(tp, name);
  if (descr == NULL || Py_TYPE(descr)->tp_descr_get != NULL || tp->tp_version_tag == 0) return 0;
  uint32_t keys_version = 0;
  if (tp->tp_flags & Py_TPFLAGS_MANAGED_DICT) {
    keys_version = shared_keys_version_without(tp, name);
    if (keys_version == 0) return 0;
  } else if (tp->tp_dictoffset != 0) {
    return 0;
  }
  c->kind = kKraitCacheClassValue;
  c->version = tp->tp_version_tag;
  c->keys_version = keys_version;
  c->descr = descr;
  return 1;
}

/* A class's own attribute (type_getattro) with a metatype of exactly `type` that has no
 * attribute of that name (its data descriptors, such as __name__, would win), and a value
 * without __get__: the class's MRO lookup result, while the class's version tag holds. */
static int type_value_specialize(PyObject* owner, PyObject* name, KraitCache* c) {
  if (Py_TYPE(owner) != &PyType_Type || !PyUnicode_CheckExact(name)) return 0;
  PyTypeObject* cls = (PyTypeObject*)owner;
  if (_PyType_Lookup(&PyType_Type, name) != NULL) return 0;
  PyObject* descr = _PyType_Lookup(cls, name);
  if (descr == NULL || Py_TYPE(descr)->tp_descr_get != NULL || cls->tp_version_tag == 0)
    return 0;
  c->kind = kKraitCacheTypeValue;
  c->version = cls->tp_version_tag;
  c->descr = descr;
  return 1;
}

PyObject* krait_load_attr(PyObject* owner, PyObject* name, KraitCache* c) {
  PyTypeObject* tp = Py_TYPE(owner);
  if (c->kind == kKraitCacheInstanceValue) {
    if (tp->tp_version_tag == c->version) {
      PyDictValues* values = *_PyObject_ValuesPointer(owner);
      if (values != NULL) {
        PyObject* res = values->values[c->index];
        if (res != NULL) {
          Py_INCREF(res);
          return res;
        }
      }
    }
    cache_miss(c);
  } else if (c->kind == kKraitCacheModuleAttr) {
    PyObject* res = module_attr_hit(owner, c);
    if (res != NULL) {
      Py_INCREF(res);
      return res;
    }
    cache_miss(c);
  } else if (c->kind == kKraitCacheEmpty) {
    Py_ssize_t ix;
    if (module_attr_specialize(owner, name, c) || class_value_specialize(owner, tp, name, c) ||
        type_value_specialize(owner, name, c)) {
      /* specialized */
    } else if (instance_attr_index(tp, name, &ix)) {
      c->kind = kKraitCacheInstanceValue;
      c->version = tp->tp_version_tag;
      c->index = ix;
    } else if (slot_offset(tp, name, &ix)) {
      c->kind = kKraitCacheSlot;
      c->version = tp->tp_version_tag;
      c->index = ix;
    } else {
      cache_miss(c);
    }
  } else if (c->kind != kKraitCacheGeneric) {
    cache_miss(c); /* the inline hit path (interp_inline.h) did not apply */
  }
  return PyObject_GetAttr(owner, name);
}

/* STORE_ATTR: CPython's STORE_ATTR_INSTANCE_VALUE conditions for a store that may be cached:
 * generic setattr on a managed-dict heap type, no attribute of that name on the type (CPython
 * also caches non-overriding descriptors; Krait leaves those to the generic path), the
 * instance's values not yet materialized into a dict, and the name among the shared keys. */
int krait_store_attr(PyObject* owner, PyObject* name, PyObject* value, KraitCache* c) {
  PyTypeObject* tp = Py_TYPE(owner);
  if (c->kind == kKraitCacheInstanceValue) {
    cache_miss(c); /* the inline hit path (interp_inline.h) did not apply */
  } else if (c->kind == kKraitCacheEmpty) {
    int ok = 0;
    if ((tp->tp_flags & Py_TPFLAGS_MANAGED_DICT) && tp->tp_setattro == PyObject_GenericSetAttr &&
        PyUnicode_CheckExact(name) && !PyModule_CheckExact(owner) &&
        _PyType_Lookup(tp, name) == NULL && tp->tp_version_tag != 0 &&
        *_PyObject_ManagedDictPointer(owner) == NULL) {
      PyDictKeysObject* keys = ((PyHeapTypeObject*)tp)->ht_cached_keys;
      Py_ssize_t ix = keys != NULL ? _PyDictKeys_StringLookup(keys, name) : DKIX_EMPTY;
      if (ix >= 0 && ix < SHARED_KEYS_MAX_SIZE) {
        c->kind = kKraitCacheInstanceValue;
        c->version = tp->tp_version_tag;
        c->index = ix;
        ok = 1;
      }
    }
    Py_ssize_t offset;
    if (!ok && tp->tp_setattro == PyObject_GenericSetAttr && !PyModule_CheckExact(owner) &&
        slot_offset(tp, name, &offset) && ((PyMemberDescrObject*)_PyType_Lookup(tp, name))
                                                  ->d_member->flags == 0) {
      /* STORE_ATTR_SLOT: a writable object slot. */
      c->kind = kKraitCacheSlot;
      c->version = tp->tp_version_tag;
      c->index = offset;
      ok = 1;
    }
    if (!ok) cache_miss(c);
  } else if (c->kind == kKraitCacheSlot) {
    cache_miss(c);
  }
  return PyObject_SetAttr(owner, name, value);
}

int krait_load_method(PyObject* obj, PyObject* name, PyObject** meth, KraitCache* c) {
  PyTypeObject* tp = Py_TYPE(obj);
  if (c->kind == kKraitCacheMethodWithValues) {
    if (tp->tp_version_tag == c->version && *_PyObject_ManagedDictPointer(obj) == NULL &&
        ((PyHeapTypeObject*)tp)->ht_cached_keys->dk_version == c->keys_version) {
      Py_INCREF(c->descr);
      *meth = c->descr;
      return 1;
    }
    cache_miss(c);
  } else if (c->kind == kKraitCacheModuleAttr) {
    PyObject* res = module_attr_hit(obj, c);
    if (res != NULL) {
      Py_INCREF(res);
      *meth = res;
      return 0;
    }
    cache_miss(c);
  } else if (c->kind == kKraitCacheMethodNoDict) {
    cache_miss(c); /* the inline hit path (interp_inline.h) did not apply */
  } else if (c->kind == kKraitCacheEmpty) {
    /* CPython's LOAD_METHOD_WITH_VALUES conditions: a method descriptor on a managed-dict
     * type whose instances' shared keys do not contain the name. */
    int ok = module_attr_specialize(obj, name, c);
    if (!ok && (tp->tp_flags & Py_TPFLAGS_MANAGED_DICT) &&
        tp->tp_getattro == PyObject_GenericGetAttr && PyUnicode_CheckExact(name)) {
      PyObject* descr = _PyType_Lookup(tp, name);
      if (descr != NULL && tp->tp_version_tag != 0 &&
          _PyType_HasFeature(Py_TYPE(descr), Py_TPFLAGS_METHOD_DESCRIPTOR)) {
        uint32_t keys_version = shared_keys_version_without(tp, name);
        if (keys_version != 0) {
          c->kind = kKraitCacheMethodWithValues;
          c->version = tp->tp_version_tag;
          c->keys_version = keys_version;
          c->descr = descr;
          ok = 1;
        }
      }
    }
    /* LOAD_METHOD_NO_DICT: a method descriptor on a type whose instances have no dict
     * (builtin containers, __slots__ classes), valid while the type's version is. */
    if (!ok && !(tp->tp_flags & Py_TPFLAGS_MANAGED_DICT) && tp->tp_dictoffset == 0 &&
        tp->tp_getattro == PyObject_GenericGetAttr && PyUnicode_CheckExact(name) &&
        !PyType_Check(obj)) {
      PyObject* descr = _PyType_Lookup(tp, name);
      if (descr != NULL && tp->tp_version_tag != 0 &&
          _PyType_HasFeature(Py_TYPE(descr), Py_TPFLAGS_METHOD_DESCRIPTOR)) {
        c->kind = kKraitCacheMethodNoDict;
        c->version = tp->tp_version_tag;
        c->descr = descr;
        ok = 1;
      }
    }
    if (!ok) cache_miss(c);
  }
  return _PyObject_GetMethod(obj, name, meth);
}

PyObject* krait_load_global(PyObject* globals, PyObject* builtins, PyObject* name,
                            KraitCache* c) {
  PyDictKeysObject* gkeys = ((PyDictObject*)globals)->ma_keys;
  if (c->kind == kKraitCacheGlobalModule) {
    if (gkeys->dk_version == c->version) {
      PyObject* res = DK_UNICODE_ENTRIES(gkeys)[c->index].me_value;
      if (res != NULL) return res;
    }
    cache_miss(c);
  } else if (c->kind == kKraitCacheGlobalBuiltin) {
    PyDictKeysObject* bkeys = ((PyDictObject*)builtins)->ma_keys;
    if (gkeys->dk_version == c->version && bkeys->dk_version == c->keys_version) {
      PyObject* res = DK_UNICODE_ENTRIES(bkeys)[c->index].me_value;
      if (res != NULL) return res;
    }
    cache_miss(c);
  } else if (c->kind == kKraitCacheEmpty) {
    /* As CPython's specializer: unicode-keyed dicts only; a global's entry index is stable
     * while the globals keys version is; a builtin needs the name absent from globals (same
     * globals keys version) and the builtins keys version. */
    PyDictKeysObject* bkeys = ((PyDictObject*)builtins)->ma_keys;
    int ok = 0;
    if (PyUnicode_CheckExact(name) && DK_IS_UNICODE(gkeys)) {
      Py_ssize_t ix = _PyDictKeys_StringLookup(gkeys, name);
      if (ix >= 0) {
        uint32_t v = _PyDictKeys_GetVersionForCurrentState(gkeys);
        if (v != 0) {
          c->kind = kKraitCacheGlobalModule;
          c->version = v;
          c->index = ix;
          ok = 1;
        }
      } else if (ix == DKIX_EMPTY && DK_IS_UNICODE(bkeys)) {
        Py_ssize_t bix = _PyDictKeys_StringLookup(bkeys, name);
        if (bix >= 0) {
          uint32_t v = _PyDictKeys_GetVersionForCurrentState(gkeys);
          uint32_t bv = _PyDictKeys_GetVersionForCurrentState(bkeys);
          if (v != 0 && bv != 0) {
            c->kind = kKraitCacheGlobalBuiltin;
            c->version = v;
            c->keys_version = bv;
            c->index = bix;
            ok = 1;
          }
        }
      }
    }
    if (!ok) cache_miss(c);
  }
  return _PyDict_LoadGlobal((PyDictObject*)globals, (PyDictObject*)builtins, name);
}

/* ---- IMPORT_NAME ------------------------------------------------------------------- */

PyObject* krait_import_name(PyThreadState* tstate, PyObject* builtins, PyObject* globals,
                            PyObject* locals, PyObject* name, PyObject* fromlist,
                            PyObject* level) {
  PyObject* import_func = _PyDict_GetItemWithError(builtins, &_Py_ID(__import__));
  if (import_func == NULL) {
    if (!_PyErr_Occurred(tstate)) _PyErr_SetString(tstate, PyExc_ImportError, "__import__ not found");
    return NULL;
  }
  if (import_func == tstate->interp->import_func) {
    int ilevel = _PyLong_AsInt(level);
    if (ilevel == -1 && _PyErr_Occurred(tstate)) return NULL;
    return PyImport_ImportModuleLevelObject(name, globals, locals == NULL ? Py_None : locals,
                                            fromlist, ilevel);
  }
  Py_INCREF(import_func);
  PyObject* stack[5] = {name, globals, locals == NULL ? Py_None : locals, fromlist, level};
  PyObject* res = _PyObject_FastCall(import_func, stack, 5);
  Py_DECREF(import_func);
  return res;
}

PyObject* krait_lookup_special(PyObject* obj, PyObject* name) {
  return _PyObject_LookupSpecial(obj, name);
}

PyObject** krait_global_value_addr(PyObject* globals, PyObject* builtins, const KraitCache* c,
                                   uint32_t* gver, uint32_t* bver) {
  if (!PyDict_CheckExact(globals) || !PyDict_CheckExact(builtins)) return NULL;
  PyDictKeysObject* gkeys = ((PyDictObject*)globals)->ma_keys;
  if (c->kind == kKraitCacheGlobalModule && gkeys->dk_version == c->version) {
    *gver = c->version;
    *bver = 0;
    return &DK_UNICODE_ENTRIES(gkeys)[c->index].me_value;
  }
  PyDictKeysObject* bkeys = ((PyDictObject*)builtins)->ma_keys;
  if (c->kind == kKraitCacheGlobalBuiltin && gkeys->dk_version == c->version &&
      bkeys->dk_version == c->keys_version) {
    *gver = c->version;
    *bver = c->keys_version;
    return &DK_UNICODE_ENTRIES(bkeys)[c->index].me_value;
  }
  return NULL;
}

void krait_dict_keys_offsets(int* ma_keys, int* dk_version) {
  *ma_keys = (int)offsetof(PyDictObject, ma_keys);
  *dk_version = (int)offsetof(PyDictKeysObject, dk_version);
}

/* ---- Small ints -------------------------------------------------------------------- */

#include <internal/pycore_long.h>

PyLongObject* const krait_small_int_zero = &_PyLong_SMALL_INTS[_PY_NSMALLNEGINTS];
_Static_assert(_PY_NSMALLNEGINTS == KRAIT_SMALL_NEG_INTS && _PY_NSMALLPOSINTS == KRAIT_SMALL_POS_INTS,
               "CPython's small-int range changed");
