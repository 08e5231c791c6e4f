/* C11 side of the CPython-internals shim (see cpython_shim.h). Keep it small: only what
 * cannot be reached from C++. */
#define Py_BUILD_CORE 1
#include "cpython_shim.h"

#include <internal/pycore_ceval.h>
#include <internal/pycore_interp.h>
#include <internal/pycore_pyerrors.h>
#include <internal/pycore_pystate.h>
#include <internal/pycore_runtime.h>

volatile int* krait_eval_breaker_ptr(PyThreadState* tstate) {
  return (volatile int*)&tstate->interp->ceval.eval_breaker._value;
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

void krait_leave_recursive_call(PyThreadState* tstate) { _Py_LeaveRecursiveCallTstate(tstate); }
