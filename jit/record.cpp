// The recorder: follows the interpreter through one iteration of a hot loop and emits IR
// specialised on the values it observes. Each bytecode's recording sits next to the others
// here (one switch over the opcodes the recorder supports); anything else aborts by name.
// Guards carry the snapshot of the interpreter state *before* the instruction, so an exit
// re-executes that instruction in the interpreter with exactly CPython's semantics.
#include "record.h"

#include <chrono>
#include <cstring>

#include "cpython_shim.h"
#include "krait/log.h"
#include "krait/options.h"
#include "krait/stats.h"
#include "opt.h"
#include "py_opcodes.h"
#include "pylayout.h"
#include "trace_compile.h"

namespace krait::jit {

namespace {

// CPython's binary_op opargs (opcode.py _nb_ops), in-place forms are + 13.
enum NbOp {
  kNbAdd = 0,
  kNbAnd = 1,
  kNbFloorDiv = 2,
  kNbMul = 5,
  kNbRshift = 9,
  kNbMod = 6,
  kNbOr = 7,
  kNbPower = 8,
  kNbSub = 10,
  kNbTrueDiv = 11,
  kNbXor = 12
};

constexpr std::size_t kMaxTraceIns = 4000;

std::uint64_t now_ns() {
  return static_cast<std::uint64_t>(std::chrono::duration_cast<std::chrono::nanoseconds>(
                                        std::chrono::steady_clock::now().time_since_epoch())
                                        .count());
}

// list.append's method descriptor (what LOAD_METHOD finds on a list): list is a static,
// immutable type, so this object lives as long as the interpreter.
PyObject* list_append_descr() {
  static PyObject* d = PyDict_GetItemString(PyList_Type.tp_dict, "append");
  return d;
}

// The value of an exact int index seen on the stack (false if it does not fit Py_ssize_t;
// an out-of-range index is then the interpreter's IndexError to raise).
bool observed_index(PyObject* o, Py_ssize_t* out) {
  *out = PyLong_AsSsize_t(o);
  if (*out == -1 && PyErr_Occurred()) {
    PyErr_Clear();
    return false;
  }
  return true;
}

// Whether the loop from `header` to the back-edge at `closing` lies inside another loop of
// the code: a later backward jump goes to or before its header.
bool loop_is_enclosed(const CodeInfo& info, std::int32_t header, std::int32_t closing) {
  for (std::size_t k = static_cast<std::size_t>(closing) + 1; k < info.instrs.size(); ++k) {
    const Instr& in = info.instrs[k];
    if (kPyOps[in.op].jump == kJumpBackward && in.target <= header) return true;
  }
  return false;
}

}  // namespace

class Recorder {
 public:
  // A root recording starts at loop header `header`; a side recording (parent != nullptr)
  // starts where exit `parent_exit` of `parent` resumes, `start`, and ends at the header too.
  Recorder(PyThreadState* tstate, _PyInterpreterFrame* frame, CodeInfo* info, std::int32_t header,
           PyObject** sp, Trace* parent = nullptr, std::uint32_t parent_exit = 0,
           std::int32_t start = -1)
      : tstate_(tstate), frame_(frame), info_(info), header_(header), em_(trace_->ir) {
    if (parent) {
      trace_->parent = parent;
      trace_->parent_exit = parent_exit;
      trace_->root = parent->root;
      root_id_ = parent->root->id;
    }
    trace_->code = frame->f_code;
    trace_->header = header;
    entry_depth_ = static_cast<std::uint16_t>(sp - frame->localsplus);
    trace_->entry_depth = entry_depth_;
    int nslots = frame->f_code->co_nlocalsplus + frame->f_code->co_stacksize;
    cur_.assign(nslots, kNoRef);
    modified_.assign(nslots, 0);
    depth_ = entry_depth_;
    expect_pc_ = parent ? start : header;
    if (parent && exit_linkable(parent, parent_exit)) inherit(parent, parent_exit);
  }

  // Whether a side trace from this exit can be entered from the exit stub itself (its values
  // taken from the parent's registers): the root must know what its PHIs carry, and the
  // parent must be the root or a side trace entered that way. Whether it may also continue
  // in the root's loop is decided by where the exit lies (loop_ready).
  static bool exit_linkable(const Trace* parent, std::uint32_t exit) {
    const Trace* root = parent->root;
    if (!root->linkable) return false;
    if (parent->ir.snaps[exit].flags & (kSnapBreaker | kSnapLink)) return false;
    return parent == root || parent->patched;
  }

  // Register mode: the frame still holds the root's entry state, and the values of the
  // parent's snapshot come from the parent's registers (PVALs pinned to its locations).
  void inherit(const Trace* parent, std::uint32_t exit) {
    trace_->patched = true;
    trace_->loop_ready =
        parent == parent->root ? exit >= parent->root->first_ready_snap : parent->loop_ready;
    trace_->root_exit = parent == parent->root ? exit : parent->root_exit;
    entry_depth_ = parent->root->entry_depth;
    trace_->entry_depth = entry_depth_;
    const IrBuffer& pir = parent->ir;
    const Snapshot& s = pir.snaps[exit];
    std::vector<std::pair<IrRef, IrRef>> seen_refs;
    for (std::uint32_t k = 0; k < s.count; ++k) {
      const SnapEntry& e = pir.snap_entries[s.start + k];
      IrRef r = kNoRef;
      if (is_const(e.ref)) {
        r = copy_const(pir.konst(e.ref));
      } else {
        for (auto& p : seen_refs) {
          if (p.first == e.ref) r = p.second;
        }
        if (r == kNoRef) {
          r = import(parent->locs[e.ref], pir.type_of(e.ref));
          seen_refs.emplace_back(e.ref, r);
        }
      }
      cur_[e.slot] = r;
      modified_[e.slot] = 1;
    }
  }
  IrRef import(const Loc& loc, IrType type) {
    trace_->imports.push_back(loc);
    return em_.emit(IrOp::PVAL, type, kNoRef, kNoRef,
                    static_cast<std::uint16_t>(trace_->imports.size() - 1));
  }
  IrRef copy_const(const IrConst& c) {
    IrBuffer& ir = trace_->ir;
    switch (c.type) {
      case IrType::k_int:
        return ir.kint(c.i);
      case IrType::k_flt:
        return ir.kflt(c.f);
      case IrType::k_bool:
        return ir.kbool(c.i != 0);
      case IrType::k_ptr:
        return ir.kptr(c.p);
      default:
        return ir.kobj(c.p);
    }
  }
  bool link_to_root();
  bool replay_root_preroll(const std::vector<std::pair<IrRef, IrRef>>& phi_values,
                           std::vector<Trace::LinkMove>* moves);
  bool store_may_change_root_invariant(const IrIns& st) const;
  ~Recorder() { delete trace_; }

  // Whether a side recording may follow the back-edge at `pc` to `target`: the loop encloses
  // the root's (it starts before the root's header and closes after the root's back-edge),
  // has no trace of its own (the interpreter would run it instead of letting us record), and
  // has not been passed yet (a second pass would unroll the outer loop).
  bool passes_enclosing_back_edge(std::int32_t pc, std::int32_t target) {
    const Trace* root = trace_->root;
    if (!trace_->parent || target >= header_ || pc <= root->closing) return false;
    if (info_->instrs[target].flags & kInstrHasTrace) return false;
    for (std::int32_t p : passed_back_edges_) {
      if (p == pc) return false;
    }
    passed_back_edges_.push_back(pc);
    return true;
  }

  RecordStep step(_PyInterpreterFrame* frame, const Instr* ip, PyObject** sp);
  void abort(AbortReason why, int op = -1);

 private:
  using Ref = IrRef;
  // --- stack and slot model
  Ref slot(int s) {
    if (cur_[s] == kNoRef) {
      Ref r = em_.emit(IrOp::SLOAD, IrType::k_obj, kNoRef, kNoRef, static_cast<std::uint16_t>(s));
      cur_[s] = r;
      // An unbound local would be NULL; the interpreter raises for it, the trace must not run.
      guard(IrOp::GNE, r, trace_->ir.kobj(nullptr));
    }
    return cur_[s];
  }
  void set_slot(int s, Ref r) {
    cur_[s] = r;
    modified_[s] = 1;
    snap_ = -1;
  }
  Ref peek(int n) { return slot(depth_ - n); }
  PyObject* seen(int n) const { return sp_[-n]; }
  void push(Ref r) {
    cur_[depth_] = r;
    modified_[depth_] = 1;
    ++depth_;
    snap_ = -1;
  }
  void pop(int n = 1) {
    depth_ -= n;
    snap_ = -1;
  }
  // --- emission helpers
  std::uint16_t snapshot() {
    if (snap_ < 0) {
      std::vector<SnapEntry> e;
      for (int s = 0; s < depth_; ++s) {
        if (modified_[s] || s >= entry_depth_)
          e.push_back(SnapEntry{static_cast<std::uint16_t>(s), cur_[s]});
      }
      snap_ = trace_->ir.add_snapshot(pc_, static_cast<std::uint16_t>(depth_), e.data(),
                                      static_cast<std::uint32_t>(e.size()));
    }
    return static_cast<std::uint16_t>(snap_);
  }
  Ref emit(IrOp op, IrType t, Ref a = kNoRef, Ref b = kNoRef, std::uint16_t lit = 0) {
    if (op_has(op, kIrGuard)) lit = snapshot();
    Ref r = em_.emit(op, t, a, b, lit);
    if (r == kFailRef) failed_ = true;
    return r;
  }
  void guard(IrOp op, Ref a, Ref b = kNoRef) { emit(op, IrType::k_void, a, b); }
  Ref kobj(const void* p) { return trace_->ir.kobj(p); }
  Ref kint(std::int64_t v) { return trace_->ir.kint(v); }
  Ref frame_ref() { return em_.emit(IrOp::FRAME, IrType::k_ptr); }
  void hold(PyObject* o) {
    for (PyObject* h : trace_->held)
      if (h == o) return;
    Py_INCREF(o);
    trace_->held.push_back(o);
  }

  // Typed views of an operand (guarding the type on first use).
  bool as_int(Ref r, PyObject* o, Ref* out);
  bool as_flt(Ref r, PyObject* o, Ref* out);
  bool truth(Ref r, PyObject* o, bool* taken_true);

  bool rec_binary(int nb);
  bool rec_compare(int op);
  struct IterAdvance {
    Ref it = kNoRef, idx = kNoRef;
    std::uint16_t off = 0;
    std::int8_t step = 1;
  };
  bool iter_step(Ref it, PyObject* o, Ref* item, IterAdvance* adv);
  void emit_iter_advance(const IterAdvance& adv);
  bool rec_for_iter(const Instr* ip);
  bool rec_for_iter_tuple(Ref it, PyObject* o, const Instr* ip);
  bool rec_for_iter_end(Ref it, PyObject* o, const Instr* ip);
  bool rec_get_iter();
  bool dead_iter_reusable(int slot, PyTypeObject* type);
  bool rec_range_iter(int nargs);
  RecordStep close_at_other_loop();
  bool rec_subscr();
  bool rec_store_subscr();
  bool rec_load_global(int arg);
  bool rec_call(int nargs);
  bool rec_branch(bool jump_if_true, const Instr* ip);
  bool rec_new_list(const Instr* ip);
  bool frame_holds(int s, Ref r) const;
  bool new_lists_stay_in_their_slots();
  bool rec_empty_for(Ref seq, PyObject* o, int get_iter_pc);
  void unbox_borrowed_items(int below, Ref from = kNoRef);
  RecordStep close();
  bool parent_alive() const;

  PyThreadState* tstate_;
  _PyInterpreterFrame* frame_;
  CodeInfo* info_;
  std::int32_t header_;
  Trace* trace_ = new Trace();
  Emitter em_;
  std::vector<Ref> cur_;
  std::vector<std::uint8_t> modified_;
  int depth_ = 0;
  std::uint16_t entry_depth_ = 0;
  std::int32_t pc_ = 0;         // instruction being recorded
  std::int32_t expect_pc_ = 0;  // where the interpreter must continue
  PyObject** sp_ = nullptr;
  int snap_ = -1;
  std::int32_t pending_jump_ = -1;  // a conditional jump recorded with the compare before it
  std::int32_t skip_to_ = -1;  // instructions recorded as done up to here (an empty inner loop)
  std::vector<int> new_list_slots_;  // the slots NEWLIST wrote
  bool failed_ = false;
  bool has_store_ = false;
  AbortReason reason_ = AbortReason::k_unsupported_op;
  int abort_op_ = -1;
  std::uint64_t start_ns_ = now_ns();  // record + optimize + compile time starts here
  std::uint32_t root_id_ = 0;
  std::vector<std::int32_t> passed_back_edges_;  // enclosing loops' back-edges passed (side)
  // The iterator an exhausted FOR_ITER popped in a side trace, and its stack slot: the frame
  // slot still holds it, so the next GET_ITER of a list into that slot may reuse it.
  Ref dead_iter_ = kNoRef;
  int dead_iter_slot_ = -1;

  friend Recorder* record_start(PyThreadState*, _PyInterpreterFrame*, CodeInfo*, std::int32_t,
                                PyObject**);
  friend Recorder* record_side_start(PyThreadState*, _PyInterpreterFrame*, CodeInfo*, Trace*,
                                     std::uint32_t, std::int32_t, PyObject**);
};

bool Recorder::as_int(Ref r, PyObject* o, Ref* out) {
  if (trace_->ir.type_of(r) == IrType::k_int) {
    *out = r;
    return true;
  }
  if (!PyLong_CheckExact(o)) return false;
  int overflow = 0;
  PyLong_AsLongLongAndOverflow(o, &overflow);
  if (overflow) {
    reason_ = AbortReason::k_bigint;
    return false;
  }
  if (trace_->ir.type_of(r) != IrType::k_obj) return false;
  guard(IrOp::GTYPE, r, kobj(&PyLong_Type));
  *out = emit(IrOp::UNBOXI, IrType::k_int, r);
  return !failed_;
}

bool Recorder::as_flt(Ref r, PyObject* o, Ref* out) {
  if (trace_->ir.type_of(r) == IrType::k_flt) {
    *out = r;
    return true;
  }
  if (!PyFloat_CheckExact(o) || trace_->ir.type_of(r) != IrType::k_obj) return false;
  guard(IrOp::GTYPE, r, kobj(&PyFloat_Type));
  *out = emit(IrOp::UNBOXF, IrType::k_flt, r);
  return !failed_;
}

// The truth of operand r (observed value o) as a guard; *taken_true receives the observed truth.
bool Recorder::truth(Ref r, PyObject* o, bool* t) {
  IrBuffer& ir = trace_->ir;
  Ref cond = kNoRef;
  if (ir.type_of(r) == IrType::k_bool) {
    cond = r;
  } else if (ir.type_of(r) == IrType::k_int) {
    cond = emit(IrOp::NE, IrType::k_bool, r, kint(0));
  } else if (ir.type_of(r) == IrType::k_flt) {
    cond = emit(IrOp::FNE, IrType::k_bool, r, ir.kflt(0.0));
  } else if (o == Py_True || o == Py_False || o == Py_None) {
    guard(IrOp::GEQ, r, kobj(o));
    *t = o == Py_True;
    return !failed_;
  } else if (PyLong_CheckExact(o)) {
    Ref v;
    if (!as_int(r, o, &v)) return false;
    cond = emit(IrOp::NE, IrType::k_bool, v, kint(0));
  } else if (PyFloat_CheckExact(o)) {
    Ref v;
    if (!as_flt(r, o, &v)) return false;
    cond = emit(IrOp::FNE, IrType::k_bool, v, ir.kflt(0.0));
  } else if (PyList_CheckExact(o) || PyTuple_CheckExact(o)) {
    guard(IrOp::GTYPE, r, kobj(Py_TYPE(o)));
    Ref n = emit(IrOp::LDFLD, IrType::k_int, r, kNoRef, kOffObSize);
    cond = emit(IrOp::NE, IrType::k_bool, n, kint(0));
  } else {
    reason_ = AbortReason::k_unsupported_type;
    return false;
  }
  int v = PyObject_IsTrue(o);
  if (v < 0) {
    PyErr_Clear();
    return false;
  }
  *t = v != 0;
  guard(*t ? IrOp::GTRUE : IrOp::GFALSE, cond);
  return !failed_;
}

bool Recorder::rec_binary(int nb) {
  if (nb >= 13) nb -= 13;  // in-place forms behave as the plain ones on int and float
  Ref a = peek(2), b = peek(1);
  PyObject *oa = seen(2), *ob = seen(1);
  IrBuffer& ir = trace_->ir;
  const bool ia = PyLong_CheckExact(oa), ib = PyLong_CheckExact(ob);
  const bool fa = PyFloat_CheckExact(oa), fb = PyFloat_CheckExact(ob);
  Ref r = kNoRef;
  if (ia && ib) {
    Ref x, y;
    if (!as_int(a, oa, &x) || !as_int(b, ob, &y)) return false;
    switch (nb) {
      case kNbAdd:
        r = emit(IrOp::ADDOV, IrType::k_int, x, y);
        break;
      case kNbSub:
        r = emit(IrOp::SUBOV, IrType::k_int, x, y);
        break;
      case kNbMul:
        r = emit(IrOp::MULOV, IrType::k_int, x, y);
        break;
      case kNbFloorDiv:
        r = emit(IrOp::FLOORDIV, IrType::k_int, x, y);
        break;
      case kNbMod:
        r = emit(IrOp::MOD, IrType::k_int, x, y);
        break;
      case kNbAnd:
        r = emit(IrOp::BAND, IrType::k_int, x, y);
        break;
      case kNbOr:
        r = emit(IrOp::BOR, IrType::k_int, x, y);
        break;
      case kNbXor:
        r = emit(IrOp::BXOR, IrType::k_int, x, y);
        break;
      case kNbRshift: {
        // The shift count is specialised on its value (a constant in most code); a negative
        // count raises in the interpreter, and counts past 63 shift an int64 to 0 or -1.
        const std::int64_t n = PyLong_AsLongLong(ob);
        if (n < 0) return false;
        if (!is_const(y)) guard(IrOp::GEQ, y, kint(n));
        r = emit(IrOp::SAR, IrType::k_int, x, kint(n > 63 ? 63 : n));
        break;
      }
      case kNbTrueDiv: {
        // Ints of at most 53 bits convert to double exactly, and the IEEE quotient of exact
        // operands is the correctly rounded one CPython computes; larger ints exit.
        const std::int64_t lim = std::int64_t{1} << 53;
        guard(IrOp::GULT, emit(IrOp::ADD, IrType::k_int, x, kint(lim)), kint(2 * lim + 1));
        guard(IrOp::GULT, emit(IrOp::ADD, IrType::k_int, y, kint(lim)), kint(2 * lim + 1));
        r = emit(IrOp::FDIV, IrType::k_flt, emit(IrOp::ITOF, IrType::k_flt, x),
                 emit(IrOp::ITOF, IrType::k_flt, y));
        break;
      }
      default:
        return false;
    }
  } else if ((fa || ia) && (fb || ib)) {
    // float op float, or mixed: the int converts with PyLong_AsDouble's rounding (an int64
    // always fits a double's range), which cvtsi2sd / scvtf reproduce.
    Ref x, y;
    if (fa ? !as_flt(a, oa, &x) : !as_int(a, oa, &x)) return false;
    if (fb ? !as_flt(b, ob, &y) : !as_int(b, ob, &y)) return false;
    if (!fa) x = emit(IrOp::ITOF, IrType::k_flt, x);
    if (!fb) y = emit(IrOp::ITOF, IrType::k_flt, y);
    switch (nb) {
      case kNbAdd:
        r = emit(IrOp::FADD, IrType::k_flt, x, y);
        break;
      case kNbSub:
        r = emit(IrOp::FSUB, IrType::k_flt, x, y);
        break;
      case kNbMul:
        r = emit(IrOp::FMUL, IrType::k_flt, x, y);
        break;
      case kNbTrueDiv:
        r = emit(IrOp::FDIV, IrType::k_flt, x, y);
        break;
      case kNbMod:
        r = emit(IrOp::FMOD, IrType::k_flt, x, y);
        break;
      case kNbFloorDiv:
        r = emit(IrOp::FFLOORDIV, IrType::k_flt, x, y);
        break;
      case kNbPower:
        // float ** float, float ** int and int ** float all reach float_pow, which converts
        // an int operand as PyLong_AsDouble does (int ** int stays long_pow's: not traced).
        r = emit(IrOp::FPOW, IrType::k_flt, x, y);
        break;
      default:
        return false;
    }
  } else {
    reason_ = AbortReason::k_unsupported_type;
    return false;
  }
  (void)ir;
  if (failed_) return false;
  pop(2);
  push(r);
  return true;
}

bool Recorder::rec_compare(int op) {
  static const IrOp kInt[] = {IrOp::LT, IrOp::LE, IrOp::EQ, IrOp::NE, IrOp::GT, IrOp::GE};
  static const IrOp kFlt[] = {IrOp::FLT, IrOp::FLE, IrOp::FEQ, IrOp::FNE, IrOp::FGT, IrOp::FGE};
  if (op < 0 || op > 5) return false;
  Ref a = peek(2), b = peek(1);
  PyObject *oa = seen(2), *ob = seen(1);
  Ref x, y, r;
  if (PyLong_CheckExact(oa) && PyLong_CheckExact(ob)) {
    if (!as_int(a, oa, &x) || !as_int(b, ob, &y)) return false;
    r = emit(kInt[op], IrType::k_bool, x, y);
  } else if (PyFloat_CheckExact(oa) && PyFloat_CheckExact(ob)) {
    if (!as_flt(a, oa, &x) || !as_flt(b, ob, &y)) return false;
    r = emit(kFlt[op], IrType::k_bool, x, y);
  } else {
    // Mixed int/float comparisons are exact in CPython (not via conversion): not yet traced.
    reason_ = AbortReason::k_unsupported_type;
    return false;
  }
  if (failed_) return false;
  pop(2);
  push(r);
  return true;
}

// One step of a range, list, tuple or reversed-list iterator `it` (observed object o), emitted in
// two parts so that a zip can check all its iterators before advancing any: guards and the item now
// (nothing is written), the index store later (emit_iter_advance). False when o is not such an
// iterator or is exhausted (the loop ends: not part of the iteration).
bool Recorder::iter_step(Ref it, PyObject* o, Ref* item, IterAdvance* adv) {
  PyTypeObject* t = Py_TYPE(o);
  if (t == &PyRangeIter_Type) {
    auto* ri = reinterpret_cast<RangeIterLayout*>(o);
    if (ri->index >= ri->len) return false;
    guard(IrOp::GTYPE, it, kobj(t));
    Ref idx = emit(IrOp::LDFLD, IrType::k_int, it, kNoRef, offsetof(RangeIterLayout, index));
    Ref len = emit(IrOp::LDFLD, IrType::k_int, it, kNoRef, offsetof(RangeIterLayout, len));
    guard(IrOp::GLT, idx, len);
    Ref start = emit(IrOp::LDFLD, IrType::k_int, it, kNoRef, offsetof(RangeIterLayout, start));
    Ref step = emit(IrOp::LDFLD, IrType::k_int, it, kNoRef, offsetof(RangeIterLayout, step));
    // start + index * step cannot overflow for an index below len (range checked it).
    *item = emit(IrOp::ADD, IrType::k_int, start, emit(IrOp::MUL, IrType::k_int, idx, step));
    *adv = IterAdvance{it, idx, offsetof(RangeIterLayout, index)};
  } else if (t == &PyListIter_Type || t == &PyTupleIter_Type) {
    auto* si = reinterpret_cast<SeqIterLayout*>(o);
    if (si->it_seq == nullptr || si->it_index >= Py_SIZE(si->it_seq)) return false;
    const bool list = t == &PyListIter_Type;
    guard(IrOp::GTYPE, it, kobj(t));
    Ref seq = emit(IrOp::LDFLD, IrType::k_obj, it, kNoRef, offsetof(SeqIterLayout, it_seq));
    guard(IrOp::GNE, seq, kobj(nullptr));
    // The sequence of a list (tuple) iterator is a list (tuple); saying so lets alias
    // analysis keep its size and items out of the loop across the iterator's index store.
    guard(IrOp::GTYPE, seq, kobj(list ? &PyList_Type : &PyTuple_Type));
    Ref idx = emit(IrOp::LDFLD, IrType::k_int, it, kNoRef, offsetof(SeqIterLayout, it_index));
    Ref n = emit(IrOp::LDFLD, IrType::k_int, seq, kNoRef, kOffObSize);
    guard(IrOp::GLT, idx, n);
    if (list) {
      Ref items = emit(IrOp::LDFLD, IrType::k_ptr, seq, kNoRef, kOffListItems);
      *item = emit(IrOp::LDELEM, IrType::k_obj, items, idx, 0);
    } else {
      *item = emit(IrOp::LDELEM, IrType::k_obj, seq, idx, kOffTupleItems);
    }
    *adv = IterAdvance{it, idx, offsetof(SeqIterLayout, it_index)};
  } else if (t == &PyListRevIter_Type) {
    // reversed(list): the index counts down; one unsigned compare checks 0 <= index < size
    // (the list may have shrunk), as listreviter_next does.
    auto* si = reinterpret_cast<SeqIterLayout*>(o);
    if (si->it_seq == nullptr || si->it_index < 0 || si->it_index >= Py_SIZE(si->it_seq))
      return false;
    guard(IrOp::GTYPE, it, kobj(t));
    Ref seq = emit(IrOp::LDFLD, IrType::k_obj, it, kNoRef, offsetof(SeqIterLayout, it_seq));
    guard(IrOp::GNE, seq, kobj(nullptr));
    guard(IrOp::GTYPE, seq, kobj(&PyList_Type));
    Ref idx = emit(IrOp::LDFLD, IrType::k_int, it, kNoRef, offsetof(SeqIterLayout, it_index));
    Ref n = emit(IrOp::LDFLD, IrType::k_int, seq, kNoRef, kOffObSize);
    guard(IrOp::GULT, idx, n);
    Ref items = emit(IrOp::LDFLD, IrType::k_ptr, seq, kNoRef, kOffListItems);
    *item = emit(IrOp::LDELEM, IrType::k_obj, items, idx, 0);
    *adv = IterAdvance{it, idx, offsetof(SeqIterLayout, it_index), -1};
  } else {
    reason_ = AbortReason::k_unsupported_type;
    return false;
  }
  return !failed_;
}

void Recorder::emit_iter_advance(const IterAdvance& adv) {
  emit(IrOp::STFLD, IrType::k_void, adv.it, emit(IrOp::ADD, IrType::k_int, adv.idx, kint(adv.step)),
       adv.off);
}

bool Recorder::rec_for_iter(const Instr* ip) {
  Ref it = peek(1);
  PyObject* o = seen(1);
  PyTypeObject* t = Py_TYPE(o);
  if (t == &PyZip_Type || t == &PyEnum_Type) return rec_for_iter_tuple(it, o, ip);
  Ref item;
  IterAdvance adv;
  if (!iter_step(it, o, &item, &adv)) {
    return reason_ != AbortReason::k_unsupported_type && trace_->parent != nullptr &&
           rec_for_iter_end(it, o, ip);
  }
  emit_iter_advance(adv);
  if (failed_) return false;
  push(item);
  return true;
}

// The end of an inner loop in a side trace, on its way through the enclosing loop's body: the
// range, list, tuple or reversed-list iterator is exhausted (guarded), FOR_ITER pops it and jumps
// past the loop. The trace does not release it: the frame slot keeps its reference, which the
// exit's restore releases (nothing in a trace can observe the difference), or the next GET_ITER of
// a list into the same slot reuses the object.
bool Recorder::rec_for_iter_end(Ref it, PyObject* o, const Instr* ip) {
  PyTypeObject* t = Py_TYPE(o);
  IrBuffer& ir = trace_->ir;
  if (t == &PyRangeIter_Type) {
    guard(IrOp::GTYPE, it, kobj(t));
    Ref idx = emit(IrOp::LDFLD, IrType::k_int, it, kNoRef, offsetof(RangeIterLayout, index));
    Ref len = emit(IrOp::LDFLD, IrType::k_int, it, kNoRef, offsetof(RangeIterLayout, len));
    guard(IrOp::GTRUE, emit(IrOp::GE, IrType::k_bool, idx, len));
  } else if (t == &PyListIter_Type || t == &PyTupleIter_Type || t == &PyListRevIter_Type) {
    // reversed(list) ends when its index has counted down below 0 (then listreviter_next
    // drops the list; as above, the dead iterator's state is nobody's to see). A list that
    // shrank under the index ends it too: not recorded (the guard below leaves for it).
    const bool rev = t == &PyListRevIter_Type;
    auto* si = reinterpret_cast<SeqIterLayout*>(o);
    if (rev && si->it_seq != nullptr && si->it_index >= 0) return false;
    guard(IrOp::GTYPE, it, kobj(t));
    Ref seq = emit(IrOp::LDFLD, IrType::k_obj, it, kNoRef, offsetof(SeqIterLayout, it_seq));
    if (si->it_seq == nullptr) {
      guard(IrOp::GEQ, seq, kobj(nullptr));
    } else {
      guard(IrOp::GNE, seq, kobj(nullptr));
      Ref idx = emit(IrOp::LDFLD, IrType::k_int, it, kNoRef, offsetof(SeqIterLayout, it_index));
      if (rev) {
        guard(IrOp::GLT, idx, kint(0));
      } else {
        guard(IrOp::GTYPE, seq, kobj(t == &PyListIter_Type ? &PyList_Type : &PyTuple_Type));
        Ref n = emit(IrOp::LDFLD, IrType::k_int, seq, kNoRef, kOffObSize);
        guard(IrOp::GTRUE, emit(IrOp::GE, IrType::k_bool, idx, n));
      }
    }
  } else {
    return false;
  }
  (void)ir;
  if (failed_) return false;
  pop();
  dead_iter_ = it;
  dead_iter_slot_ = depth_;
  expect_pc_ = ip->target;
  return true;
}

// Whether the iterator an exhausted FOR_ITER popped from stack slot `slot` (of `type`) may
// become the next one there: nothing the trace still holds names it, and (guarded) the frame
// slot holds exactly that object — the trace's SLOADs read the frame as it was at entry.
bool Recorder::dead_iter_reusable(int slot, PyTypeObject* type) {
  if (trace_->parent == nullptr || dead_iter_ == kNoRef || dead_iter_slot_ != slot ||
      trace_->ir.type_of(dead_iter_) != IrType::k_obj ||
      known_pytype(trace_->ir, dead_iter_) != type)
    return false;
  for (int s = 0; s < depth_; ++s) {
    if (s != slot && cur_[s] == dead_iter_) return false;
  }
  Ref in_frame =
      em_.emit(IrOp::SLOAD, IrType::k_obj, kNoRef, kNoRef, static_cast<std::uint16_t>(slot));
  guard(IrOp::GEQ, in_frame, dead_iter_);
  return !failed_;
}

// GET_ITER of an exact list where a side trace popped an exhausted list iterator from the same
// stack slot (`for b in bodies` after `for a, b in pairs` in one outer iteration): the old
// iterator object becomes the new one (LITER), so the trace allocates nothing. The frame slot
// must hold exactly that object and nothing in the trace may still name it.
bool Recorder::rec_get_iter() {
  const int slot = depth_ - 1;
  if (!PyList_CheckExact(seen(1)) || !dead_iter_reusable(slot, &PyListIter_Type)) return false;
  const Ref it = dead_iter_;
  dead_iter_ = kNoRef;
  Ref list = peek(1);
  guard(IrOp::GTYPE, list, kobj(&PyList_Type));
  emit(IrOp::LITER, IrType::k_void, it, list);
  if (failed_) return false;
  pop();
  push(it);
  return true;
}

// `for j in range(a, b)` (or range(b)) started in a side trace where the previous loop's range
// iterator died in the same slot: CALL range and the GET_ITER after it become one RITER that
// gives the old iterator range_iter's new state; the range object is never built (CPython frees
// it at the GET_ITER: nothing can see it).
bool Recorder::rec_range_iter(int nargs) {
  const int slot = depth_ - nargs - 2;
  PyObject* fn = seen(nargs + 1);
  if (nargs < 1 || nargs > 2 || seen(nargs + 2) != nullptr ||
      fn != reinterpret_cast<PyObject*>(&PyRange_Type) || info_->instrs[pc_ + 1].op != GET_ITER)
    return false;
  Ref start = kint(0), stop;
  if (!PyLong_CheckExact(seen(1)) || (nargs == 2 && !PyLong_CheckExact(seen(2)))) return false;
  if (!dead_iter_reusable(slot, &PyRangeIter_Type)) return false;
  guard(IrOp::GEQ, peek(nargs + 1), kobj(fn));
  if (nargs == 2 && !as_int(peek(2), seen(2), &start)) return false;
  if (!as_int(peek(1), seen(1), &stop)) return false;
  const Ref it = dead_iter_;
  dead_iter_ = kNoRef;
  emit(IrOp::RITER, IrType::k_void, emit(IrOp::CARG, IrType::k_void, it, start), stop);
  if (failed_) return false;
  pop(nargs + 2);
  push(it);
  pending_jump_ = pc_ + 1;  // the GET_ITER is done
  expect_pc_ = pc_ + 2;
  return true;
}

// zip() and enumerate() over range, list and tuple iterators, when the loop unpacks each
// result tuple at once (`for a, b in zip(xs, ys)`, `for i, x in enumerate(xs)`): the items go
// straight onto the stack and UNPACK_SEQUENCE is recorded as done; the tuple is never built.
// Every iterator is checked before any advances, so an exhausted one exits before FOR_ITER
// and the interpreter's zip consumes exactly what CPython's does. The zip's (enumerate's)
// cached result tuple is not updated: it keeps the items of the last step the interpreter ran.
bool Recorder::rec_for_iter_tuple(Ref it, PyObject* o, const Instr* ip) {
  const Instr& next = ip[1];
  const bool zip = Py_TYPE(o) == &PyZip_Type;
  const Py_ssize_t n = zip ? reinterpret_cast<ZipLayout*>(o)->tuplesize : 2;
  if (next.op != UNPACK_SEQUENCE || next.arg != n || n < 1 || n > 8) {
    reason_ = AbortReason::k_unsupported_type;
    return false;
  }
  guard(IrOp::GTYPE, it, kobj(Py_TYPE(o)));
  Ref items[8];
  IterAdvance adv[8];
  int nadv = 0;
  if (zip) {
    auto* z = reinterpret_cast<ZipLayout*>(o);
    guard(IrOp::GEQ, emit(IrOp::LDFLD, IrType::k_int, it, kNoRef, offsetof(ZipLayout, tuplesize)),
          kint(n));
    Ref its = emit(IrOp::LDFLD, IrType::k_obj, it, kNoRef, offsetof(ZipLayout, ittuple));
    guard(IrOp::GTYPE, its, kobj(&PyTuple_Type));
    Ref subs[8];
    for (Py_ssize_t k = 0; k < n; ++k) {
      subs[k] = emit(IrOp::LDELEM, IrType::k_obj, its, kint(k), kOffTupleItems);
      // zip(it, it) advances one iterator twice per step: the steps below read every index
      // before advancing any, which is right only for distinct iterators.
      for (Py_ssize_t j = 0; j < k; ++j) {
        if (PyTuple_GET_ITEM(z->ittuple, j) == PyTuple_GET_ITEM(z->ittuple, k)) {
          reason_ = AbortReason::k_unsupported_type;
          return false;
        }
        guard(IrOp::GNE, subs[j], subs[k]);
      }
    }
    for (Py_ssize_t k = 0; k < n; ++k) {
      if (!iter_step(subs[k], PyTuple_GET_ITEM(z->ittuple, k), &items[k], &adv[nadv++]))
        return false;
    }
  } else {
    auto* e = reinterpret_cast<EnumLayout*>(o);
    if (e->en_longindex != nullptr || e->en_index == PY_SSIZE_T_MAX) return false;
    guard(IrOp::GEQ,
          emit(IrOp::LDFLD, IrType::k_obj, it, kNoRef, offsetof(EnumLayout, en_longindex)),
          kobj(nullptr));
    Ref idx = emit(IrOp::LDFLD, IrType::k_int, it, kNoRef, offsetof(EnumLayout, en_index));
    guard(IrOp::GLT, idx, kint(PY_SSIZE_T_MAX));
    Ref sub = emit(IrOp::LDFLD, IrType::k_obj, it, kNoRef, offsetof(EnumLayout, en_sit));
    items[0] = idx;
    if (!iter_step(sub, e->en_sit, &items[1], &adv[nadv++])) return false;
    adv[nadv++] = IterAdvance{it, idx, offsetof(EnumLayout, en_index)};
  }
  for (int k = 0; k < nadv; ++k) emit_iter_advance(adv[k]);
  if (failed_) return false;
  // UNPACK_SEQUENCE pushes the last item first.
  for (Py_ssize_t k = n - 1; k >= 0; --k) push(items[k]);
  pending_jump_ = pc_ + 1;
  expect_pc_ = pc_ + 2;
  return true;
}

bool Recorder::rec_subscr() {
  Ref c = peek(2), i = peek(1);
  PyObject *oc = seen(2), *oi = seen(1);
  const bool list = PyList_CheckExact(oc);
  if ((!list && !PyTuple_CheckExact(oc)) || !PyLong_CheckExact(oi)) {
    reason_ = AbortReason::k_unsupported_type;
    return false;
  }
  Py_ssize_t iv;
  if (!observed_index(oi, &iv) || iv >= Py_SIZE(oc) || iv < -Py_SIZE(oc)) return false;
  Ref idx;
  if (!as_int(i, oi, &idx)) return false;
  guard(IrOp::GTYPE, c, kobj(Py_TYPE(oc)));
  Ref n = emit(IrOp::LDFLD, IrType::k_int, c, kNoRef, kOffObSize);
  if (iv < 0) {
    guard(IrOp::GLT, idx, kint(0));
    idx = emit(IrOp::ADD, IrType::k_int, idx, n);
  }
  guard(IrOp::GULT, idx, n);
  Ref item;
  if (list) {
    Ref items = emit(IrOp::LDFLD, IrType::k_ptr, c, kNoRef, kOffListItems);
    item = emit(IrOp::LDELEM, IrType::k_obj, items, idx, 0);
  } else {
    item = emit(IrOp::LDELEM, IrType::k_obj, c, idx, kOffTupleItems);
  }
  if (failed_) return false;
  pop(2);
  push(item);
  return true;
}

// Values borrowed from list items could be freed by a list store: keep them unboxed instead
// (their type is guarded; an int/float is re-boxed on exit). With `from`, only the items of
// that list or tuple (which is about to be released): those must be ints or floats. Without
// it (a list store, which only ever releases an exact int or float: the helper exits before
// replacing anything else), a borrowed item of any other exact type (the lists in
// `for a, b in pairs`) survives: its type is guarded instead, from the object the frame holds
// for that slot now.
void Recorder::unbox_borrowed_items(int below, Ref from) {
  IrBuffer& ir = trace_->ir;
  for (int s = 0; s < below; ++s) {
    Ref r = cur_[s];
    if (r == kNoRef || is_const(r) || ir.at(r).op != IrOp::LDELEM) continue;
    const Ref base = ir.at(r).a;
    if (from != kNoRef && base != from &&
        (is_const(base) || ir.at(base).op != IrOp::LDFLD || ir.at(base).a != from))
      continue;
    const PyTypeObject* t = known_pytype(ir, r);
    if (t == nullptr && from == kNoRef) {
      PyObject* o = frame_->localsplus[s];
      if (o == nullptr) {
        failed_ = true;
        reason_ = AbortReason::k_unsupported_type;
        continue;
      }
      t = Py_TYPE(o);
      if (t->tp_flags & Py_TPFLAGS_HEAPTYPE) hold(reinterpret_cast<PyObject*>(Py_TYPE(o)));
      guard(IrOp::GTYPE, r, kobj(t));
    }
    if (t == &PyLong_Type) {
      cur_[s] = emit(IrOp::UNBOXI, IrType::k_int, r);
    } else if (t == &PyFloat_Type) {
      cur_[s] = emit(IrOp::UNBOXF, IrType::k_flt, r);
    } else if (from != kNoRef) {
      failed_ = true;
      reason_ = AbortReason::k_unsupported_type;
    }
  }
}

bool Recorder::rec_store_subscr() {
  // Stack: value, container, index (TOS).
  Ref v = peek(3), c = peek(2), i = peek(1);
  PyObject *oc = seen(2), *oi = seen(1), *ov = seen(3);
  if (!PyList_CheckExact(oc) || !PyLong_CheckExact(oi)) {
    reason_ = AbortReason::k_unsupported_type;
    return false;
  }
  Py_ssize_t iv;
  if (!observed_index(oi, &iv) || iv < 0 || iv >= Py_SIZE(oc)) return false;
  PyObject* old = PyList_GET_ITEM(oc, iv);
  if (!PyLong_CheckExact(old) && !PyFloat_CheckExact(old)) {
    reason_ = AbortReason::k_unsupported_type;
    return false;
  }
  Ref idx, val = v;
  if (!as_int(i, oi, &idx)) return false;
  IrType vt = trace_->ir.type_of(v);
  if (vt == IrType::k_obj) {
    if (PyLong_CheckExact(ov)) {
      if (!as_int(v, ov, &val)) return false;
    } else if (PyFloat_CheckExact(ov)) {
      if (!as_flt(v, ov, &val)) return false;
    } else {
      reason_ = AbortReason::k_unsupported_type;
      return false;
    }
  } else if (vt != IrType::k_int && vt != IrType::k_flt) {
    reason_ = AbortReason::k_unsupported_type;
    return false;
  }
  guard(IrOp::GTYPE, c, kobj(&PyList_Type));
  Ref n = emit(IrOp::LDFLD, IrType::k_int, c, kNoRef, kOffObSize);
  guard(IrOp::GULT, idx, n);
  // The store may free (or reuse in place) the item it replaces: every borrowed item the
  // frame model still names is unboxed before it, not read after it. The store's own three
  // operands are consumed by it.
  unbox_borrowed_items(depth_ - 3);
  emit(IrOp::STLIST, IrType::k_void, emit(IrOp::CARG, IrType::k_void, c, idx), val);
  if (failed_) return false;
  has_store_ = true;
  pop(3);
  return !failed_;
}

bool Recorder::rec_load_global(int arg) {
  PyObject* globals = frame_->f_globals;
  PyObject* builtins = frame_->f_builtins;
  const Instr& in = info_->instrs[pc_];
  if (in.cache == kNoCache) return false;
  std::uint32_t gver = 0, bver = 0;
  PyObject** addr =
      krait_global_value_addr(globals, builtins, &info_->caches[in.cache], &gver, &bver);
  if (addr == nullptr || *addr == nullptr) {
    reason_ = AbortReason::k_unsupported_type;
    return false;
  }
  // The trace embeds the dicts: guard that the frame runs with them, then their key layouts.
  Ref f = frame_ref();
  guard(IrOp::GEQ,
        emit(IrOp::LDFLD, IrType::k_obj, f, kNoRef, offsetof(_PyInterpreterFrame, f_globals)),
        kobj(globals));
  guard(IrOp::GKEYS, kobj(globals), kint(gver));
  if (bver != 0) {
    guard(IrOp::GEQ,
          emit(IrOp::LDFLD, IrType::k_obj, f, kNoRef, offsetof(_PyInterpreterFrame, f_builtins)),
          kobj(builtins));
    guard(IrOp::GKEYS, kobj(builtins), kint(bver));
  }
  Ref v = emit(IrOp::LDFLD, IrType::k_obj, trace_->ir.kptr(addr), kNoRef, 0);
  guard(IrOp::GNE, v, kobj(nullptr));
  if (failed_) return false;
  if (arg & 1) push(kobj(nullptr));
  push(v);
  return true;
}

bool Recorder::rec_call(int nargs) {
  // Stack: NULL-or-method, callable-or-self, args...
  PyObject* below = seen(nargs + 2);
  if (below != nullptr) {
    // A method call set up by LOAD_METHOD: only list.append is recorded.
    if (below != list_append_descr() || nargs != 1) return false;
    guard(IrOp::GEQ, peek(nargs + 2), kobj(below));
    emit(IrOp::LAPPEND, IrType::k_void, peek(2), peek(1));
    if (failed_) return false;
    pop(3);
    push(kobj(Py_None));
    return true;
  }
  if (rec_range_iter(nargs)) return true;
  if (failed_) return false;
  Ref fn = peek(nargs + 1);
  PyObject* ofn = seen(nargs + 1);
  PyObject* builtins = frame_->f_builtins;
  if (nargs != 1 || !PyDict_CheckExact(builtins)) return false;
  if (ofn == PyDict_GetItemString(builtins, "reversed") && info_->instrs[pc_ + 1].op == GET_ITER) {
    // `for x in reversed(xs)` over an empty list: no iterator is needed.
    hold(ofn);
    guard(IrOp::GEQ, fn, kobj(ofn));
    if (failed_) return false;
    return rec_empty_for(peek(1), seen(1), pc_ + 1);
  }
  PyObject* arg = seen(1);
  const bool is_len = ofn == PyDict_GetItemString(builtins, "len");
  const bool is_int = ofn == reinterpret_cast<PyObject*>(&PyLong_Type);
  const bool is_float = ofn == reinterpret_cast<PyObject*>(&PyFloat_Type);
  if (!is_len && !is_int && !is_float) {
    reason_ = AbortReason::k_unsupported_op;
    return false;
  }
  // The callee first: the argument's guards assume it.
  hold(ofn);
  guard(IrOp::GEQ, fn, kobj(ofn));
  Ref r = kNoRef;
  if (is_len) {
    if (!PyList_CheckExact(arg) && !PyTuple_CheckExact(arg)) {
      reason_ = AbortReason::k_unsupported_type;
      return false;
    }
    guard(IrOp::GTYPE, peek(1), kobj(Py_TYPE(arg)));
    r = emit(IrOp::LDFLD, IrType::k_int, peek(1), kNoRef, kOffObSize);
  } else if (is_int) {
    Ref x;
    if (PyLong_CheckExact(arg)) {
      if (!as_int(peek(1), arg, &x)) return false;
      r = x;
    } else if (PyFloat_CheckExact(arg)) {
      if (!as_flt(peek(1), arg, &x)) return false;
      r = emit(IrOp::FTOI, IrType::k_int, x);
    } else {
      reason_ = AbortReason::k_unsupported_type;
      return false;
    }
  } else {
    Ref x;
    if (PyFloat_CheckExact(arg)) {
      if (!as_flt(peek(1), arg, &x)) return false;
      r = x;
    } else if (PyLong_CheckExact(arg)) {
      if (!as_int(peek(1), arg, &x)) return false;
      r = emit(IrOp::ITOF, IrType::k_flt, x);
    } else {
      reason_ = AbortReason::k_unsupported_type;
      return false;
    }
  }
  if (failed_) return false;
  pop(nargs + 2);
  push(r);
  return true;
}

// `x = []` (BUILD_LIST 0, then STORE_FAST x): one helper puts the new list into the local's
// frame slot, which owns it from then on (see krait_jit_store_new_list); the trace borrows it
// like any slot value, so no exit has to release it. The helper releases what the slot holds,
// so the recording's value of x must be exactly that, and nothing else the recording holds may
// be it or an item borrowed from it (the release may free them).
bool Recorder::rec_new_list(const Instr* ip) {
  if (ip->arg != 0 || ip[1].op != STORE_FAST) return false;
  const int x = ip[1].arg;
  const Ref old = cur_[x];
  if (old != kNoRef) {
    bool shared = !frame_holds(x, old);
    for (int s = 0; s < depth_; ++s) shared |= s != x && cur_[s] == old;
    if (shared) {
      reason_ = AbortReason::k_unsupported_type;
      return false;
    }
  }
  if (old != kNoRef) unbox_borrowed_items(depth_, old);
  if (failed_) return false;
  const Ref l = emit(IrOp::NEWLIST, IrType::k_obj, kint(x));
  if (failed_) return false;
  set_slot(x, l);
  new_list_slots_.push_back(x);
  pending_jump_ = pc_ + 1;  // the STORE_FAST is done
  expect_pc_ = pc_ + 2;
  return true;
}

// Whether frame slot s physically holds value r of the recording: its value at entry, or a
// list NEWLIST put there.
bool Recorder::frame_holds(int s, Ref r) const {
  if (is_const(r)) return false;
  const IrIns& in = trace_->ir.at(r);
  if (in.op == IrOp::SLOAD) return in.lit == s && !modified_[s];
  return in.op == IrOp::NEWLIST && trace_->ir.konst(in.a).i == s;
}

// At the back-edge every slot NEWLIST wrote must still hold its list in the recording's
// model, and no other slot may name it, so that the next iteration's NEWLIST releases exactly
// the slot's value (what the check in rec_new_list proved for this iteration).
// Items borrowed from a list the next iteration releases are unboxed here.
bool Recorder::new_lists_stay_in_their_slots() {
  for (int x : new_list_slots_) {
    if (!frame_holds(x, cur_[x])) return false;
    for (int s = 0; s < depth_; ++s) {
      if (s != x && cur_[s] == cur_[x]) return false;
    }
    unbox_borrowed_items(depth_, cur_[x]);
  }
  return !failed_;
}

// GET_ITER of a for loop over an empty exact list or tuple (`seq`, observed `o`; for
// reversed(xs) the CALL before it): the loop runs no iteration, so the recording guards the
// sequence's emptiness (an exit redoes it all in the interpreter) and continues after the
// loop, without creating the iterator. The instructions up to there are done.
bool Recorder::rec_empty_for(Ref seq, PyObject* o, int get_iter_pc) {
  const Instr* gi = &info_->instrs[get_iter_pc];
  if (gi->op != GET_ITER || gi[1].op != FOR_ITER ||
      (!PyList_CheckExact(o) && !PyTuple_CheckExact(o)) || Py_SIZE(o) != 0 ||
      (get_iter_pc != pc_ && !PyList_CheckExact(o))) {
    reason_ = AbortReason::k_unsupported_type;
    return false;
  }
  guard(IrOp::GTYPE, seq, kobj(Py_TYPE(o)));
  guard(IrOp::GEQ, emit(IrOp::LDFLD, IrType::k_int, seq, kNoRef, kOffObSize), kint(0));
  if (failed_) return false;
  pop(get_iter_pc == pc_ ? 1 : 3);  // the sequence (and NULL, reversed)
  bump(Stat::k_trace_empty_loops);
  expect_pc_ = gi[1].target;
  skip_to_ = expect_pc_;
  return true;
}

bool Recorder::rec_branch(bool jump_if_true, const Instr* ip) {
  bool t = false;
  if (!truth(peek(1), seen(1), &t)) return false;
  pop();
  expect_pc_ = (t == jump_if_true) ? ip->target : pc_ + 1;
  return true;
}

RecordStep Recorder::step(_PyInterpreterFrame* frame, const Instr* ip, PyObject** sp) {
  if (frame != frame_) {
    abort(AbortReason::k_frame_changed);
    return RecordStep::kStop;
  }
  const std::int32_t pc = static_cast<std::int32_t>(ip - info_->instrs.data());
  if (pc == pending_jump_) {
    // The interpreter did not fuse the compare with its jump: the branch is recorded already.
    pending_jump_ = -1;
    return RecordStep::kContinue;
  }
  pending_jump_ = -1;
  if (skip_to_ >= 0) {
    // The rest of an inner loop over an empty sequence, recorded with its GET_ITER.
    if (pc > pc_ && pc < skip_to_) return RecordStep::kContinue;
    skip_to_ = -1;
  }
  if (pc != expect_pc_) {
    abort(AbortReason::k_left_loop);
    return RecordStep::kStop;
  }
  if (sp - frame->localsplus != depth_) {
    abort(AbortReason::k_stack_mismatch);
    return RecordStep::kStop;
  }
  if (trace_->ir.ins.size() > kMaxTraceIns) {
    abort(AbortReason::k_too_long);
    return RecordStep::kStop;
  }
  pc_ = pc;
  sp_ = sp;
  snap_ = -1;
  if (pc == header_ && !passed_back_edges_.empty()) {
    // A side trace that came round an enclosing loop entered the root's loop from its start.
    return close();
  }
  if (trace_->parent && pc != header_ && (info_->instrs[pc].flags & kInstrHasTrace)) {
    // Another loop with a trace of its own (the next inner loop of the enclosing body): the
    // side trace ends there and the runtime enters that loop's trace.
    return close_at_other_loop();
  }
  expect_pc_ = pc + 1;
  reason_ = AbortReason::k_unsupported_op;
  const int arg = ip->arg;
  bool ok = true;
  switch (ip->op) {
    case NOP:
      break;
    case LOAD_FAST:
      if (frame->localsplus[arg] == nullptr) {
        ok = false;
        break;
      }
      push(slot(arg));
      break;
    case STORE_FAST:
      set_slot(arg, peek(1));
      pop();
      break;
    case LOAD_CONST:
      push(kobj(PyTuple_GET_ITEM(frame->f_code->co_consts, arg)));
      break;
    case POP_TOP:
      pop();
      break;
    case PUSH_NULL:
      push(kobj(nullptr));
      break;
    case COPY:
      push(peek(arg));
      break;
    case SWAP: {
      Ref t = peek(1);
      cur_[depth_ - 1] = peek(arg);
      cur_[depth_ - arg] = t;
      modified_[depth_ - 1] = modified_[depth_ - arg] = 1;
      break;
    }
    case BINARY_OP:
      ok = rec_binary(arg);
      break;
    case COMPARE_OP:
      ok = rec_compare(arg);
      // The interpreter fuses a compare of exact ints/floats with the forward conditional
      // jump after it (the jump is then never dispatched): record the branch here too.
      if (ok && (ip[1].op == POP_JUMP_FORWARD_IF_FALSE || ip[1].op == POP_JUMP_FORWARD_IF_TRUE)) {
        const int t = PyObject_RichCompareBool(seen(2), seen(1), arg);
        if (t < 0) {
          PyErr_Clear();
          ok = false;
          break;
        }
        pc_ = pc + 1;  // guard as the jump itself: the bool is on the stack
        snap_ = -1;
        guard(t ? IrOp::GTRUE : IrOp::GFALSE, peek(1));
        pop();
        expect_pc_ = ((t != 0) == (ip[1].op == POP_JUMP_FORWARD_IF_TRUE)) ? ip[1].target : pc + 2;
        pending_jump_ = pc + 1;
      }
      break;
    case IS_OP: {
      Ref a = peek(2), b = peek(1);
      IrBuffer& ir = trace_->ir;
      Ref r;
      if (ir.type_of(a) == IrType::k_obj && ir.type_of(b) == IrType::k_obj) {
        r = emit(arg ? IrOp::NE : IrOp::EQ, IrType::k_bool, a, b);
      } else if ((ir.type_of(a) != IrType::k_obj && seen(1) == Py_None) ||
                 (ir.type_of(b) != IrType::k_obj && seen(2) == Py_None)) {
        if (ir.type_of(a) == IrType::k_obj) guard(IrOp::GEQ, a, kobj(Py_None));
        if (ir.type_of(b) == IrType::k_obj) guard(IrOp::GEQ, b, kobj(Py_None));
        r = ir.kbool(arg != 0);  // an unboxed number is never None
      } else {
        reason_ = AbortReason::k_unsupported_type;
        ok = false;
        break;
      }
      pop(2);
      push(r);
      break;
    }
    case UNARY_NOT: {
      bool t;
      Ref a = peek(1);
      if (trace_->ir.type_of(a) == IrType::k_bool) {
        Ref r = emit(IrOp::NOT, IrType::k_bool, a);
        pop();
        push(r);
      } else if (seen(1) == Py_True || seen(1) == Py_False) {
        guard(IrOp::GEQ, a, kobj(seen(1)));
        t = seen(1) == Py_True;
        pop();
        push(trace_->ir.kbool(!t));
      } else {
        reason_ = AbortReason::k_unsupported_type;
        ok = false;
      }
      break;
    }
    case UNARY_NEGATIVE: {
      Ref x;
      if (PyLong_CheckExact(seen(1))) {
        ok = as_int(peek(1), seen(1), &x);
        if (ok) x = emit(IrOp::NEGOV, IrType::k_int, x);
      } else if (PyFloat_CheckExact(seen(1))) {
        ok = as_flt(peek(1), seen(1), &x);
        if (ok) x = emit(IrOp::FNEG, IrType::k_flt, x);
      } else {
        reason_ = AbortReason::k_unsupported_type;
        ok = false;
      }
      if (ok) {
        pop();
        push(x);
      }
      break;
    }
    case UNARY_INVERT: {
      Ref x;
      ok = PyLong_CheckExact(seen(1)) && as_int(peek(1), seen(1), &x);
      if (ok) {
        x = emit(IrOp::BXOR, IrType::k_int, x, kint(-1));
        pop();
        push(x);
      }
      break;
    }
    case POP_JUMP_FORWARD_IF_FALSE:
    case POP_JUMP_BACKWARD_IF_FALSE:
      ok = rec_branch(false, ip);
      break;
    case POP_JUMP_FORWARD_IF_TRUE:
    case POP_JUMP_BACKWARD_IF_TRUE:
      ok = rec_branch(true, ip);
      break;
    case POP_JUMP_FORWARD_IF_NONE:
    case POP_JUMP_BACKWARD_IF_NONE:
    case POP_JUMP_FORWARD_IF_NOT_NONE:
    case POP_JUMP_BACKWARD_IF_NOT_NONE: {
      Ref a = peek(1);
      bool none = seen(1) == Py_None;
      if (trace_->ir.type_of(a) == IrType::k_obj)
        guard(none ? IrOp::GEQ : IrOp::GNE, a, kobj(Py_None));
      const bool jump_if_none =
          ip->op == POP_JUMP_FORWARD_IF_NONE || ip->op == POP_JUMP_BACKWARD_IF_NONE;
      pop();
      expect_pc_ = (none == jump_if_none) ? ip->target : pc + 1;
      break;
    }
    case JUMP_IF_FALSE_OR_POP:
    case JUMP_IF_TRUE_OR_POP: {
      bool t = false;
      ok = truth(peek(1), seen(1), &t);
      if (ok) {
        const bool jump = t == (ip->op == JUMP_IF_TRUE_OR_POP);
        if (jump) {
          expect_pc_ = ip->target;
        } else {
          pop();
        }
      }
      break;
    }
    case JUMP_FORWARD:
      expect_pc_ = ip->target;
      break;
    case JUMP_BACKWARD:
      expect_pc_ = ip->target;
      break;
    case FOR_ITER:
      ok = rec_for_iter(ip);
      if (!ok && reason_ == AbortReason::k_unsupported_op) reason_ = AbortReason::k_left_loop;
      break;
    case BINARY_SUBSCR:
      ok = rec_subscr();
      break;
    case STORE_SUBSCR:
      ok = rec_store_subscr();
      break;
    case LOAD_GLOBAL:
      ok = rec_load_global(arg);
      break;
    case LOAD_DEREF: {
      // The slot holds the cell (made at function start); its contents may be unbound.
      PyObject* cell = frame->localsplus[arg];
      if (cell == nullptr || !PyCell_Check(cell) || PyCell_GET(cell) == nullptr) {
        ok = false;
        break;
      }
      Ref c = slot(arg);
      guard(IrOp::GTYPE, c, kobj(&PyCell_Type));
      Ref v = emit(IrOp::LDFLD, IrType::k_obj, c, kNoRef, offsetof(PyCellObject, ob_ref));
      guard(IrOp::GNE, v, kobj(nullptr));
      push(v);
      break;
    }
    case GET_ITER:
      // A dead list iterator to reuse (side traces), else an inner loop over an empty sequence.
      ok = rec_get_iter() || (!failed_ && rec_empty_for(peek(1), seen(1), pc));
      break;
    case LIST_APPEND: {
      // The list sits below the value, `arg` deep (a comprehension's result list).
      Ref list = peek(arg + 1);
      Ref v = peek(1);
      if (!PyList_CheckExact(seen(arg + 1))) {
        ok = false;
        break;
      }
      guard(IrOp::GTYPE, list, kobj(&PyList_Type));
      emit(IrOp::LAPPEND, IrType::k_void, list, v);
      pop();
      break;
    }
    case LOAD_METHOD: {
      // list.append only: list is a static type, so the method cannot change.
      PyObject* name = PyTuple_GET_ITEM(frame->f_code->co_names, arg);
      if (!PyList_CheckExact(seen(1)) || !PyUnicode_Check(name) ||
          PyUnicode_CompareWithASCIIString(name, "append") != 0) {
        ok = false;
        break;
      }
      Ref self = peek(1);
      guard(IrOp::GTYPE, self, kobj(&PyList_Type));
      pop();
      push(kobj(list_append_descr()));
      push(self);
      break;
    }
    case UNPACK_SEQUENCE: {
      PyObject* seq = seen(1);
      const bool tuple = PyTuple_CheckExact(seq);
      if ((!tuple && !PyList_CheckExact(seq)) || Py_SIZE(seq) != arg) {
        reason_ = AbortReason::k_unsupported_type;
        ok = false;
        break;
      }
      Ref s = peek(1);
      guard(IrOp::GTYPE, s, kobj(Py_TYPE(seq)));
      guard(IrOp::GEQ, emit(IrOp::LDFLD, IrType::k_int, s, kNoRef, kOffObSize), kint(arg));
      Ref base = tuple ? s : emit(IrOp::LDFLD, IrType::k_ptr, s, kNoRef, kOffListItems);
      const std::uint16_t off = tuple ? kOffTupleItems : 0;
      pop();
      for (int k = arg - 1; k >= 0; --k)
        push(emit(IrOp::LDELEM, IrType::k_obj, base, kint(k), off));
      break;
    }
    case BUILD_LIST:
      ok = rec_new_list(ip);
      break;
    case PRECALL:
      break;  // bound-method unpacking does not apply to the calls the recorder accepts
    case CALL:
      ok = rec_call(arg);
      break;
    default:
      ok = false;
      break;
  }
  if (!ok || failed_) {
    abort(failed_ && reason_ == AbortReason::k_unsupported_op ? AbortReason::k_unstable : reason_,
          reason_ == AbortReason::k_unsupported_op ? ip->op : -1);
    return RecordStep::kStop;
  }
  // A taken back-edge: to our header it closes the trace. A side trace may pass the back-edge
  // of a loop enclosing the root's loop once, on its way back to the root's header: that is how
  // outer loops run compiled (the inner loop's exit grows a side trace through the rest of the
  // outer body, its back-edge and header, into the inner loop again). Any other back-edge is an
  // inner loop (traced on its own; the outer loop is not recorded).
  if (expect_pc_ <= pc && (kPyOps[ip->op].jump == kJumpBackward)) {
    if (expect_pc_ == header_) {
      trace_->closing = pc;
      return close();
    }
    // To the header of another loop with a trace of its own (an enclosing loop, after the
    // root's loop ended): the next step ends the side trace there (close_at_other_loop), and
    // the runtime checks the eval breaker as the back-edge would, then enters that trace.
    if (trace_->parent && (info_->instrs[expect_pc_].flags & kInstrHasTrace))
      return RecordStep::kContinue;
    if (!passes_enclosing_back_edge(pc, expect_pc_)) {
      abort(AbortReason::k_inner_loop);
      return RecordStep::kStop;
    }
  }
  return RecordStep::kContinue;
}

RecordStep Recorder::close() {
  if (!new_list_slots_.empty()) {
    pc_ = header_;  // unboxing guards resume at the header (the back-edge is taken)
    snap_ = -1;
  }
  if (!new_lists_stay_in_their_slots()) {
    abort(AbortReason::k_unsupported_type);
    return RecordStep::kStop;
  }
  // Values borrowed from list items must not be carried across a list store (next iteration).
  if (has_store_) {
    pc_ = header_;
    unbox_borrowed_items(depth_);
    if (failed_) {
      abort(AbortReason::k_unsupported_type);
      return RecordStep::kStop;
    }
  }
  Trace* t = trace_;
  std::vector<IrRef> end_slots(cur_.size(), kNoRef);
  if (t->parent) {
    // A side trace ends at the root's loop header: its last exit hands the state over to the
    // root trace (through the runtime, which boxes the listed slots into the frame).
    if (!parent_alive()) {
      abort(AbortReason::k_left_loop);
      return RecordStep::kStop;
    }
    pc_ = header_;
    snap_ = -1;
    if (!t->patched || !link_to_root()) {
      // Through the runtime: the root is entered again from the frame.
      KRAIT_LOG(trace, "side trace of trace %u exit %u ends through the runtime (%s)",
                t->parent->id, t->parent_exit,
                !t->patched ? "its exit stub cannot be patched"
                            : "the root's loop state cannot be produced");
      snap_ = -1;
      emit(IrOp::EXIT, IrType::k_void);
      t->ir.snaps.back().flags |= kSnapLink;
    }
  } else {
    for (int s = 0; s < entry_depth_; ++s) {
      if (modified_[s]) end_slots[s] = cur_[s];
    }
    t->enclosed = loop_is_enclosed(*info_, header_, t->closing);
  }
  const char* why = nullptr;
  AbortReason fail = AbortReason::k_backend;
  if (!compile_trace(*t, em_, end_slots, info_, &fail, &why)) {
    abort(fail);
    return RecordStep::kStop;
  }
  t->compile_ns = now_ns() - start_ns_;
  if (!passed_back_edges_.empty()) bump(Stat::k_side_traces_outer);
  if (t->parent) {
    register_side_trace(t);
  } else {
    register_trace(info_, t);
  }
  trace_ = nullptr;
  delete this;
  return RecordStep::kStop;
}

// A side trace that reached the header of a loop other than its root's, which has a compiled
// trace: it leaves through the runtime (boxing what the frame needs), which enters that trace.
RecordStep Recorder::close_at_other_loop() {
  if (has_store_) {
    unbox_borrowed_items(depth_);
    if (failed_) {
      abort(AbortReason::k_unsupported_type);
      return RecordStep::kStop;
    }
  }
  if (!parent_alive()) {
    abort(AbortReason::k_left_loop);
    return RecordStep::kStop;
  }
  Trace* t = trace_;
  snap_ = -1;
  emit(IrOp::EXIT, IrType::k_void);
  t->ir.snaps.back().flags |= kSnapLink;
  std::vector<IrRef> end_slots(cur_.size(), kNoRef);
  const char* why = nullptr;
  AbortReason fail = AbortReason::k_backend;
  if (failed_ || !compile_trace(*t, em_, end_slots, info_, &fail, &why)) {
    abort(fail);
    return RecordStep::kStop;
  }
  t->compile_ns = now_ns() - start_ns_;
  if (!passed_back_edges_.empty()) bump(Stat::k_side_traces_outer);
  bump(Stat::k_side_traces_other_loop);
  register_side_trace(t);
  trace_ = nullptr;
  delete this;
  return RecordStep::kStop;
}

// The end of a register-mode side trace: produce every value the root's loop carries (a frame
// slot's value, unboxed as the root keeps it, or a field the root stored), check the eval
// breaker as the back-edge would, and continue in the root's loop (LINK).
bool Recorder::link_to_root() {
  const Trace* root = trace_->root;
  // The root's loop keeps values it loaded before the loop (a frame slot it only reads, a
  // list's size or items) in registers: a side trace whose stores may change one of them, or
  // that changes a slot the root read without carrying it, cannot continue in that loop.
  for (const IrIns& in : trace_->ir.ins) {
    if (op_has(in.op, kIrStore) && store_may_change_root_invariant(in)) return false;
  }
  std::vector<int> write_back;
  for (int s = 0; s < entry_depth_; ++s) {
    if (!modified_[s] || cur_[s] == kNoRef) continue;
    bool carried = false;
    for (const Trace::PhiMeaning& m : root->phis) carried |= m.slot == s;
    if (carried) continue;
    const Ref r = cur_[s];
    if (!is_const(r) && trace_->ir.at(r).op == IrOp::SLOAD && trace_->ir.at(r).lit == s) continue;
    if (static_cast<std::size_t>(s) < root->reads_slot.size() && root->reads_slot[s]) return false;
    write_back.push_back(s);
  }
  std::vector<Trace::LinkMove> moves;
  std::vector<std::pair<IrRef, Ref>> phi_values;  // root PHI's pre-loop value -> ours
  for (const Trace::PhiMeaning& m : root->phis) {
    Ref v;
    if (m.slot >= 0) {
      v = slot(m.slot);
      const IrType t = trace_->ir.type_of(v);
      PyObject* o = frame_->localsplus[m.slot];
      if (t != m.type) {
        if (t != IrType::k_obj || o == nullptr) return false;
        if (m.type == IrType::k_int) {
          if (!as_int(v, o, &v)) return false;
        } else if (m.type == IrType::k_flt) {
          if (!as_flt(v, o, &v)) return false;
        } else {
          return false;
        }
      }
    } else {
      Ref obj = import(root->locs[m.obj], root->ir.type_of(m.obj));
      v = emit(IrOp::LDFLD, m.type, obj, kNoRef, m.off);
    }
    if (failed_) return false;
    moves.push_back(Trace::LinkMove{m.dst, v});
    phi_values.emplace_back(m.left, v);
  }
  if (!trace_->loop_ready && !replay_root_preroll(phi_values, &moves)) return false;
  // Slots this side trace changed that the root neither carries nor reads go back into the
  // frame (boxed), where the root's snapshots expect them.
  for (int s : write_back) emit(IrOp::SSTORE, IrType::k_void, trace_->ir.kint(s), cur_[s]);
  snap_ = -1;
  emit(IrOp::GBREAK, IrType::k_void, trace_->ir.kptr(const_cast<int*>(jit_eval_breaker_addr())));
  trace_->ir.snaps.back().flags |= kSnapBreaker;
  snap_ = -1;
  emit(IrOp::LINK, IrType::k_void);
  trace_->link_moves = std::move(moves);
  return !failed_;
}

// A side trace from an exit of the root's pre-roll (its chain's first exit) ends where the
// pre-roll had not yet computed everything the loop body takes from it: the loads and values
// it hoisted (in registers across the loop) and the guards it no longer repeats. Those after
// the exit are computed again here, at the loop header, in order — guards with this trace's
// snapshot, so a failing one leaves at the header — and the values moved into the root's
// locations by the LINK. Their operands are constants, values computed here, or values the
// root computed before the exit and keeps across the loop (which side traces never
// overwrite). Anything else, or an instruction with an effect: false (through the runtime).
bool Recorder::replay_root_preroll(const std::vector<std::pair<IrRef, IrRef>>& phi_values,
                                   std::vector<Trace::LinkMove>* moves) {
  const Trace* root = trace_->root;
  const IrBuffer& rir = root->ir;
  const IrRef from = rir.snaps[trace_->root_exit].ins;
  std::vector<std::pair<IrRef, Ref>> done;
  auto operand = [&](IrRef x, Ref* out) {
    if (x == kNoRef) {
      *out = kNoRef;
      return true;
    }
    if (is_const(x)) {
      *out = copy_const(rir.konst(x));
      return true;
    }
    // A loop-carried value: the body's first iteration sees ours, not the pre-roll's.
    for (const auto& [left, v] : phi_values) {
      if (left == x) {
        *out = v;
        return true;
      }
    }
    if (x >= from) {
      for (const auto& [r, v] : done) {
        if (r == x) {
          *out = v;
          return true;
        }
      }
      return false;
    }
    if (x >= root->loop_live.size() || !root->loop_live[x]) return false;
    *out = import(root->locs[x], rir.type_of(x));
    return true;
  };
  auto is_phi_value = [&](IrRef x) {
    for (const auto& [left, v] : phi_values) {
      if (left == x && x != kNoRef) return true;
    }
    return false;
  };
  for (IrRef r : rir.relied) {
    // (A loop-carried value comes from our PHI move, not from computing it again.)
    if (r >= rir.loop || is_phi_value(r)) continue;
    const IrIns& in = rir.at(r);
    // Before the exit only guards on loop-carried values: they checked the pre-roll's
    // values, and the body's first iteration gets ours.
    if (r < from &&
        !(op_has(in.op, kIrGuard) && (is_phi_value(in.a) || is_phi_value(in.b))))
      continue;
    if (op_has(in.op, kIrStore) || (op_has(in.op, kIrEffect) && !op_has(in.op, kIrGuard)) ||
        in.op == IrOp::PVAL)
      return false;
    Ref a, b;
    if (!operand(in.a, &a) || !operand(in.b, &b)) {
      KRAIT_LOG(trace, "cannot compute the root's pre-roll %04u (%s) again: an operand is gone",
                r, op_info(in.op).name);
      return false;
    }
    const Ref v = emit(in.op, in.type, a, b, in.lit);
    if (failed_) {
      // A guard that can never pass here: this trace cannot continue in the loop, but it
      // is still good for leaving through the runtime.
      failed_ = false;
      return false;
    }
    done.emplace_back(r, v);
    if (in.type != IrType::k_void && r < root->loop_live.size() && root->loop_live[r])
      moves->push_back(Trace::LinkMove{root->locs[r], v});
  }
  return true;
}

// Whether store `st` of this side trace may write memory a load in the root's pre-loop part
// read (the loop keeps such values in registers). Field stores are iterator updates: they
// alias a root load of the same field of an object not known to be of a different type, and
// never list items or sizes of lists (other objects). List stores and appends may change any
// list's items, size or item array.
bool Recorder::store_may_change_root_invariant(const IrIns& st) const {
  const Trace* root = trace_->root;
  const IrBuffer& rir = root->ir;
  const PyTypeObject* st_type = st.op == IrOp::STFLD ? known_pytype(trace_->ir, st.a) : nullptr;
  if (st.op == IrOp::STFLD && st_type == nullptr) return true;
  const IrRef end = rir.loop == kNoRef ? rir.size() : rir.loop;
  for (IrRef r = 0; r < end; ++r) {
    const IrIns& ld = rir.at(r);
    if (ld.op != IrOp::LDFLD && ld.op != IrOp::LDELEM) continue;
    if (st.op != IrOp::STFLD) return true;
    if (ld.op == IrOp::LDELEM) {
      if (st_type == &PyTuple_Type) return true;
      continue;
    }
    const PyTypeObject* ld_type = known_pytype(rir, ld.a);
    if (ld.lit == st.lit && (ld_type == nullptr || ld_type == st_type)) return true;
  }
  return false;
}

void Recorder::abort(AbortReason why, int op) {
  // Where, for any reason: the reason alone rarely says which instruction of a loop it was.
  KRAIT_LOG(trace, "recording stopped at offset %u (%s)", info_->instrs[pc_].offset * 2,
            py_op_name(info_->instrs[pc_].op));
  if (trace_->parent && parent_alive()) {
    note_side_abort(trace_->parent, trace_->parent_exit, why, op);
  } else if (!trace_->parent) {
    note_abort(info_, header_, why, op, frame_->f_code);
  }
  delete this;
}

// The parent of a side recording may have been retired meanwhile (another thread's exits):
// it is alive if its root is still registered on the header and the parent is in its tree.
bool Recorder::parent_alive() const {
  const Instr& h = info_->instrs[header_];
  if (!(h.flags & kInstrHasTrace)) return false;
  Trace* root = info_->traces[h.counter];
  if (root == nullptr || root != trace_->root || root->id != root_id_) return false;
  std::vector<Trace*> todo{root};
  while (!todo.empty()) {
    Trace* x = todo.back();
    todo.pop_back();
    if (x == trace_->parent) return true;
    for (Trace* s : x->side) {
      if (s) todo.push_back(s);
    }
  }
  return false;
}

Recorder* record_side_start(PyThreadState* tstate, _PyInterpreterFrame* frame, CodeInfo* info,
                            Trace* parent, std::uint32_t exit, std::int32_t start, PyObject** sp) {
  if (!jit_usable()) return nullptr;
  auto* r = new Recorder(tstate, frame, info, parent->root->header, sp, parent, exit, start);
  bump(Stat::k_traces_recorded);
  KRAIT_LOG(trace, "record side trace of trace %u exit %u at offset %u", parent->id, exit,
            info->instrs[start].offset * 2);
  return r;
}

Recorder* record_start(PyThreadState* tstate, _PyInterpreterFrame* frame, CodeInfo* info,
                       std::int32_t header, PyObject** sp) {
  if (!jit_usable() || loop_blacklisted(info, header)) return nullptr;
  auto* r = new Recorder(tstate, frame, info, header, sp);
  bump(Stat::k_traces_recorded);
  KRAIT_LOG(trace, "record %s:%d offset %u", PyUnicode_AsUTF8(frame->f_code->co_qualname),
            frame->f_code->co_firstlineno, info->instrs[header].offset * 2);
  return r;
}

RecordStep record_step(Recorder* rec, _PyInterpreterFrame* frame, const Instr* ip, PyObject** sp) {
  return rec->step(frame, ip, sp);
}

void record_abort(Recorder* rec, AbortReason why) { rec->abort(why); }

}  // namespace krait::jit
