// The PEP 523 frame-evaluation hook and the routing of frames: frames of warm code (code with
// loops, and code called more than KRAIT_WARM_CALLS times; or the frames of code with loops
// only, KRAIT_INTERP=loops, or all frames, KRAIT_INTERP=all) run in Krait's baseline
// interpreter; everything else,
// frames entered with an exception to throw, and frames under sys.settrace/setprofile run in
// CPython's own _PyEval_EvalFrameDefault.
#include "cpython_internal.h"
#include "interp.h"
#include "krait/options.h"

#include "krait/krait.h"
#include "krait/log.h"
#include "krait/stats.h"

#include <pthread.h>
#include <sys/auxv.h>
#include <sys/resource.h>
#include <unistd.h>

#include <cstdint>
#include <cstring>

namespace krait {

namespace {

bool g_hook_installed = false;

// With a PEP 523 hook installed, every Python call that CPython's own loop makes recurses in
// C (the hook cannot be inlined). With a raised recursion limit that can exhaust the C stack
// where stock CPython, which inlines those calls, would not. Rather than crash, the hook raises
// RecursionError when less than kStackReserve bytes of this thread's C stack remain.
constexpr std::size_t kStackReserve = 256 * 1024;
thread_local char* t_stack_floor = nullptr;

// The main thread's stack, without glibc's pthread_getattr_np, which finds it by parsing
// /proc/self/maps (126,000 instructions and a file read at every start-up, callgrind). The
// kernel lets that stack grow to RLIMIT_STACK below the end of its mapping, and the end is
// known: exec puts the executable's file name (AT_EXECFN) at the top, a pointer's width below
// the end. This gives the same lowest address as glibc's (checked with and without ulimit -s,
// under valgrind and with an empty environment); anything unusual falls back to glibc.
bool main_thread_stack(const char* probe, void** addr, std::size_t* size) {
  if (getpid() != gettid()) return false;
  rlimit rl{};
  if (getrlimit(RLIMIT_STACK, &rl) != 0 || rl.rlim_cur == RLIM_INFINITY) return false;
  const auto* execfn = reinterpret_cast<const char*>(getauxval(AT_EXECFN));
  long page = sysconf(_SC_PAGESIZE);
  if (!execfn || page <= 0) return false;
  auto end = reinterpret_cast<std::uintptr_t>(execfn) + std::strlen(execfn) + 1 + sizeof(void*);
  end = (end + page - 1) & ~static_cast<std::uintptr_t>(page - 1);
  if (rl.rlim_cur >= end) return false;
  std::uintptr_t low = end - rl.rlim_cur;
  auto here = reinterpret_cast<std::uintptr_t>(probe);
  if (here < low || here >= end) return false;
  *addr = reinterpret_cast<void*>(low);
  *size = rl.rlim_cur;
  return true;
}

char* stack_floor(const char* probe) {
  if (!t_stack_floor) {
    void* addr = nullptr;
    std::size_t size = 0;
    pthread_attr_t attr;
    if (!main_thread_stack(probe, &addr, &size) && pthread_getattr_np(pthread_self(), &attr) == 0) {
      pthread_attr_getstack(&attr, &addr, &size);
      pthread_attr_destroy(&attr);
    }
    // Small thread stacks (threading.stack_size) keep a quarter as the reserve.
    std::size_t reserve = size / 4 < kStackReserve ? size / 4 : kStackReserve;
    t_stack_floor = addr ? static_cast<char*>(addr) + reserve : reinterpret_cast<char*>(1);
  }
  return t_stack_floor;
}

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
  char probe;
  if (KRAIT_UNLIKELY(&probe < stack_floor(&probe))) {
    bump(Stat::k_hook_c_stack_limit);
    if (!throwflag) PyErr_SetString(PyExc_RecursionError, "maximum recursion depth exceeded");
    return nullptr;
  }
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
    PyCodeObject* code = frame->f_code;
    if (mode == InterpMode::kWarm) {
      // Warm code runs in our interpreter: code with loops at once (a loop may get hot in
      // its first call), other code once it has been called more than jit-warm-calls times.
      void* slot = code_extra_slot(code);
      if (slot != nullptr && !is_call_count(slot))
        return interp_eval_frame(tstate, frame, static_cast<CodeInfo*>(slot));
      if ((slot == nullptr && code_has_backward_jump(code)) ||
          count_call(code, static_cast<std::uint32_t>(options().warm_calls))) {
        if (CodeInfo* info = code_info(code)) return interp_eval_frame(tstate, frame, info);
      }
    } else {
      CodeInfo* info = code_info(code);
      if (info && (mode == InterpMode::kAll || (info->has_loop && !info->cpython_only)))
        return interp_eval_frame(tstate, frame, info);
    }
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
