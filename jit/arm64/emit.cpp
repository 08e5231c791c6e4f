// The AArch64 backend: turns allocated IR into machine code with asmjit's a64::Assembler, with
// the conventions of the x86-64 backend (jit/x64/emit.cpp) on AAPCS64. x28 holds the
// TraceState*, x15/x16/x17 and d30/d31 are scratch (x16/x17 are the intra-procedure-call
// registers, free to clobber), x18 (platform), x29 (frame pointer) and x30 (link) are never
// allocated. Each instruction reads its operands into scratch registers, computes there, and
// writes its result last (the allocator relies on that to give a result the register of an
// operand that dies at it). Guards branch to one stub per snapshot, which stores the snapshot
// number; the shared exit saves every register into TraceState for the deoptimizer and
// returns. Stubs are 16 bytes so that each can be patched into an absolute jump to a side
// trace (ldr x16, #8; br x16; .quad target).
#include <asmjit/arm/a64assembler.h>
#include <asmjit/core.h>

#include <cstddef>
#include <cstring>
#include <functional>

#include "../emit_util.h"
#include "../pylayout.h"
#include "../target.h"
#include "cpython_shim.h"

namespace krait::jit {

using namespace asmjit;

namespace {

constexpr int kTs = 28;  // x28: TraceState*
const a64::GpX kTsReg = a64::x28;
const a64::GpX kA = a64::x16;
const a64::GpX kB = a64::x17;
const a64::GpX kC = a64::x15;  // third scratch: out-of-range offsets, multiply and divide
const a64::VecD kFa = a64::d30;
const a64::VecD kFb = a64::d31;

constexpr std::int32_t kOffSlots = offsetof(TraceState, slots);
constexpr std::int32_t kOffFrame = offsetof(TraceState, frame);
constexpr std::int32_t kOffExit = offsetof(TraceState, exit);
constexpr std::int32_t kOffIter = offsetof(TraceState, iterations);
constexpr std::int32_t kOffGpr = offsetof(TraceState, gpr);
constexpr std::int32_t kOffXmm = offsetof(TraceState, xmm);
constexpr std::int32_t kOffSave = offsetof(TraceState, save);
constexpr std::int32_t kOffSpill = offsetof(TraceState, spill);
constexpr std::int32_t kOffExitTrace = offsetof(TraceState, exit_trace);
// TraceState::save: [0, 32) general registers by number, [32, 64) float registers, then
// scratch words of the emitter.
constexpr int kSaveFpr = 32;
constexpr int kParkSlot = 64;   // a value parked while breaking a cycle of PHI moves
constexpr int kArgSlot = 65;    // three helper arguments
constexpr int kUnboxSlot = 68;  // krait_jit_unbox_int's and krait_jit_fpow's result
static_assert(kUnboxSlot < static_cast<int>(sizeof(TraceState::save) / 8));

// The frame of a root trace: x29/x30, the callee-saved x19-x28 and d8-d15 (AAPCS64 preserves
// only their low 64 bits, which is all a trace uses).
constexpr int kFrameBytes = 160;
constexpr int kStubBytes = 16;

// Registers a helper call clobbers among the allocatable ones: x0-x15 and v0-v7, v16-v31
// (AAPCS64 preserves x19-x28 and the low halves of v8-v15).
bool caller_saved(const Loc& l) {
  return l.kind == Loc::kXmm ? (l.index < 8 || l.index > 15) : l.index <= 15;
}

class Arm64Emitter {
 public:
  Arm64Emitter(Trace& t, const RegAllocResult& ra, CodeHolder& code)
      : t_(t), buf_(t.ir), ra_(ra), code_(code), a_(&code) {}
  bool run();

 private:
  // [base + off] for an access of `size` bytes: the scaled 12-bit offset form when it fits,
  // else the offset goes through kC (which must not be `base`).
  a64::Mem mem(const a64::GpX& base, std::int64_t off, int size = 8) {
    if (off >= 0 && off % size == 0 && off / size < 4096)
      return a64::ptr(base, static_cast<std::int32_t>(off));
    load_imm(kC, static_cast<std::uint64_t>(off));
    return a64::ptr(base, kC);
  }
  a64::Mem spill(int i) { return mem(kTsReg, kOffSpill + 8 * i); }
  a64::Mem save_slot(int i) { return mem(kTsReg, kOffSave + 8 * i); }
  const Loc& loc(IrRef r) const { return ra_.locs[r]; }

  void load_imm(const a64::GpX& dst, std::uint64_t v);
  void load_gp(const a64::GpX& dst, IrRef r);
  // The register holding r, or r loaded into `scratch` (for reading only).
  a64::GpX gp_in(IrRef r, const a64::GpX& scratch) {
    if (!is_const(r) && loc(r).kind == Loc::kGpr) return a64::x(loc(r).index);
    load_gp(scratch, r);
    return scratch;
  }
  // Whether r is an integer constant that an add/sub/cmp immediate (12 bits) encodes.
  bool imm12_of(IrRef r, std::int64_t* v) const {
    if (!is_const(r) || buf_.type_of(r) == IrType::k_flt) return false;
    const std::int64_t x = buf_.konst(r).i;
    if (x < 0 || x > 4095) return false;
    *v = x;
    return true;
  }
  void cmp_ops(IrRef a, IrRef b) {
    const a64::GpX ra = gp_in(a, kA);
    std::int64_t v;
    if (imm12_of(b, &v)) {
      a_.cmp(ra, v);
    } else {
      a_.cmp(ra, gp_in(b, kB));
    }
  }
  void load_fp(const a64::VecD& dst, IrRef r);
  void store_gp(IrRef r, const a64::GpX& src);
  void store_fp(IrRef r, const a64::VecD& src);
  Label exit_label(std::uint16_t snap);
  void emit_ins(IrRef i);
  // After compare i set the flags (`cc`: the compare holds): when its guard branches with it,
  // the branch to the guard's exit on the failing outcome. Each of the twelve compares is one
  // condition, unordered floats included, so its negation is exactly the bool's complement.
  bool branch_to_guard(IrRef i, a64::CondCode cc) {
    if (!fused_compare_guard(buf_, ra_, i + 1)) return false;
    const IrIns& g = buf_.at(i + 1);
    a_.b(g.op == IrOp::GFALSE ? cc : a64::negateCond(cc), exit_label(g.lit));
    return true;
  }
  void emit_stlist_call(IrRef i);
  // `after` runs before the saved registers come back (x0/d0 may be among them): it must
  // take the helper's result out of x0/d0 into a scratch register.
  void call_helper(IrRef at, const void* fn, const std::function<void()>& set_args,
                   const std::function<void()>& after);
  void emit_unboxi(IrRef i, const IrIns& in);
  void emit_divmod(const IrIns& in);
  void parallel_move(std::vector<PendingMove> moves);
  void emit_link();
  void bump_iterations() {
    a_.ldr(kA, a64::ptr(kTsReg, kOffIter));
    a_.add(kA, kA, 1);
    a_.str(kA, a64::ptr(kTsReg, kOffIter));
  }

  Trace& t_;
  const IrBuffer& buf_;
  const RegAllocResult& ra_;
  CodeHolder& code_;
  a64::Assembler a_;
  std::vector<Label> exits_;
  std::vector<std::function<void()>> slow_paths_;
  Label loop_;

 public:
  const std::vector<Label>& exits() const { return exits_; }
  const Label& loop() const { return loop_; }
};

// movz (or movn for mostly-ones values) and a movk per remaining non-trivial 16-bit chunk.
void Arm64Emitter::load_imm(const a64::GpX& dst, std::uint64_t v) {
  int zeros = 0, ones = 0;
  for (int k = 0; k < 4; ++k) {
    const std::uint64_t c = (v >> (16 * k)) & 0xffff;
    zeros += c == 0;
    ones += c == 0xffff;
  }
  const bool inverted = ones > zeros;
  const std::uint64_t fill = inverted ? 0xffff : 0;
  bool first = true;
  for (int k = 0; k < 4; ++k) {
    const std::uint64_t c = (v >> (16 * k)) & 0xffff;
    if (c == fill) continue;
    if (first) {
      if (inverted)
        a_.movn(dst, (~c) & 0xffff, a64::lsl(16 * k));
      else
        a_.movz(dst, c, a64::lsl(16 * k));
      first = false;
    } else {
      a_.movk(dst, c, a64::lsl(16 * k));
    }
  }
  if (first) {  // 0 or all ones
    if (inverted)
      a_.movn(dst, 0);
    else
      a_.movz(dst, 0);
  }
}

void Arm64Emitter::load_gp(const a64::GpX& dst, IrRef r) {
  if (is_const(r)) {
    load_imm(dst, static_cast<std::uint64_t>(buf_.konst(r).i));
    return;
  }
  const Loc& l = loc(r);
  if (l.kind == Loc::kGpr) {
    if (l.index != dst.id()) a_.mov(dst, a64::x(l.index));
  } else if (l.kind == Loc::kSpill) {
    a_.ldr(dst, spill(l.index));
  } else {
    a_.movz(dst, 0);  // a value nothing reads (cannot happen for operands)
  }
}

void Arm64Emitter::load_fp(const a64::VecD& dst, IrRef r) {
  if (is_const(r)) {
    load_imm(kA, static_cast<std::uint64_t>(buf_.konst(r).i));
    a_.fmov(dst, kA);
    return;
  }
  const Loc& l = loc(r);
  if (l.kind == Loc::kXmm) {
    if (l.index != dst.id()) a_.fmov(dst, a64::d(l.index));
  } else if (l.kind == Loc::kSpill) {
    a_.ldr(dst, spill(l.index));
  }
}

void Arm64Emitter::store_gp(IrRef r, const a64::GpX& src) {
  const Loc& l = loc(r);
  if (l.kind == Loc::kGpr) {
    if (l.index != src.id()) a_.mov(a64::x(l.index), src);
  } else if (l.kind == Loc::kSpill) {
    a_.str(src, spill(l.index));
  }
}

void Arm64Emitter::store_fp(IrRef r, const a64::VecD& src) {
  const Loc& l = loc(r);
  if (l.kind == Loc::kXmm) {
    if (l.index != src.id()) a_.fmov(a64::d(l.index), src);
  } else if (l.kind == Loc::kSpill) {
    a_.str(src, spill(l.index));
  }
}

Label Arm64Emitter::exit_label(std::uint16_t snap) { return exits_[snap]; }

// Calls `fn` with the caller-saved registers that hold values live across `at` saved in
// TraceState::save and restored afterwards (loads and stores leave the flags alone).
void Arm64Emitter::call_helper(IrRef at, const void* fn, const std::function<void()>& set_args,
                               const std::function<void()>& after) {
  const std::vector<Loc> saved = saved_across_call(t_, ra_, at, caller_saved);
  for (const Loc& l : saved) {
    if (l.kind == Loc::kGpr) {
      a_.str(a64::x(l.index), save_slot(l.index));
    } else {
      a_.str(a64::d(l.index), save_slot(kSaveFpr + l.index));
    }
  }
  set_args();
  load_imm(kA, reinterpret_cast<std::uint64_t>(fn));
  a_.blr(kA);
  after();
  for (const Loc& l : saved) {
    if (l.kind == Loc::kGpr) {
      a_.ldr(a64::x(l.index), save_slot(l.index));
    } else {
      a_.ldr(a64::d(l.index), save_slot(kSaveFpr + l.index));
    }
  }
}

// Ints of at most one 30-bit digit inline (value = size * digit0, size in -1..1), two digits
// out of line, the rest through the helper, which exits when the int does not fit in int64.
void Arm64Emitter::emit_unboxi(IrRef i, const IrIns& in) {
  Label slow = a_.newLabel(), done = a_.newLabel();
  const auto digit = static_cast<std::int32_t>(offsetof(PyLongObject, ob_digit));
  load_gp(kA, in.a);
  a_.ldr(kB, a64::ptr(kA, offsetof(PyVarObject, ob_size)));
  a_.add(kB, kB, 1);
  a_.cmp(kB, 2);
  a_.b_hi(slow);
  a_.sub(kB, kB, 1);
  a_.ldr(kA.w(), a64::ptr(kA, digit));
  a_.mul(kA, kA, kB);
  a_.bind(done);
  store_gp(i, kA);
  const std::uint16_t snap = in.lit;
  slow_paths_.push_back([this, i, slow, done, snap, digit]() {
    // Two digits (|value| < 2**60, e.g. sums past 2**30) still without a call: kB holds
    // size + 1 here.
    Label helper = a_.newLabel(), neg = a_.newLabel();
    a_.bind(slow);
    a_.cmn(kB, 1);
    a_.b_eq(neg);
    a_.cmp(kB, 3);
    a_.b_ne(helper);
    a_.ldr(kB.w(), a64::ptr(kA, digit + 4));
    a_.ldr(kA.w(), a64::ptr(kA, digit));
    a_.orr(kA, kA, kB, a64::lsl(PyLong_SHIFT));
    a_.b(done);
    a_.bind(neg);
    a_.ldr(kB.w(), a64::ptr(kA, digit + 4));
    a_.ldr(kA.w(), a64::ptr(kA, digit));
    a_.orr(kA, kA, kB, a64::lsl(PyLong_SHIFT));
    a_.neg(kA, kA);
    a_.b(done);
    a_.bind(helper);
    call_helper(
        i, reinterpret_cast<const void*>(&krait_jit_unbox_int),
        [this]() {
          a_.mov(a64::x0, kA);
          a_.add(a64::x1, kTsReg, kOffSave + 8 * kUnboxSlot);
        },
        [this]() { a_.mov(kB.w(), a64::w0); });
    a_.cbnz(kB.w(), exit_label(snap));
    a_.ldr(kA, save_slot(kUnboxSlot));
    a_.b(done);
  });
}

// Python's // and % round toward -inf: sdiv truncates, so a non-zero remainder whose sign
// differs from the divisor's moves the quotient down by one and the remainder up by the
// divisor. b == -1 is separate (INT64_MIN // -1 overflows; sdiv would wrap).
void Arm64Emitter::emit_divmod(const IrIns& in) {
  const bool div = in.op == IrOp::FLOORDIV;
  Label by_minus1 = a_.newLabel(), done = a_.newLabel(), fixed = a_.newLabel();
  load_gp(kA, in.a);
  load_gp(kB, in.b);
  a_.cbz(kB, exit_label(in.lit));
  a_.cmn(kB, 1);
  a_.b_eq(by_minus1);
  a_.sdiv(kC, kA, kB);      // q
  a_.msub(kA, kC, kB, kA);  // r = a - q * b
  a_.cbz(kA, fixed);
  if (div) {
    a_.eor(kA, kA, kB);
    a_.tbz(kA, 63, fixed);
    a_.sub(kC, kC, 1);
  } else {
    a_.eor(kC, kA, kB);
    a_.tbz(kC, 63, fixed);
    a_.add(kA, kA, kB);
  }
  a_.bind(fixed);
  if (div) a_.mov(kA, kC);
  a_.b(done);
  a_.bind(by_minus1);
  if (div) {
    a_.negs(kA, kA);
    a_.b_vs(exit_label(in.lit));
  } else {
    a_.movz(kA, 0);
  }
  a_.bind(done);
}

// STLIST through its helper (list, index, value), exiting when the helper refuses.
void Arm64Emitter::emit_stlist_call(IrRef i) {
  const IrIns& in = buf_.at(i);
  const IrIns& args = buf_.at(in.a);
  const bool flt = buf_.type_of(in.b) == IrType::k_flt;
  const void* fn = helper_for(in.op, buf_.type_of(in.b));
  // Arguments go through the scratch area first: an argument register may hold another
  // argument's value.
  load_gp(kA, args.a);
  a_.str(kA, save_slot(kArgSlot));
  load_gp(kA, args.b);
  a_.str(kA, save_slot(kArgSlot + 1));
  if (flt) {
    load_fp(kFa, in.b);
  } else {
    load_gp(kA, in.b);
    a_.str(kA, save_slot(kArgSlot + 2));
  }
  call_helper(
      i, fn,
      [this, flt]() {
        a_.ldr(a64::x0, save_slot(kArgSlot));
        a_.ldr(a64::x1, save_slot(kArgSlot + 1));
        if (flt) {
          a_.fmov(a64::d0, kFa);
        } else {
          a_.ldr(a64::x2, save_slot(kArgSlot + 2));
        }
      },
      [this]() { a_.mov(kB.w(), a64::w0); });
  a_.cbnz(kB.w(), exit_label(in.lit));
}

void Arm64Emitter::emit_ins(IrRef i) {
  const IrIns& in = buf_.at(i);
  const bool has_result = needs_location(buf_, i) && loc(i).kind != Loc::kNone;
  switch (in.op) {
    case IrOp::SLOAD:
      if (!has_result) return;
      a_.ldr(kA, a64::ptr(kTsReg, kOffSlots));
      a_.ldr(kA, mem(kA, 8 * static_cast<std::int64_t>(in.lit)));
      store_gp(i, kA);
      return;
    case IrOp::FRAME:
      if (!has_result) return;
      a_.ldr(kA, a64::ptr(kTsReg, kOffFrame));
      store_gp(i, kA);
      return;
    case IrOp::LOOP:
      a_.bind(loop_);
      return;
    case IrOp::PHI:
    case IrOp::CARG:
    case IrOp::PVAL:
      return;
    case IrOp::LINK:
      emit_link();
      return;
    case IrOp::GTYPE:
      load_gp(kA, in.a);
      a_.ldr(kA, a64::ptr(kA, offsetof(PyObject, ob_type)));
      load_imm(kB, reinterpret_cast<std::uint64_t>(buf_.konst(in.b).p));
      a_.cmp(kA, kB);
      a_.b_ne(exit_label(in.lit));
      return;
    case IrOp::GEQ:
    case IrOp::GNE:
    case IrOp::GLT:
    case IrOp::GULT:
      cmp_ops(in.a, in.b);
      if (in.op == IrOp::GEQ) a_.b_ne(exit_label(in.lit));
      if (in.op == IrOp::GNE) a_.b_eq(exit_label(in.lit));
      if (in.op == IrOp::GLT) a_.b_ge(exit_label(in.lit));
      if (in.op == IrOp::GULT) a_.b_hs(exit_label(in.lit));
      return;
    case IrOp::GTRUE:
    case IrOp::GFALSE: {
      if (fused_compare_guard(buf_, ra_, i)) return;  // emitted with its compare
      const a64::GpX r = gp_in(in.a, kA);
      if (in.op == IrOp::GTRUE)
        a_.cbz(r, exit_label(in.lit));
      else
        a_.cbnz(r, exit_label(in.lit));
      return;
    }
    case IrOp::GKEYS: {
      int ma_keys = 0, dk_version = 0;
      krait_dict_keys_offsets(&ma_keys, &dk_version);
      load_gp(kA, in.a);
      a_.ldr(kA, mem(kA, ma_keys));
      a_.ldr(kA.w(), mem(kA, dk_version, 4));
      load_imm(kB, static_cast<std::uint32_t>(buf_.konst(in.b).i));
      a_.cmp(kA.w(), kB.w());
      a_.b_ne(exit_label(in.lit));
      return;
    }
    case IrOp::EXIT:
      a_.b(exit_label(in.lit));
      return;
    case IrOp::GBREAK:
      load_imm(kA, reinterpret_cast<std::uint64_t>(buf_.konst(in.a).p));
      a_.ldr(kA.w(), a64::ptr(kA));
      a_.cbnz(kA.w(), exit_label(in.lit));
      return;
    case IrOp::UNBOXI:
      emit_unboxi(i, in);
      return;
    case IrOp::UNBOXF:
      if (!has_result) return;
      load_gp(kA, in.a);
      a_.ldr(kFa, a64::ptr(kA, offsetof(PyFloatObject, ob_fval)));
      store_fp(i, kFa);
      return;
    case IrOp::ADDOV:
    case IrOp::SUBOV: {
      load_gp(kA, in.a);
      std::int64_t v;
      if (imm12_of(in.b, &v)) {
        if (in.op == IrOp::ADDOV) a_.adds(kA, kA, v);
        if (in.op == IrOp::SUBOV) a_.subs(kA, kA, v);
      } else {
        const a64::GpX rb = gp_in(in.b, kB);
        if (in.op == IrOp::ADDOV) a_.adds(kA, kA, rb);
        if (in.op == IrOp::SUBOV) a_.subs(kA, kA, rb);
      }
      a_.b_vs(exit_label(in.lit));
      store_gp(i, kA);
      return;
    }
    case IrOp::MULOV: {
      // The product fits when its high 64 bits are the sign extension of the low 64.
      load_gp(kA, in.a);
      const a64::GpX rb = gp_in(in.b, kB);
      a_.mul(kC, kA, rb);
      a_.smulh(kB, kA, rb);
      a_.cmp(kB, kC, a64::asr(63));
      a_.b_ne(exit_label(in.lit));
      store_gp(i, kC);
      return;
    }
    case IrOp::NEGOV:
      load_gp(kA, in.a);
      a_.negs(kA, kA);
      a_.b_vs(exit_label(in.lit));
      store_gp(i, kA);
      return;
    case IrOp::FLOORDIV:
    case IrOp::MOD:
      emit_divmod(in);
      store_gp(i, kA);
      return;
    case IrOp::ADD:
    case IrOp::SUB: {
      load_gp(kA, in.a);
      std::int64_t v;
      if (imm12_of(in.b, &v)) {
        if (in.op == IrOp::ADD) a_.add(kA, kA, v);
        if (in.op == IrOp::SUB) a_.sub(kA, kA, v);
      } else {
        const a64::GpX rb = gp_in(in.b, kB);
        if (in.op == IrOp::ADD) a_.add(kA, kA, rb);
        if (in.op == IrOp::SUB) a_.sub(kA, kA, rb);
      }
      store_gp(i, kA);
      return;
    }
    case IrOp::MUL:
    case IrOp::BAND:
    case IrOp::BOR:
    case IrOp::BXOR: {
      load_gp(kA, in.a);
      const a64::GpX rb = gp_in(in.b, kB);
      if (in.op == IrOp::MUL) a_.mul(kA, kA, rb);
      if (in.op == IrOp::BAND) a_.and_(kA, kA, rb);
      if (in.op == IrOp::BOR) a_.orr(kA, kA, rb);
      if (in.op == IrOp::BXOR) a_.eor(kA, kA, rb);
      store_gp(i, kA);
      return;
    }
    case IrOp::SAR:  // the count is a constant in 0..63 (ir_verify)
      load_gp(kA, in.a);
      a_.asr(kA, kA, static_cast<std::uint32_t>(buf_.konst(in.b).i));
      store_gp(i, kA);
      return;
    case IrOp::LT:
    case IrOp::LE:
    case IrOp::GT:
    case IrOp::GE:
    case IrOp::EQ:
    case IrOp::NE: {
      cmp_ops(in.a, in.b);
      a64::CondCode cc = a64::CondCode::kEQ;
      if (in.op == IrOp::LT) cc = a64::CondCode::kLT;
      if (in.op == IrOp::LE) cc = a64::CondCode::kLE;
      if (in.op == IrOp::GT) cc = a64::CondCode::kGT;
      if (in.op == IrOp::GE) cc = a64::CondCode::kGE;
      if (in.op == IrOp::NE) cc = a64::CondCode::kNE;
      if (branch_to_guard(i, cc)) return;
      a_.cset(kA, Imm(static_cast<std::uint32_t>(cc)));
      store_gp(i, kA);
      return;
    }
    case IrOp::NOT:
      load_gp(kA, in.a);
      a_.eor(kA, kA, 1);
      store_gp(i, kA);
      return;
    case IrOp::ITOF:
      load_gp(kA, in.a);
      a_.scvtf(kFa, kA);
      store_fp(i, kFa);
      return;
    case IrOp::FADD:
    case IrOp::FSUB:
    case IrOp::FMUL:
    case IrOp::FDIV:
      load_fp(kFb, in.b);
      if (in.op == IrOp::FDIV) {
        // A zero divisor (either sign) exits: the interpreter raises ZeroDivisionError.
        a_.fcmp(kFb, 0.0);
        a_.b_eq(exit_label(in.lit));
      }
      load_fp(kFa, in.a);
      if (in.op == IrOp::FADD) a_.fadd(kFa, kFa, kFb);
      if (in.op == IrOp::FSUB) a_.fsub(kFa, kFa, kFb);
      if (in.op == IrOp::FMUL) a_.fmul(kFa, kFa, kFb);
      if (in.op == IrOp::FDIV) a_.fdiv(kFa, kFa, kFb);
      store_fp(i, kFa);
      return;
    case IrOp::FMOD:
    case IrOp::FFLOORDIV: {
      load_fp(kFb, in.b);
      a_.fcmp(kFb, 0.0);
      a_.b_eq(exit_label(in.lit));
      load_fp(kFa, in.a);
      const void* fn = helper_for(in.op, IrType::k_flt);
      call_helper(
          i, fn,
          [this]() {
            a_.fmov(a64::d0, kFa);
            a_.fmov(a64::d1, kFb);
          },
          [this]() { a_.fmov(kFa, a64::d0); });
      store_fp(i, kFa);
      return;
    }
    case IrOp::FPOW:
      // As on x86-64: the helper's failure exits before the result is written.
      load_fp(kFa, in.a);
      load_fp(kFb, in.b);
      call_helper(
          i, helper_for(in.op, IrType::k_flt),
          [this]() {
            a_.fmov(a64::d0, kFa);
            a_.fmov(a64::d1, kFb);
            a_.add(a64::x0, kTsReg, kOffSave + 8 * kUnboxSlot);
          },
          [this]() { a_.mov(kB.w(), a64::w0); });
      a_.cbnz(kB.w(), exit_label(in.lit));
      a_.ldr(kFa, save_slot(kUnboxSlot));
      store_fp(i, kFa);
      return;
    case IrOp::FNEG:
      load_fp(kFa, in.a);
      a_.fneg(kFa, kFa);
      store_fp(i, kFa);
      return;
    case IrOp::FLT:
    case IrOp::FLE:
    case IrOp::FGT:
    case IrOp::FGE:
    case IrOp::FEQ:
    case IrOp::FNE: {
      load_fp(kFa, in.a);
      load_fp(kFb, in.b);
      a_.fcmp(kFa, kFb);
      // Unordered (NaN) sets C and V: mi, ls, gt, ge and eq are false then, ne is true, as
      // in C and CPython.
      a64::CondCode cc = a64::CondCode::kEQ;
      if (in.op == IrOp::FLT) cc = a64::CondCode::kMI;
      if (in.op == IrOp::FLE) cc = a64::CondCode::kLS;
      if (in.op == IrOp::FGT) cc = a64::CondCode::kGT;
      if (in.op == IrOp::FGE) cc = a64::CondCode::kGE;
      if (in.op == IrOp::FNE) cc = a64::CondCode::kNE;
      if (branch_to_guard(i, cc)) return;
      a_.cset(kA, Imm(static_cast<std::uint32_t>(cc)));
      store_gp(i, kA);
      return;
    }
    case IrOp::LDFLD:
      if (!has_result) return;
      load_gp(kA, in.a);
      a_.ldr(kA, mem(kA, in.lit));
      store_gp(i, kA);
      return;
    case IrOp::STFLD:
      load_gp(kA, in.a);
      load_gp(kB, in.b);
      a_.str(kB, mem(kA, in.lit));
      return;
    case IrOp::LDELEM:
      if (!has_result) return;
      load_gp(kA, in.a);
      load_gp(kB, in.b);
      a_.add(kA, kA, kB, a64::lsl(3));
      a_.ldr(kA, mem(kA, in.lit));
      store_gp(i, kA);
      return;
    case IrOp::STLIST: {
      if (buf_.type_of(in.b) != IrType::k_flt) {
        emit_stlist_call(i);
        return;
      }
      // As on x86-64: an exact float only the list references takes the value in place.
      Label slow = a_.newLabel(), done = a_.newLabel();
      const IrIns& args = buf_.at(in.a);
      load_fp(kFa, in.b);
      load_gp(kA, args.a);
      a_.ldr(kA, mem(kA, kOffListItems));
      load_gp(kB, args.b);
      a_.add(kA, kA, kB, a64::lsl(3));
      a_.ldr(kA, a64::ptr(kA));
      load_imm(kB, reinterpret_cast<std::uint64_t>(&PyFloat_Type));
      a_.ldr(kC, mem(kA, offsetof(PyObject, ob_type)));
      a_.cmp(kC, kB);
      a_.b_ne(slow);
      a_.ldr(kC, mem(kA, offsetof(PyObject, ob_refcnt)));
      a_.cmp(kC, 1);
      a_.b_ne(slow);
      a_.str(kFa, mem(kA, offsetof(PyFloatObject, ob_fval)));
      a_.bind(done);
      slow_paths_.push_back([this, i, slow, done]() {
        a_.bind(slow);
        emit_stlist_call(i);
        a_.b(done);
      });
      return;
    }
    case IrOp::LAPPEND: {
      const IrType vt = buf_.type_of(in.b);
      const void* fn = helper_for(in.op, vt);
      load_gp(kA, in.a);
      a_.str(kA, save_slot(kArgSlot));
      if (vt == IrType::k_flt) {
        load_fp(kFa, in.b);
      } else {
        load_gp(kA, in.b);
        a_.str(kA, save_slot(kArgSlot + 1));
      }
      call_helper(
          i, fn,
          [this, vt]() {
            a_.ldr(a64::x0, save_slot(kArgSlot));
            if (vt == IrType::k_flt) {
              a_.fmov(a64::d0, kFa);
            } else {
              a_.ldr(a64::x1, save_slot(kArgSlot + 1));
            }
          },
          [this]() { a_.mov(kB.w(), a64::w0); });
      a_.cbnz(kB.w(), exit_label(in.lit));
      return;
    }
    case IrOp::RITER: {
      const IrIns& args = buf_.at(in.a);
      load_gp(kA, args.a);
      a_.str(kA, save_slot(kArgSlot));
      load_gp(kA, args.b);
      a_.str(kA, save_slot(kArgSlot + 1));
      load_gp(kA, in.b);
      a_.str(kA, save_slot(kArgSlot + 2));
      call_helper(
          i, helper_for(in.op, IrType::k_int),
          [this]() {
            a_.ldr(a64::x0, save_slot(kArgSlot));
            a_.ldr(a64::x1, save_slot(kArgSlot + 1));
            a_.ldr(a64::x2, save_slot(kArgSlot + 2));
          },
          [this]() { a_.mov(kB.w(), a64::w0); });
      a_.cbnz(kB.w(), exit_label(in.lit));
      return;
    }
    case IrOp::LITER:
      load_gp(kA, in.a);
      a_.str(kA, save_slot(kArgSlot));
      load_gp(kA, in.b);
      a_.str(kA, save_slot(kArgSlot + 1));
      call_helper(
          i, helper_for(in.op, IrType::k_obj),
          [this]() {
            a_.ldr(a64::x0, save_slot(kArgSlot));
            a_.ldr(a64::x1, save_slot(kArgSlot + 1));
          },
          [this]() { a_.mov(kB.w(), a64::w0); });
      a_.cbnz(kB.w(), exit_label(in.lit));
      return;
    case IrOp::SSTORE: {
      const IrType vt = buf_.type_of(in.b);
      const void* fn = helper_for(in.op, vt);
      if (vt == IrType::k_flt) {
        load_fp(kFa, in.b);
      } else {
        load_gp(kA, in.b);
        a_.str(kA, save_slot(kArgSlot));
      }
      const std::int64_t slot = buf_.konst(in.a).i;
      call_helper(
          i, fn,
          [this, vt, slot]() {
            a_.ldr(a64::x0, a64::ptr(kTsReg, kOffSlots));
            load_imm(a64::x1, static_cast<std::uint64_t>(slot));
            if (vt == IrType::k_flt) {
              a_.fmov(a64::d0, kFa);
            } else {
              a_.ldr(a64::x2, save_slot(kArgSlot));
            }
          },
          [this]() { a_.mov(kB.w(), a64::w0); });
      a_.cbnz(kB.w(), exit_label(in.lit));
      return;
    }
    case IrOp::NEWLIST: {
      const std::int64_t slot = buf_.konst(in.a).i;
      call_helper(
          i, helper_for(in.op, IrType::k_void),
          [this, slot]() {
            a_.ldr(a64::x0, a64::ptr(kTsReg, kOffSlots));
            load_imm(a64::x1, static_cast<std::uint64_t>(slot));
          },
          [this]() { a_.mov(kB, a64::x0); });
      a_.cbz(kB, exit_label(in.lit));
      store_gp(i, kB);
      return;
    }
    case IrOp::FTOI:
      // fcvtzs saturates: NaN gives 0 (caught by the unordered compare), values outside
      // int64 give INT64_MAX or INT64_MIN. INT64_MIN itself is exactly representable but
      // rare, and exiting for it is merely slower (as on x86-64).
      load_fp(kFa, in.a);
      a_.fcmp(kFa, kFa);
      a_.b_vs(exit_label(in.lit));
      a_.fcvtzs(kA, kFa);
      a_.eor(kB, kA, kA, a64::asr(63));  // INT64_MIN and INT64_MAX both become INT64_MAX
      load_imm(kC, 0x7fffffffffffffffull);
      a_.cmp(kB, kC);
      a_.b_eq(exit_label(in.lit));
      store_gp(i, kA);
      return;
    case IrOp::kCount:
      return;
  }
}

// A side trace's end: the root's loop-carried values into the root's locations (one parallel
// assignment), count the iteration, and continue in the root's loop.
void Arm64Emitter::emit_link() {
  parallel_move(link_moves(t_, ra_));
  bump_iterations();
  load_imm(kA, reinterpret_cast<std::uint64_t>(t_.root->loop_addr));
  a_.br(kA);
}

// Moves every source into its destination as if all at once (cycles broken through a save
// slot). Sources are read with the scratch registers, so any source may also be a destination.
void Arm64Emitter::parallel_move(std::vector<PendingMove> moves) {
  auto move = [&](const PendingMove& m) {
    const bool fp = buf_.type_of(m.src) == IrType::k_flt;
    if (fp) {
      if (m.parked)
        a_.ldr(kFa, save_slot(kParkSlot));
      else
        load_fp(kFa, m.src);
      if (m.dst.kind == Loc::kXmm)
        a_.fmov(a64::d(m.dst.index), kFa);
      else
        a_.str(kFa, spill(m.dst.index));
    } else {
      if (m.parked)
        a_.ldr(kA, save_slot(kParkSlot));
      else
        load_gp(kA, m.src);
      if (m.dst.kind == Loc::kGpr)
        a_.mov(a64::x(m.dst.index), kA);
      else
        a_.str(kA, spill(m.dst.index));
    }
  };
  auto park = [&](const Loc& parked) {
    if (parked.kind == Loc::kGpr) {
      a_.str(a64::x(parked.index), save_slot(kParkSlot));
    } else if (parked.kind == Loc::kXmm) {
      a_.str(a64::d(parked.index), save_slot(kParkSlot));
    } else {
      a_.ldr(kA, spill(parked.index));
      a_.str(kA, save_slot(kParkSlot));
    }
  };
  order_moves(ra_, std::move(moves), move, park);
}

bool Arm64Emitter::run() {
  // Register-mode side traces are jumped to from an exit stub, inside the root's frame.
  const bool inside_root = t_.patched;
  exits_.resize(buf_.snaps.size());
  for (auto& l : exits_) l = a_.newLabel();
  loop_ = a_.newLabel();
  Label common_exit = a_.newLabel();
  if (!inside_root) {
    a_.stp(a64::x29, a64::x30, a64::ptr_pre(a64::sp, -kFrameBytes));
    a_.mov(a64::x29, a64::sp);
    for (int k = 0; k < 5; ++k)
      a_.stp(a64::x(19 + 2 * k), a64::x(20 + 2 * k), a64::ptr(a64::sp, 16 + 16 * k));
    for (int k = 0; k < 4; ++k)
      a_.stp(a64::d(8 + 2 * k), a64::d(9 + 2 * k), a64::ptr(a64::sp, 96 + 16 * k));
    a_.mov(kTsReg, a64::x0);
  }
  for (IrRef i = 0; i < buf_.size(); ++i) emit_ins(i);
  const IrOp last = buf_.size() ? buf_.at(buf_.size() - 1).op : IrOp::LOOP;
  if (buf_.loop != kNoRef) {
    parallel_move(phi_moves(buf_, ra_));  // the back-edge
    bump_iterations();
    a_.b(loop_);
  } else if (last != IrOp::EXIT && last != IrOp::LINK) {
    return false;  // a trace loops, or ends in an exit or a link (side traces)
  }
  for (auto& sp : slow_paths_) sp();
  // One 16-byte stub per snapshot (room for the patched absolute jump).
  for (std::size_t s = 0; s < exits_.size(); ++s) {
    a_.align(AlignMode::kCode, kStubBytes);
    a_.bind(exits_[s]);
    a_.movz(kA.w(), static_cast<std::uint32_t>(s));  // fits: snapshot numbers are 16-bit
    a_.str(kA.w(), a64::ptr(kTsReg, kOffExit));
    a_.b(common_exit);
    a_.nop();
  }
  a_.align(AlignMode::kCode, kStubBytes);
  a_.bind(common_exit);
  // Every register a value can live in, by number (the scratch registers hold none).
  a_.add(kA, kTsReg, kOffGpr);
  for (int g = 0; g < 28; g += 2) a_.stp(a64::x(g), a64::x(g + 1), a64::ptr(kA, 8 * g));
  a_.add(kA, kTsReg, kOffXmm);
  for (int v = 0; v < 32; v += 2) a_.stp(a64::d(v), a64::d(v + 1), a64::ptr(kA, 8 * v));
  load_imm(kA, reinterpret_cast<std::uint64_t>(&t_));
  a_.str(kA, mem(kTsReg, kOffExitTrace));
  a_.ldr(a64::w0, a64::ptr(kTsReg, kOffExit));
  for (int k = 3; k >= 0; --k)
    a_.ldp(a64::d(8 + 2 * k), a64::d(9 + 2 * k), a64::ptr(a64::sp, 96 + 16 * k));
  for (int k = 4; k >= 0; --k)
    a_.ldp(a64::x(19 + 2 * k), a64::x(20 + 2 * k), a64::ptr(a64::sp, 16 + 16 * k));
  a_.ldp(a64::x29, a64::x30, a64::ptr_post(a64::sp, kFrameBytes));
  a_.ret(a64::x30);
  return true;
}

// Records the first encoding error (asmjit reports through the handler, not by throwing).
class ErrorFlag : public ErrorHandler {
 public:
  void handleError(Error err, const char* message, BaseEmitter*) override {
    if (error == kErrorOk) {
      error = err;
      text = message;
    }
  }
  Error error = kErrorOk;
  std::string text;
};

}  // namespace

const RegFile& arm64_regfile() {
  // Callee-saved first (x19-x27, d8-d15): values in them survive helper calls without saving.
  static const RegFile regs{
      {19, 20, 21, 22, 23, 24, 25, 26, 27, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14},
      {8, 9,  10, 11, 12, 13, 14, 15, 0,  1,  2,  3,  4,  5,  6,
       7, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29}};
  return regs;
}

const Target& arm64_target() {
  static const Target target{"aarch64", arm64_regfile, arm64_assemble, arm64_patch_exit, "x", "d"};
  return target;
}

bool arm64_assemble(Trace& t, const RegAllocResult& ra, std::string* listing) {
  Environment env(Arch::kAArch64);
  CodeHolder code;
  code.init(env);
  ErrorFlag errors;
  code.setErrorHandler(&errors);
  StringLogger logger;
  if (listing) {
    logger.addFlags(FormatFlags::kMachineCode);
    code.setLogger(&logger);
  }
  Arm64Emitter em(t, ra, code);
  if (!em.run() || errors.error != kErrorOk || !install_code(code, t, em.exits(), em.loop()))
    return false;
  if (listing) *listing = logger.data();
  return true;
}

// Points exit `snap` of `t` at `target` (a side trace): its stub becomes ldr x16, #8; br x16;
// .quad target. The page is writable only for the write (W^X); mcode_patch flushes the
// instruction cache over the stub.
bool arm64_patch_exit(Trace& t, std::uint32_t snap, const void* target) {
  const std::uint32_t ldr_x16_lit8 = 0x58000050;  // ldr x16, [pc, #8]
  const std::uint32_t br_x16 = 0xd61f0200;
  unsigned char code[kStubBytes];
  const auto addr = reinterpret_cast<std::uint64_t>(target);
  std::memcpy(code, &ldr_x16_lit8, 4);
  std::memcpy(code + 4, &br_x16, 4);
  std::memcpy(code + 8, &addr, 8);
  return mcode_patch(MCode{t.mcode, t.mcode_size},
                     static_cast<char*>(t.mcode) + t.stub_offsets[snap], code, sizeof code);
}

}  // namespace krait::jit
