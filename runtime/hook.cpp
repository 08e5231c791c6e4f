// The PEP 523 frame-evaluation hook and the routing of frames: frames of code with loops
// (or all frames, KRAIT_INTERP=all) run in Krait's baseline interpreter; everything else,
// frames entered with an exception to throw, and frames under sys.settrace/setprofile run in
// CPython's own _PyEval_EvalFrameDefault.
#include "cpython_internal.h"
#include "interp.h"
#include "krait/options.h"

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
  InterpMode mode = static_cast<InterpMode>(options().interp);
  if (!throwflag && mode != InterpMode::kOff && !tstate->cframe->use_tracing) {
    CodeInfo* info = code_info(frame->f_code);
    if (info && (mode == InterpMode::kAll || info->has_loop))
      return interp_eval_frame(tstate, frame, info);
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
