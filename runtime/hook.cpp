// The PEP 523 frame-evaluation hook. For now every frame is forwarded to CPython's own
// _PyEval_EvalFrameDefault; the baseline interpreter (issue 3) will take loop frames here.
#define Py_BUILD_CORE 1
#include <Python.h>
#include <internal/pycore_frame.h>

#include "krait/krait.h"
#include "krait/log.h"
#include "krait/stats.h"

namespace krait {

namespace {

bool g_hook_installed = false;

void log_frame(_PyInterpreterFrame* frame, int throwflag) {
  PyCodeObject* code = frame->f_code;
  const char* name = PyUnicode_AsUTF8(code->co_qualname);
  const char* file = PyUnicode_AsUTF8(code->co_filename);
  if (!name || !file) {
    // The log must never change the program: drop a failed UTF-8 conversion quietly.
    PyErr_Clear();
    return;
  }
  log_printf(LogChannel::k_hook, "%s %s:%d%s", name, file, code->co_firstlineno,
             throwflag ? " (throw)" : "");
}

PyObject* eval_frame(PyThreadState* tstate, _PyInterpreterFrame* frame, int throwflag) {
  bump(Stat::k_hook_frames);
  if (frame->owner == FRAME_OWNED_BY_GENERATOR) bump(Stat::k_hook_gen_frames);
  if (throwflag) bump(Stat::k_hook_throws);
  if (log_enabled(LogChannel::k_hook)) {
    // Logging may call into CPython (string conversion): keep a pending exception intact.
    PyObject *type, *value, *tb;
    PyErr_Fetch(&type, &value, &tb);
    log_frame(frame, throwflag);
    PyErr_Restore(type, value, tb);
  }
  return _PyEval_EvalFrameDefault(tstate, frame, throwflag);
}

}  // namespace

void install_hook() {
  _PyInterpreterState_SetEvalFrameFunc(PyInterpreterState_Get(), eval_frame);
  g_hook_installed = true;
  set_stat(Stat::k_hook_installed, 1);
  KRAIT_LOG(startup, "PEP 523 hook installed");
}

void uninstall_hook() {
  _PyInterpreterState_SetEvalFrameFunc(PyInterpreterState_Get(), _PyEval_EvalFrameDefault);
  g_hook_installed = false;
  set_stat(Stat::k_hook_installed, 0);
}

bool hook_installed() { return g_hook_installed; }

}  // namespace krait
