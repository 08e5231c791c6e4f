// Trace lifecycle: the compile pipeline after recording, the per-code registry of traces,
// abort accounting with backoff and blacklisting, retirement, and freeing.
#include <algorithm>
#include "cpython_shim.h"

#include "krait/log.h"
#include "krait/options.h"
#include "krait/stats.h"
#include "perf_map.h"
#include "py_opcodes.h"
#include "pylayout.h"
#include "record.h"
#include "regalloc.h"
#include "target.h"
#include "trace_compile.h"

namespace krait::jit {

namespace {
constexpr int kMaxAborts = 5;   // recordings of one loop that may abort before blacklisting
constexpr int kMaxRetired = 4;  // traces of one loop that may be retired before blacklisting
std::uint32_t g_next_trace_id = 1;

CodeInfo::LoopFailures& failures(CodeInfo* info, std::int32_t header) {
  for (auto& f : info->loop_failures) {
    if (f.header == header) return f;
  }
  info->loop_failures.push_back(CodeInfo::LoopFailures{header, 0, 0});
  return info->loop_failures.back();
}

// Makes the loop wait `threshold << shift` more back-edges before its next recording.
void back_off(CodeInfo* info, std::int32_t header, int shift) {
  const auto threshold = static_cast<std::uint32_t>(options().hot_loop);
  info->instrs[header].counter = threshold - (threshold << shift);
}

void count_compiled(const Trace& t) {
  bump(Stat::k_traces_compiled);
  bump(Stat::k_compile_ns, t.compile_ns);
  if (t.compile_ns > stat_value(Stat::k_compile_ns_max))
    set_stat(Stat::k_compile_ns_max, t.compile_ns);
}

void count_abort(AbortReason why, int op) {
  bump(Stat::k_traces_aborted);
  ++g_aborts_by_reason[static_cast<int>(why)];
  if (op >= 0) ++g_aborts_by_op[op & 255];
}

// A side trace that continues in its root's loop without leaving machine code.
bool ends_in_link(const Trace& t) {
  return t.ir.size() != 0 && t.ir.at(t.ir.size() - 1).op == IrOp::LINK;
}

const char* const kAbortNames[] = {
#define X(name, msg) #name,
#include "abort_reasons.def"
#undef X
};

}  // namespace

// When every loop header of a code object is blacklisted and nothing of it is compiled, its
// frames go to CPython (see CodeInfo::cpython_only).
void mark_if_untraceable(CodeInfo* info) {
  if (!info->traces.empty()) {
    for (Trace* t : info->traces) {
      if (t != nullptr) return;
    }
  }
  for (const Instr& in : info->instrs) {
    if ((in.flags & kInstrLoopHeader) && !(in.flags & kInstrNoTrace)) return;
  }
  info->cpython_only = true;
}

const char* abort_reason_name(AbortReason r) { return kAbortNames[static_cast<int>(r)]; }

bool jit_usable() {
  static const bool layouts_ok = check_pylayouts();
  return options().trace && layouts_ok;
}

volatile int* jit_eval_breaker_addr() { return krait_eval_breaker_ptr(PyThreadState_GET()); }

bool compile_trace(Trace& t, Emitter& em, const std::vector<IrRef>& end_slots, CodeInfo* info,
                   AbortReason* fail, const char** why) {
  const bool side = t.parent != nullptr;
  IrBuffer& ir = t.ir;
  (void)em;
  const Target* target = host_target();
  if (target == nullptr) {
    *fail = AbortReason::k_no_backend;
    return false;
  }
  // "qualname:file:line", CPython 3.12's perf-map spelling (after "py::").
  const std::string where =
      std::string(PyUnicode_AsUTF8(t.code->co_qualname)) + ":" +
      PyUnicode_AsUTF8(t.code->co_filename) + ":" +
      std::to_string(PyCode_Addr2Line(t.code, info->instrs[t.header].offset * 2));
  if (log_enabled(LogChannel::k_ir)) {
    log_printf(
        LogChannel::k_ir, "%s",
        ir_dump(ir, options().stable_pointers, ("---- TRACE recorded " + where).c_str()).c_str());
  }
  if (!side && !peel_loop(ir, end_slots, t.entry_depth, t.header, why)) {
    *fail = AbortReason::k_unstable;
    return false;
  }
  // A root's PHIs, described for side traces that will have to produce them: the value of a
  // frame slot at the back-edge, or a field a trace stored (a loop iterator's index).
  std::vector<IrRef> phi_left, phi_obj;
  if (!side) {
    t.linkable = true;
    t.reads_slot.assign(end_slots.size(), 0);
    for (IrRef k = 0; k < ir.loop; ++k) {
      if (ir.at(k).op == IrOp::SLOAD && ir.at(k).lit < t.reads_slot.size())
        t.reads_slot[ir.at(k).lit] = 1;
    }
    for (IrRef i = ir.loop; i < ir.size(); ++i) {
      const IrIns& in = ir.at(i);
      if (in.op != IrOp::PHI) continue;
      Trace::PhiMeaning m;
      m.type = ir.type_of(in.a);
      IrRef obj = kNoRef;
      for (std::size_t s = 0; s < end_slots.size(); ++s) {
        if (end_slots[s] == in.a) m.slot = static_cast<std::int32_t>(s);
      }
      if (m.slot < 0) {
        for (IrRef k = 0; k < ir.loop; ++k) {
          const IrIns& st = ir.at(k);
          if (st.op == IrOp::STFLD && st.b == in.a) {
            obj = st.a;
            m.off = st.lit;
          }
        }
        if (obj == kNoRef || is_const(obj)) t.linkable = false;
      }
      t.phis.push_back(m);
      phi_left.push_back(in.a);
      phi_obj.push_back(obj);
    }
  }
  // Both lists are renumbered by DCE (and stay alive through it).
  std::vector<IrRef> keep = phi_obj;
  keep.erase(
      std::remove_if(keep.begin(), keep.end(), [](IrRef r) { return r == kNoRef || is_const(r); }),
      keep.end());
  std::vector<IrRef> link_srcs;
  for (const Trace::LinkMove& m : t.link_moves) link_srcs.push_back(m.src);
  std::vector<IrRef> live = keep;
  live.insert(live.end(), link_srcs.begin(), link_srcs.end());
  fold_guard_bools(ir);
  std::vector<IrRef> dce_map = dce(ir, &live);
  if (!ir.relied.empty()) {
    std::vector<IrRef> kept;
    for (IrRef r : ir.relied) {
      if (dce_map[r] != kNoRef) kept.push_back(dce_map[r]);
    }
    ir.relied = std::move(kept);
  }
  for (std::size_t k = 0; k < t.link_moves.size(); ++k) t.link_moves[k].src = live[keep.size() + k];
  std::string bad = ir_verify(ir);
  if (!bad.empty()) {
    KRAIT_LOG(trace, "IR verification failed: %s", bad.c_str());
    if (log_enabled(LogChannel::k_ir)) {
      log_printf(LogChannel::k_ir, "%s",
                 ir_dump(ir, options().stable_pointers, "---- INVALID IR").c_str());
    }
    *fail = AbortReason::k_backend;
    return false;
  }
  RegAllocResult ra;
  RegConstraints rc;
  std::vector<IrRef> link_uses;
  for (const Trace::LinkMove& m : t.link_moves) {
    if (!is_const(m.src)) link_uses.push_back(m.src);
  }
  if (side) {
    rc.pinned = &t.imports;
    rc.avoid_gpr = t.root->loop_gpr_mask;
    rc.avoid_fpr = t.root->loop_fpr_mask;
    rc.spill_base = std::max(t.root->spill_top, t.parent->spill_top);
    rc.link_uses = &link_uses;
  }
  if (!regalloc(ir, target->regfile(), &ra, rc)) {
    *fail = AbortReason::k_too_many_slots;
    return false;
  }
  t.spill_top = ra.spills;
  if (!side) {
    for (std::size_t k = 0; k < t.phis.size(); ++k) {
      t.phis[k].dst = ra.locs[dce_map[phi_left[k]]];
      t.phis[k].left = dce_map[phi_left[k]];
      if (phi_obj[k] != kNoRef) t.phis[k].obj = dce_map[phi_obj[k]];
    }
    // Registers holding values across the loop (invariants and PHIs): side traces that
    // continue into the loop must leave them as they are.
    t.loop_live.assign(ir.loop, 0);
    for (IrRef r = 0; r < ir.loop; ++r) {
      const Loc& l = ra.locs[r];
      if (ra.last_use[r] != ir.size() || l.kind == Loc::kNone) continue;
      t.loop_live[r] = 1;
      if (l.kind == Loc::kGpr) t.loop_gpr_mask |= 1u << l.index;
      if (l.kind == Loc::kXmm) t.loop_fpr_mask |= 1u << l.index;
    }
    t.first_body_snap = static_cast<std::uint32_t>(ir.snaps.size());
    for (std::uint32_t k = 0; k < ir.snaps.size(); ++k) {
      if (ir.snaps[k].ins > ir.loop) {
        t.first_body_snap = k;
        break;
      }
    }
    t.first_ready_snap = std::min(t.first_body_snap, ir.loop_ready_snap);
  }
  std::string listing;
  if (!target->assemble(t, ra, log_enabled(LogChannel::k_asm) ? &listing : nullptr)) {
    *fail = AbortReason::k_backend;
    return false;
  }
  t.id = g_next_trace_id++;
  t.locs = ra.locs;
  t.exit_values.clear();
  for (const SnapEntry& e : ir.snap_entries)
    t.exit_values.push_back(resolve_exit_value(ir, t.locs, e.ref, e.slot));
  const std::size_t size = t.code_bytes;
  MCode code{t.mcode, t.mcode_size};
  t.exit_counts.assign(ir.snaps.size(), 0);
  t.side.assign(ir.snaps.size(), nullptr);
  t.side_failures.assign(ir.snaps.size(), 0);
  t.where = where;
  if (log_enabled(LogChannel::k_ir)) {
    std::vector<std::string> notes(ir.size());
    for (IrRef r = 0; r < ir.size(); ++r) {
      const Loc& l = ra.locs[r];
      if (l.kind == Loc::kGpr) notes[r] = target->gpr_prefix + std::to_string(l.index);
      if (l.kind == Loc::kXmm) notes[r] = target->fpr_prefix + std::to_string(l.index);
      if (l.kind == Loc::kSpill) notes[r] = "spill" + std::to_string(l.index);
    }
    log_printf(LogChannel::k_ir, "%s",
               ir_dump(ir, options().stable_pointers,
                       ("---- TRACE " + std::to_string(t.id) + " " + where).c_str(), &notes)
                   .c_str());
  }
  if (log_enabled(LogChannel::k_asm)) {
    log_printf(LogChannel::k_asm, "---- TRACE %u %s (%zu bytes at %p)\n%s", t.id, where.c_str(),
               size, code.base, listing.c_str());
  }
  perf_map_add(code.base, size, ("py::" + where + " [trace " + std::to_string(t.id) + "]").c_str());
  bump(Stat::k_code_bytes, size);
  bump(Stat::k_ir_ins, ir.size());
  return true;
}

void register_trace(CodeInfo* info, Trace* t) {
  Instr& h = info->instrs[t->header];
  h.flags |= kInstrHasTrace;
  h.counter = static_cast<std::uint32_t>(info->traces.size());
  info->traces.push_back(t);
  count_compiled(*t);
  KRAIT_LOG(trace, "trace %u compiled: %s, %u IR instructions, %zu bytes, %.1f us", t->id,
            t->where.c_str(), t->ir.size(), t->code_bytes, t->compile_ns / 1000.0);
}

void register_side_trace(Trace* t) {
  // Entered straight from the parent's exit stub when it was compiled for that (such code has
  // no entry of its own: if the stub cannot be patched, the trace is unusable).
  if (t->patched && !host_target()->patch_exit(*t->parent, t->parent_exit, t->mcode)) {
    t->parent->side_failures[t->parent_exit] = 255;
    delete_trace(t, false);
    return;
  }
  t->parent->side[t->parent_exit] = t;
  if (t->patched) bump(Stat::k_side_traces_patched);
  if (ends_in_link(*t)) bump(Stat::k_side_traces_linked);
  bump(Stat::k_side_traces);
  count_compiled(*t);
  KRAIT_LOG(trace,
            "trace %u compiled: side trace of trace %u exit %u, %s, %u IR instructions, %zu bytes, "
            "%.1f us",
            t->id, t->parent->id, t->parent_exit, t->where.c_str(), t->ir.size(), t->code_bytes,
            t->compile_ns / 1000.0);
}

void note_side_abort(Trace* parent, std::uint32_t exit, AbortReason why, int op) {
  count_abort(why, op);
  if (parent->side_failures[exit] < 255) ++parent->side_failures[exit];
  KRAIT_LOG(trace, "abort side trace of trace %u exit %u: %s%s%s", parent->id, exit,
            abort_reason_name(why), op >= 0 ? " " : "", op >= 0 ? py_op_name(op) : "");
}

void note_abort(CodeInfo* info, std::int32_t header, AbortReason why, int op, PyCodeObject* code) {
  count_abort(why, op);
  CodeInfo::LoopFailures& f = failures(info, header);
  ++f.aborts;
  KRAIT_LOG(trace, "abort %s:%d offset %u: %s%s%s", PyUnicode_AsUTF8(code->co_qualname),
            code->co_firstlineno, info->instrs[header].offset * 2, abort_reason_name(why),
            op >= 0 ? " " : "", op >= 0 ? py_op_name(op) : "");
  if (f.aborts >= kMaxAborts) {
    info->instrs[header].flags |= kInstrNoTrace;
    bump(Stat::k_traces_blacklisted);
    mark_if_untraceable(info);
    ++g_aborts_by_reason[static_cast<int>(AbortReason::k_blacklisted)];
    return;
  }
  back_off(info, header, f.aborts);
}

bool loop_blacklisted(CodeInfo* info, std::int32_t header) {
  return (info->instrs[header].flags & kInstrNoTrace) != 0;
}

void delete_trace(Trace* t, bool finalized) {
  if (t == nullptr) return;
  for (Trace* s : t->side) delete_trace(s, finalized);
  mcode_free(MCode{t->mcode, t->mcode_size});
  if (!finalized) {
    for (PyObject* o : t->held) Py_DECREF(o);
  }
  t->held.clear();
  delete t;
}

void retire_trace(CodeInfo* info, std::int32_t header) {
  Instr& h = info->instrs[header];
  Trace*& slot = info->traces[h.counter];
  KRAIT_LOG(trace, "trace %u retired: %s", slot->id, slot->where.c_str());
  delete_trace(slot, false);
  slot = nullptr;
  h.flags &= static_cast<std::uint8_t>(~kInstrHasTrace);
  bump(Stat::k_traces_retired);
  CodeInfo::LoopFailures& f = failures(info, header);
  if (++f.retired >= kMaxRetired) {
    h.flags |= kInstrNoTrace;
    bump(Stat::k_traces_blacklisted);
    mark_if_untraceable(info);
    return;
  }
  back_off(info, header, 0);
  h.counter = 0;
}

namespace {
// Adds one dict per trace of the tree under `t` to `list`; false on a Python error.
bool describe(Trace* t, PyObject* list) {
  if (t == nullptr) return true;
  std::uint64_t exits = 0;
  PyObject* by_exit = PyDict_New();
  if (by_exit == nullptr) return false;
  for (std::size_t k = 0; k < t->exit_counts.size(); ++k) {
    exits += t->exit_counts[k];
    if (t->exit_counts[k] == 0) continue;
    PyObject* key = PyLong_FromSize_t(k);
    PyObject* val = PyLong_FromUnsignedLong(t->exit_counts[k]);
    const int rc = (key && val) ? PyDict_SetItem(by_exit, key, val) : -1;
    Py_XDECREF(key);
    Py_XDECREF(val);
    if (rc < 0) {
      Py_DECREF(by_exit);
      return false;
    }
  }
  const bool linked = ends_in_link(*t);
  const std::string ir = ir_dump(t->ir, options().stable_pointers);
  PyObject* d = Py_BuildValue(
      "{s:I,s:s,s:s,s:N,s:I,s:K,s:K,s:N,s:I,s:n,s:d,s:O,s:O,s:s}", "id", t->id, "where",
      t->where.c_str(), "kind", t->parent ? "side" : "root", "parent",
      t->parent ? PyLong_FromUnsignedLong(t->parent->id) : Py_NewRef(Py_None), "parent_exit",
      t->parent_exit, "entries", static_cast<unsigned long long>(t->entries), "exits",
      static_cast<unsigned long long>(exits), "exits_by_snapshot", by_exit, "ir_instructions",
      t->ir.size(), "code_bytes", static_cast<Py_ssize_t>(t->code_bytes), "compile_us",
      t->compile_ns / 1000.0, "patched", t->patched ? Py_True : Py_False, "linked",
      linked ? Py_True : Py_False, "ir", ir.c_str());
  if (d == nullptr) return false;
  const int rc = PyList_Append(list, d);
  Py_DECREF(d);
  if (rc < 0) return false;
  for (Trace* s : t->side) {
    if (!describe(s, list)) return false;
  }
  return true;
}
}  // namespace

PyObject* traces_info() {
  PyObject* list = PyList_New(0);
  if (list == nullptr) return nullptr;
  struct Ctx {
    PyObject* list;
    bool ok;
  } ctx{list, true};
  for_each_code_info(
      [](CodeInfo* info, void* p) {
        auto* c = static_cast<Ctx*>(p);
        for (Trace* t : info->traces) {
          if (c->ok && !describe(t, c->list)) c->ok = false;
        }
      },
      &ctx);
  if (!ctx.ok) {
    Py_DECREF(list);
    return nullptr;
  }
  return list;
}

void free_traces(CodeInfo* info, bool finalized) {
  for (Trace*& t : info->traces) {
    delete_trace(t, finalized);
    t = nullptr;
  }
  info->traces.clear();
}

}  // namespace krait::jit
