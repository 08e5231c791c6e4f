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

#ifdef __cplusplus
}
#endif

#endif
