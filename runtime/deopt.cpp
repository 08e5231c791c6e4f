// Entering compiled traces and leaving them: trace_run calls a trace with the frame's slots,
// and on its exit rebuilds the interpreter state the exit's snapshot describes — every listed
// slot gets a new reference (unboxed values boxed again), replaced references are released,
// and the caller resumes at the snapshot's instruction. Hot exits retire their trace.
#include <cstring>

#include "cpython_internal.h"
// after it: needs its Py_BUILD_CORE
#include <internal/pycore_pymem.h>

#include "krait/log.h"
#include "krait/stats.h"
#include "py_opcodes.h"
#include "record.h"
#include "trace_compile.h"

namespace krait::jit {
namespace {

constexpr std::uint32_t kShortRunsToRetire = 32;
constexpr std::uint32_t kHotExit = 12;        // exits before a side trace is recorded
constexpr std::uint8_t kMaxSideFailures = 3;  // failed side recordings before giving up on an exit

// An int the exit would box written into `old` instead: an exact int that only the frame
// slot references (so no one can tell it from a new object, the reasoning of the in-place
// float stores) with as many digits as the value needs, so its block fits. Not for CPython's
// shared small ints, not while tracemalloc traces (every int is then an allocation as in
// CPython).
bool rewrite_int(PyObject* old, long long x) {
  if (x >= -5 && x <= 256) return false;
  const unsigned long long m =
      x < 0 ? 0ULL - static_cast<unsigned long long>(x) : static_cast<unsigned long long>(x);
  const Py_ssize_t n = m < (1ULL << PyLong_SHIFT) ? 1 : m < (1ULL << (2 * PyLong_SHIFT)) ? 2 : 0;
  if (n == 0 || (Py_SIZE(old) != n && Py_SIZE(old) != -n) || _Py_tracemalloc_config.tracing)
    return false;
  auto* l = reinterpret_cast<PyLongObject*>(old);
  l->ob_digit[0] = static_cast<digit>(m & PyLong_MASK);
  if (n == 2) l->ob_digit[1] = static_cast<digit>(m >> PyLong_SHIFT);
  Py_SET_SIZE(old, x < 0 ? -n : n);
  return true;
}

// A new reference to the Python object for the bits of a value of `type` (nullptr, with
// MemoryError set, when an int or float cannot be allocated).
PyObject* box(IrType type, std::uint64_t bits) {
  PyObject* o = nullptr;
  switch (type) {
    case IrType::k_obj:
      o = reinterpret_cast<PyObject*>(bits);
      Py_XINCREF(o);
      return o;
    case IrType::k_int:
      o = PyLong_FromLongLong(static_cast<long long>(bits));
      break;
    case IrType::k_flt: {
      double d;
      std::memcpy(&d, &bits, sizeof d);
      o = PyFloat_FromDouble(d);
      break;
    }
    case IrType::k_bool:
      o = bits ? Py_True : Py_False;
      Py_INCREF(o);
      return o;
    default:
      break;
  }
  return o;  // nullptr with MemoryError set when the allocation failed
}

PyObject* materialize(const ExitValue& e, const TraceState& ts) {
  return box(e.type, exit_bits(e, ts));
}

// False when a number could not be boxed (out of memory): its slot holds None and MemoryError
// is set, to be raised at the resume instruction, where CPython would have been allocating.
bool restore(const Trace& t, const Snapshot& s, const TraceState& ts, _PyInterpreterFrame* frame) {
  PyObject** slots = frame->localsplus;
  const ExitValue* vals = t.exit_values.data() + s.start;
  // First every new value (a value may be the old content of another listed slot), then the
  // stores with the old references released.
  PyObject* news[256];
  std::vector<PyObject*> big;
  PyObject** v = news;
  if (s.count > 256) {
    big.resize(s.count);
    v = big.data();
  }
  // Objects first, then numbers: a float or int replacing a frame slot's old exact float or
  // int that only the slot references (so no object value names it either) is written into
  // that object in place, as the in-place list stores do (nothing can tell it from a new
  // number; the exits of number loops then allocate little).
  bool numbers = false;
  bool boxed_all = true;
  for (std::uint32_t k = 0; k < s.count; ++k) {
    const bool num = vals[k].type == IrType::k_flt || vals[k].type == IrType::k_int;
    numbers |= num;
    v[k] = num ? nullptr : materialize(vals[k], ts);
  }
  for (std::uint32_t k = 0; numbers && k < s.count; ++k) {
    const ExitValue& e = vals[k];
    // Objects are done (a NULL stack entry, e.g. before a call, stays NULL).
    if (e.type != IrType::k_flt && e.type != IrType::k_int) continue;
    PyObject* old = e.slot < t.entry_depth ? slots[e.slot] : nullptr;
    const std::uint64_t bits = exit_bits(e, ts);
    // An object value naming `old` holds a new reference to it by now: the count says both.
    bool reuse = old != nullptr && Py_REFCNT(old) == 1;
    if (reuse && e.type == IrType::k_flt && PyFloat_CheckExact(old)) {
      std::memcpy(&reinterpret_cast<PyFloatObject*>(old)->ob_fval, &bits, sizeof bits);
    } else {
      reuse = reuse && e.type == IrType::k_int && PyLong_CheckExact(old) &&
              rewrite_int(old, static_cast<long long>(bits));
    }
    if (reuse) bump(Stat::k_exit_numbers_in_place);
    // The store below releases the slot's reference.
    v[k] = reuse ? Py_NewRef(old) : box(e.type, bits);
    if (v[k] == nullptr) {
      v[k] = Py_NewRef(Py_None);
      boxed_all = false;
    }
  }
  for (std::uint32_t k = 0; k < s.count; ++k) {
    const std::uint16_t slot = vals[k].slot;
    PyObject* old = slot < t.entry_depth ? slots[slot] : nullptr;
    slots[slot] = v[k];
    Py_XDECREF(old);
  }
  for (std::uint16_t slot = s.depth; slot < t.entry_depth; ++slot) Py_CLEAR(slots[slot]);
  return boxed_all;
}

}  // namespace

// The bits of an exit value as the exit stub left them in `ts`.
std::uint64_t exit_bits(const ExitValue& e, const TraceState& ts) {
  switch (e.src) {
    case Loc::kGpr:
      return ts.gpr[e.index];
    case Loc::kXmm: {
      std::uint64_t bits;
      std::memcpy(&bits, &ts.xmm[e.index], sizeof bits);
      return bits;
    }
    case Loc::kSpill:
      return ts.spill[e.index];
    case ExitValue::kConst:
      return e.konst;
    default:
      break;
  }
  Py_FatalError("krait: a snapshot names a value without a location");
}

ExitValue resolve_exit_value(const IrBuffer& ir, const std::vector<Loc, Allocator<Loc>>& locs,
                             IrRef r, std::uint16_t slot) {
  ExitValue v;
  v.slot = slot;
  if (r == kNoRef) {
    // A value DCE removed from a snapshot no guard uses (a side trace's entry snapshot whose
    // inherited values the trace never reads): nothing can exit through it.
    v.type = IrType::k_void;
    v.src = Loc::kNone;
    return v;
  }
  v.type = ir.type_of(r);
  if (is_const(r)) {
    v.src = ExitValue::kConst;
    v.konst = static_cast<std::uint64_t>(ir.konst(r).i);
  } else {
    v.src = locs[r].kind;
    v.index = locs[r].index;
  }
  return v;
}

std::uint64_t exit_value_bits(const IrBuffer& ir, const std::vector<Loc, Allocator<Loc>>& locs,
                              const TraceState& ts, IrRef r) {
  return exit_bits(resolve_exit_value(ir, locs, r, 0), ts);
}

std::int32_t trace_run(CodeInfo* info, std::int32_t header, _PyInterpreterFrame* frame,
                       PyObject*** sp, bool* breaker, std::int32_t* closing, Trace** side_from,
                       std::uint32_t* side_exit, bool* raised) {
  Trace* root = info->traces[info->instrs[header].counter];
  Trace* t = root;
  TraceState ts;
  ts.slots = frame->localsplus;
  ts.frame = frame;
  *side_from = nullptr;
  *breaker = false;
  *closing = root->closing;
  PyCodeObject* code = frame->f_code;
  bool warms = info->instrs[root->closing].op == JUMP_BACKWARD;
  volatile int* const eval_breaker = jit_eval_breaker_addr();
  // Each JUMP_BACKWARD warms the code towards CPython's quickening, which is observable (e.g.
  // super-instructions move where an UnboundLocalError points): iterations run compiled
  // count as if the interpreter had taken the jump.
  auto warm = [&](std::uint64_t n) {
    if (!warms) return;
    for (std::uint64_t k = 0; k < n && code->co_warmup < 0; ++k) _PyCode_Warmup(code);
  };
  for (;;) {
    ts.iterations = 0;
    ++t->entries;
    bump(Stat::k_trace_entries);
    ts.exit_trace = nullptr;
    const std::uint32_t exit = t->entry(&ts);
    // The exit may be a side trace's, entered from the trace we called by a patched stub.
    t = ts.exit_trace;
    const Snapshot& s = t->ir.snaps[exit];
    ++t->exit_counts[exit];
    bump(Stat::k_exits_taken);
    const bool restored = restore(*t, s, ts, frame);
    warm(ts.iterations);
    *sp = frame->localsplus + s.depth;
    const std::int32_t resume = s.pc;
    if (!restored) {
      *raised = true;
      return resume;
    }
    KRAIT_LOG(exit, "trace %u exit %u -> offset %u after %llu iterations%s", t->id, exit,
              info->instrs[resume].offset * 2, static_cast<unsigned long long>(ts.iterations),
              (s.flags & kSnapBreaker) ? " (eval breaker)"
              : (s.flags & kSnapLink)  ? " (link)"
                                       : "");
    if (s.flags & kSnapBreaker) {
      bump(Stat::k_exits_breaker);
      *breaker = true;
      return resume;
    }
    if (s.flags & kSnapLink) {
      // A side trace completed an iteration: back into the root trace at the header, after
      // the eval-breaker check the closing back-edge would have made.
      const bool same_loop = resume == root->header;
      if (same_loop) warm(1);
      if (*eval_breaker) {
        *breaker = true;
        return resume;
      }
      if (!same_loop) {
        // It ended at another loop's header (the next inner loop of an enclosing body): that
        // loop's trace runs from the same frame state the interpreter would enter it with.
        const Instr& h = info->instrs[resume];
        if (!(h.flags & kInstrHasTrace)) return resume;
        Trace* next = info->traces[h.counter];
        if (next == nullptr || next->entry_depth != s.depth) return resume;
        root = next;
        header = resume;
        *closing = root->closing;
        warms = info->instrs[root->closing].op == JUMP_BACKWARD;
      }
      t = root;
      continue;
    }
    if (Trace* side = t->side[exit]; side != nullptr && !side->patched) {
      t = side;  // the frame now stands where the side trace starts
      continue;
    }
    // Leaving at the loop's own end is natural; inside an enclosing loop it still grows a side
    // trace (through the outer loop, back into this one), but a loop that ends early is no
    // reason to record it again.
    const bool loop_end = resume == root->header || resume == root->closing;
    if (!loop_end || root->enclosed) {
      if (t->exit_counts[exit] >= kHotExit && t->side_failures[exit] < kMaxSideFailures) {
        *side_from = t;
        *side_exit = exit;
      } else if (!loop_end && t == root && ts.iterations == 0 &&
                 t->side_failures[exit] >= kMaxSideFailures) {
        // The loop keeps leaving by an exit no side trace can cover before completing an
        // iteration: record the loop again with what the program does now.
        if (++t->short_runs >= kShortRunsToRetire) retire_trace(info, header);
      } else {
        t->short_runs = 0;
      }
    }
    return resume;
  }
}

}  // namespace krait::jit
