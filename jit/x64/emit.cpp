// The x86-64 backend: turns allocated IR into machine code with asmjit's x86::Assembler.
// Conventions: r15 holds the TraceState*, rax/r11 and xmm14/xmm15 are scratch, every other
// register except rsp is allocatable. Each instruction reads its operands into scratch
// registers, computes there, and writes its result last (the register allocator relies on
// that to give a result the register of an operand that dies at it). Guards jump to one
// stub per snapshot, which stores the snapshot number; the shared exit saves every register
// into TraceState for the deoptimizer and returns.
#include <asmjit/x86.h>

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

constexpr int kTs = 15;  // r15: TraceState*
const x86::Gp kTsReg = x86::r15;
const x86::Gp kA = x86::rax;
const x86::Gp kB = x86::r11;
const x86::Xmm kFa = x86::xmm15;
const x86::Xmm kFb = x86::xmm14;

constexpr std::int32_t kOffSlots = offsetof(TraceState, slots);
constexpr std::int32_t kOffFrame = offsetof(TraceState, frame);
constexpr std::int32_t kOffExit = offsetof(TraceState, exit);
constexpr std::int32_t kOffGpr = offsetof(TraceState, gpr);
constexpr std::int32_t kOffXmm = offsetof(TraceState, xmm);
constexpr std::int32_t kOffSave = offsetof(TraceState, save);
constexpr std::int32_t kOffSpill = offsetof(TraceState, spill);
// TraceState::save: [0, 16) general registers by number, [16, 32) xmm registers, then
// scratch words of the emitter.
constexpr int kParkSlot = 32;   // a value parked while breaking a cycle of PHI moves
constexpr int kArgSlot = 33;    // three helper arguments
constexpr int kRdxSlot = 36;    // rdx around idiv
constexpr int kUnboxSlot = 37;  // krait_jit_unbox_int's and krait_jit_fpow's result

// Registers a helper call clobbers among the allocatable ones: rcx rdx rsi rdi r8 r9 r10 and
// every xmm register.
bool caller_saved(const Loc& l) {
  if (l.kind == Loc::kXmm) return true;
  for (std::uint8_t g : {1, 2, 6, 7, 8, 9, 10}) {
    if (l.index == g) return true;
  }
  return false;
}

class X64Emitter {
 public:
  X64Emitter(Trace& t, const RegAllocResult& ra, CodeHolder& code)
      : t_(t), buf_(t.ir), ra_(ra), code_(code), a_(&code) {}
  bool run();

 private:
  x86::Mem spill(int i) const { return x86::qword_ptr(kTsReg, kOffSpill + 8 * i); }
  x86::Mem save_slot(int i) const { return x86::qword_ptr(kTsReg, kOffSave + 8 * i); }
  const Loc& loc(IrRef r) const { return ra_.locs[r]; }

  void load_gp(const x86::Gp& dst, IrRef r);
  // The register holding r, or r loaded into `scratch` (for reading only).
  x86::Gp gp_in(IrRef r, const x86::Gp& scratch) {
    if (!is_const(r) && loc(r).kind == Loc::kGpr) return x86::gpq(loc(r).index);
    load_gp(scratch, r);
    return scratch;
  }
  // Whether r is an integer constant that fits a sign-extended 32-bit immediate.
  bool imm32_of(IrRef r, std::int32_t* v) const {
    if (!is_const(r) || buf_.type_of(r) == IrType::k_flt) return false;
    const std::int64_t x = buf_.konst(r).i;
    if (x < INT32_MIN || x > INT32_MAX) return false;
    *v = static_cast<std::int32_t>(x);
    return true;
  }
  // Where a pure integer instruction (no exit) computes: straight in its result's register,
  // unless that register holds its second operand, which is read after the first is loaded.
  // A guard cannot do this: its exit may still need the old content of the register.
  x86::Gp pure_dst(IrRef i) const {
    const Loc& l = loc(i);
    if (l.kind != Loc::kGpr) return kA;
    const IrRef b = buf_.at(i).b;
    if (b != kNoRef && !is_const(b) && loc(b).kind == Loc::kGpr && loc(b).index == l.index)
      return kA;
    return x86::gpq(l.index);
  }
  // Where a load (no exit) puts its value: straight in its result's register.
  x86::Gp result_gp(IrRef i) const {
    return loc(i).kind == Loc::kGpr ? x86::gpq(loc(i).index) : kA;
  }
  void cmp_ops(IrRef a, IrRef b) {
    const x86::Gp ra = gp_in(a, kA);
    std::int32_t v;
    if (imm32_of(b, &v) && v == 0) {
      a_.test(ra, ra);  // the same flags as cmp ra, 0
    } else if (imm32_of(b, &v)) {
      a_.cmp(ra, v);
    } else {
      a_.cmp(ra, gp_in(b, kB));
    }
  }
  void load_xmm(const x86::Xmm& dst, IrRef r);
  // The register holding r, or r loaded into `scratch` (for reading only).
  x86::Xmm xmm_in(IrRef r, const x86::Xmm& scratch) {
    if (!is_const(r) && loc(r).kind == Loc::kXmm) return x86::xmm(loc(r).index);
    load_xmm(scratch, r);
    return scratch;
  }
  void store_gp(IrRef r, const x86::Gp& src);
  void store_xmm(IrRef r, const x86::Xmm& src);
  Label exit_label(std::uint16_t snap);
  Label const_label(std::uint64_t bits) {
    for (const auto& c : pool_) {
      if (c.first == bits) return c.second;
    }
    pool_.emplace_back(bits, a_.newLabel());
    return pool_.back().second;
  }
  void emit_ins(IrRef i);
  // g branches with its compare (fused_compare_guard); x86's float == and != need two flag
  // tests, so those keep their setcc.
  bool fused_guard(IrRef g) const {
    if (!fused_compare_guard(buf_, ra_, g)) return false;
    const IrOp c = buf_.at(g - 1).op;
    return c != IrOp::FEQ && c != IrOp::FNE;
  }
  void emit_stlist_call(IrRef i);
  void emit_div_by_const(IrRef i, std::int32_t d);
  void call_helper(IrRef at, const void* fn, const std::function<void()>& set_args,
                   const std::function<void()>& after = nullptr);
  void parallel_move(std::vector<PendingMove> moves);
  void emit_link();

  Trace& t_;
  const IrBuffer& buf_;
  const RegAllocResult& ra_;
  CodeHolder& code_;
  x86::Assembler a_;
  std::vector<Label> exits_;
  std::vector<std::uint8_t> exit_used_;
  std::vector<std::function<void()>> slow_paths_;
  std::vector<std::pair<std::uint64_t, Label>> pool_;  // float constants, by bits
  Label loop_;

 public:
  const std::vector<Label>& exits() const { return exits_; }
  const Label& loop() const { return loop_; }
};

void X64Emitter::load_gp(const x86::Gp& dst, IrRef r) {
  if (is_const(r)) {
    const IrConst& c = buf_.konst(r);
    if (c.i == 0) {
      a_.xor_(dst.r32(), dst.r32());
    } else {
      a_.mov(dst, static_cast<std::uint64_t>(c.i));
    }
    return;
  }
  const Loc& l = loc(r);
  if (l.kind == Loc::kGpr) {
    if (l.index != dst.id()) a_.mov(dst, x86::gpq(l.index));
  } else if (l.kind == Loc::kSpill) {
    a_.mov(dst, spill(l.index));
  } else {
    a_.xor_(dst.r32(), dst.r32());  // a value nothing reads (cannot happen for operands)
  }
}

void X64Emitter::load_xmm(const x86::Xmm& dst, IrRef r) {
  if (is_const(r)) {
    // +0.0 by xorps; any other double is read from the trace's constant pool (after its
    // code), not built in a general register on every use.
    const auto bits = static_cast<std::uint64_t>(buf_.konst(r).i);
    if (bits == 0) {
      a_.xorps(dst, dst);
    } else {
      a_.movsd(dst, x86::qword_ptr(const_label(bits)));
    }
    return;
  }
  const Loc& l = loc(r);
  if (l.kind == Loc::kXmm) {
    if (l.index != dst.id()) a_.movaps(dst, x86::xmm(l.index));
  } else if (l.kind == Loc::kSpill) {
    a_.movsd(dst, spill(l.index));
  }
}

void X64Emitter::store_gp(IrRef r, const x86::Gp& src) {
  const Loc& l = loc(r);
  if (l.kind == Loc::kGpr) {
    if (l.index != src.id()) a_.mov(x86::gpq(l.index), src);
  } else if (l.kind == Loc::kSpill) {
    a_.mov(spill(l.index), src);
  }
}

void X64Emitter::store_xmm(IrRef r, const x86::Xmm& src) {
  const Loc& l = loc(r);
  if (l.kind == Loc::kXmm) {
    if (l.index != src.id()) a_.movaps(x86::xmm(l.index), src);
  } else if (l.kind == Loc::kSpill) {
    a_.movsd(spill(l.index), src);
  }
}

Label X64Emitter::exit_label(std::uint16_t snap) {
  exit_used_[snap] = 1;
  return exits_[snap];
}

// Calls `fn` with the caller-saved registers that hold values live across `at` saved in
// TraceState::save and restored afterwards (restoring uses mov, so flags survive).
void X64Emitter::call_helper(IrRef at, const void* fn, const std::function<void()>& set_args,
                             const std::function<void()>& after) {
  const std::vector<Loc> saved = saved_across_call(t_, ra_, at, caller_saved);
  for (const Loc& l : saved) {
    if (l.kind == Loc::kGpr) {
      a_.mov(save_slot(l.index), x86::gpq(l.index));
    } else {
      a_.movsd(save_slot(16 + l.index), x86::xmm(l.index));
    }
  }
  set_args();
  a_.mov(kA, reinterpret_cast<std::uint64_t>(fn));
  a_.call(kA);
  if (after) after();  // before the restores: the result registers may be among them
  for (const Loc& l : saved) {
    if (l.kind == Loc::kGpr) {
      a_.mov(x86::gpq(l.index), save_slot(l.index));
    } else {
      a_.movsd(x86::xmm(l.index), save_slot(16 + l.index));
    }
  }
}

// Python's a // d and a % d for a constant d >= 2 without idiv (tens of cycles): with
// t = a >> 63 (all ones when a < 0), b = a ^ t lies in [0, 2**63) and floor(a / d) =
// (b / d) ^ t. The unsigned b / d is the high half of b * m shifted right by l - 1, where
// l = ceil(log2 d) and m = floor(2**(63 + l) / d) + 1 < 2**64: Granlund and Montgomery's
// bound for 63-bit numerators (m * d - 2**(63 + l) <= d <= 2**l). The remainder is
// a - q * d, in [0, d).
void X64Emitter::emit_div_by_const(IrRef i, std::int32_t d) {
  const IrIns& in = buf_.at(i);
  int l = 0;
  while ((std::uint64_t{1} << l) < static_cast<std::uint64_t>(d)) ++l;
  const unsigned __int128 num = static_cast<unsigned __int128>(1) << (63 + l);
  const auto m = static_cast<std::uint64_t>(num / static_cast<unsigned>(d)) + 1;
  load_gp(kA, in.a);
  a_.mov(kB, kA);
  a_.sar(kB, 63);
  a_.xor_(kA, kB);
  // mul writes rdx, an allocatable register: its value waits in the save area (a may be it).
  a_.mov(save_slot(kRdxSlot), x86::rdx);
  a_.mov(x86::rdx, m);
  a_.mul(x86::rdx);
  a_.mov(kA, x86::rdx);
  if (l > 1) a_.shr(kA, l - 1);
  a_.xor_(kA, kB);
  a_.mov(x86::rdx, save_slot(kRdxSlot));
  if (in.op == IrOp::MOD) {
    a_.imul(kA, kA, d);
    load_gp(kB, in.a);
    a_.sub(kB, kA);
    a_.mov(kA, kB);
  }
  store_gp(i, kA);
}

// STLIST through its helper (list, index, value), exiting when the helper refuses.
void X64Emitter::emit_stlist_call(IrRef i) {
  const IrIns& in = buf_.at(i);
  const IrIns& args = buf_.at(in.a);
  const bool flt = buf_.type_of(in.b) == IrType::k_flt;
  const void* fn = helper_for(in.op, buf_.type_of(in.b));
  // Arguments go through the scratch area first: an argument register may hold another
  // argument's value.
  load_gp(kA, args.a);
  a_.mov(save_slot(kArgSlot), kA);
  load_gp(kA, args.b);
  a_.mov(save_slot(kArgSlot + 1), kA);
  if (flt) {
    load_xmm(kFa, in.b);
  } else {
    load_gp(kA, in.b);
    a_.mov(save_slot(kArgSlot + 2), kA);
  }
  call_helper(i, fn, [this, flt]() {
    a_.mov(x86::rdi, save_slot(kArgSlot));
    a_.mov(x86::rsi, save_slot(kArgSlot + 1));
    if (flt) {
      a_.movaps(x86::xmm0, kFa);
    } else {
      a_.mov(x86::rdx, save_slot(kArgSlot + 2));
    }
  });
  a_.test(x86::eax, x86::eax);
  a_.jnz(exit_label(in.lit));
}

void X64Emitter::emit_ins(IrRef i) {
  const IrIns& in = buf_.at(i);
  const bool has_result = needs_location(buf_, i) && loc(i).kind != Loc::kNone;
  switch (in.op) {
    case IrOp::SLOAD:
      if (!has_result) return;
      a_.mov(kA, x86::qword_ptr(kTsReg, kOffSlots));
      a_.mov(kA, x86::qword_ptr(kA, 8 * in.lit));
      store_gp(i, kA);
      return;
    case IrOp::FRAME:
      if (!has_result) return;
      a_.mov(kA, x86::qword_ptr(kTsReg, kOffFrame));
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
    case IrOp::GTYPE: {
      const x86::Gp obj = gp_in(in.a, kA);
      const auto type = reinterpret_cast<std::uint64_t>(buf_.konst(in.b).p);
      const x86::Mem ob_type = x86::qword_ptr(obj, offsetof(PyObject, ob_type));
      if (type <= static_cast<std::uint64_t>(INT32_MAX)) {
        // Static types of a non-PIE executable (int, float, list, ...) fit an immediate.
        a_.cmp(ob_type, static_cast<std::int32_t>(type));
      } else {
        a_.mov(kB, type);
        a_.cmp(ob_type, kB);
      }
      a_.jne(exit_label(in.lit));
      return;
    }
    case IrOp::GEQ:
    case IrOp::GNE:
    case IrOp::GLT:
    case IrOp::GULT:
      cmp_ops(in.a, in.b);
      if (in.op == IrOp::GEQ) a_.jne(exit_label(in.lit));
      if (in.op == IrOp::GNE) a_.je(exit_label(in.lit));
      if (in.op == IrOp::GLT) a_.jge(exit_label(in.lit));
      if (in.op == IrOp::GULT) a_.jae(exit_label(in.lit));
      return;
    case IrOp::GTRUE:
    case IrOp::GFALSE: {
      if (fused_guard(i)) return;  // emitted with its compare
      const x86::Gp r = gp_in(in.a, kA);
      a_.test(r, r);
      if (in.op == IrOp::GTRUE)
        a_.jz(exit_label(in.lit));
      else
        a_.jnz(exit_label(in.lit));
      return;
    }
    case IrOp::GKEYS: {
      int ma_keys = 0, dk_version = 0;
      krait_dict_keys_offsets(&ma_keys, &dk_version);
      load_gp(kA, in.a);
      a_.mov(kA, x86::qword_ptr(kA, ma_keys));
      a_.cmp(x86::dword_ptr(kA, dk_version), static_cast<std::uint32_t>(buf_.konst(in.b).i));
      a_.jne(exit_label(in.lit));
      return;
    }
    case IrOp::EXIT:
      a_.jmp(exit_label(in.lit));
      return;
    case IrOp::GBREAK: {
      const auto addr = reinterpret_cast<std::uint64_t>(buf_.konst(in.a).p);
      if (addr <= static_cast<std::uint64_t>(INT32_MAX)) {
        // The main interpreter's breaker lives in the (non-PIE) executable: an absolute
        // 32-bit address.
        a_.cmp(x86::dword_ptr(addr), 0);
      } else {
        a_.mov(kA, addr);
        a_.cmp(x86::dword_ptr(kA), 0);
      }
      a_.jne(exit_label(in.lit));
      return;
    }
    case IrOp::UNBOXI: {
      // Ints of at most one 30-bit digit inline (value = size * digit0, size in -1..1), two
      // digits out of line, the rest through the helper, which exits when the int does not
      // fit in int64.
      Label slow = a_.newLabel(), done = a_.newLabel();
      load_gp(kA, in.a);
      a_.mov(kB, x86::qword_ptr(kA, offsetof(PyVarObject, ob_size)));
      a_.add(kB, 1);
      a_.cmp(kB, 2);
      a_.ja(slow);
      a_.sub(kB, 1);
      a_.mov(kA.r32(), x86::dword_ptr(kA, offsetof(PyLongObject, ob_digit)));
      a_.imul(kA, kB);
      a_.bind(done);
      store_gp(i, kA);
      const std::uint16_t snap = in.lit;
      slow_paths_.push_back([this, i, slow, done, snap]() {
        // Two digits (|value| < 2**60, e.g. sums past 2**30) still without a call: kB holds
        // size + 1 here.
        Label helper = a_.newLabel(), neg = a_.newLabel();
        a_.bind(slow);
        a_.cmp(kB, -1);
        a_.je(neg);
        a_.cmp(kB, 3);
        a_.jne(helper);
        a_.mov(kB.r32(), x86::dword_ptr(kA, offsetof(PyLongObject, ob_digit) + 4));
        a_.shl(kB, PyLong_SHIFT);
        a_.mov(kA.r32(), x86::dword_ptr(kA, offsetof(PyLongObject, ob_digit)));
        a_.or_(kA, kB);
        a_.jmp(done);
        a_.bind(neg);
        a_.mov(kB.r32(), x86::dword_ptr(kA, offsetof(PyLongObject, ob_digit) + 4));
        a_.shl(kB, PyLong_SHIFT);
        a_.mov(kA.r32(), x86::dword_ptr(kA, offsetof(PyLongObject, ob_digit)));
        a_.or_(kA, kB);
        a_.neg(kA);
        a_.jmp(done);
        a_.bind(helper);
        call_helper(i, reinterpret_cast<const void*>(&krait_jit_unbox_int), [this]() {
          a_.mov(x86::rdi, kA);
          a_.lea(x86::rsi, save_slot(kUnboxSlot));
        });
        a_.test(x86::eax, x86::eax);
        a_.jnz(exit_label(snap));
        a_.mov(kA, save_slot(kUnboxSlot));
        a_.jmp(done);
      });
      return;
    }
    case IrOp::UNBOXF: {
      if (!has_result) return;
      const x86::Xmm d = loc(i).kind == Loc::kXmm ? x86::xmm(loc(i).index) : kFa;
      a_.movsd(d, x86::qword_ptr(gp_in(in.a, kA), offsetof(PyFloatObject, ob_fval)));
      store_xmm(i, d);
      return;
    }
    case IrOp::ADDOV:
    case IrOp::SUBOV:
    case IrOp::MULOV: {
      load_gp(kA, in.a);
      std::int32_t v;
      if (imm32_of(in.b, &v)) {
        if (in.op == IrOp::ADDOV) a_.add(kA, v);
        if (in.op == IrOp::SUBOV) a_.sub(kA, v);
        if (in.op == IrOp::MULOV) a_.imul(kA, kA, v);
      } else {
        const x86::Gp rb = gp_in(in.b, kB);
        if (in.op == IrOp::ADDOV) a_.add(kA, rb);
        if (in.op == IrOp::SUBOV) a_.sub(kA, rb);
        if (in.op == IrOp::MULOV) a_.imul(kA, rb);
      }
      a_.jo(exit_label(in.lit));
      store_gp(i, kA);
      return;
    }
    case IrOp::NEGOV:
      load_gp(kA, in.a);
      a_.neg(kA);
      a_.jo(exit_label(in.lit));
      store_gp(i, kA);
      return;
    case IrOp::FLOORDIV:
    case IrOp::MOD: {
      std::int32_t by;
      if (imm32_of(in.b, &by) && by >= 2) {
        emit_div_by_const(i, by);  // no exit: neither a zero divisor nor an overflow
        return;
      }
      const bool div = in.op == IrOp::FLOORDIV;
      Label by_minus1 = a_.newLabel(), done = a_.newLabel(), fixed = a_.newLabel();
      load_gp(kA, in.a);
      load_gp(kB, in.b);
      a_.test(kB, kB);
      a_.jz(exit_label(in.lit));
      a_.cmp(kB, -1);
      a_.je(by_minus1);
      // idiv needs rdx: keep its value (an allocated register) in the save area meanwhile.
      a_.mov(save_slot(kRdxSlot), x86::rdx);
      a_.cqo();
      a_.idiv(kB);
      // Python rounds toward -inf: a non-zero remainder whose sign differs from the divisor's
      // moves the quotient down by one and the remainder up by the divisor.
      a_.test(x86::rdx, x86::rdx);
      a_.jz(fixed);
      if (div) {
        a_.xor_(x86::rdx, kB);
        a_.jns(fixed);
        a_.sub(kA, 1);
      } else {
        a_.mov(kA, x86::rdx);
        a_.xor_(kA, kB);
        a_.jns(fixed);
        a_.add(x86::rdx, kB);
      }
      a_.bind(fixed);
      if (!div) a_.mov(kA, x86::rdx);
      a_.mov(x86::rdx, save_slot(kRdxSlot));
      a_.jmp(done);
      a_.bind(by_minus1);
      if (div) {
        a_.neg(kA);
        a_.jo(exit_label(in.lit));
      } else {
        a_.xor_(kA.r32(), kA.r32());
      }
      a_.bind(done);
      store_gp(i, kA);
      return;
    }
    case IrOp::ADD:
    case IrOp::SUB:
    case IrOp::MUL:
    case IrOp::BAND:
    case IrOp::BOR:
    case IrOp::BXOR: {
      const x86::Gp d = pure_dst(i);
      load_gp(d, in.a);
      std::int32_t v;
      if (imm32_of(in.b, &v)) {
        if (in.op == IrOp::ADD) a_.add(d, v);
        if (in.op == IrOp::SUB) a_.sub(d, v);
        if (in.op == IrOp::MUL) a_.imul(d, d, v);
        if (in.op == IrOp::BAND) a_.and_(d, v);
        if (in.op == IrOp::BOR) a_.or_(d, v);
        if (in.op == IrOp::BXOR) a_.xor_(d, v);
      } else {
        const x86::Gp rb = gp_in(in.b, kB);
        if (in.op == IrOp::ADD) a_.add(d, rb);
        if (in.op == IrOp::SUB) a_.sub(d, rb);
        if (in.op == IrOp::MUL) a_.imul(d, rb);
        if (in.op == IrOp::BAND) a_.and_(d, rb);
        if (in.op == IrOp::BOR) a_.or_(d, rb);
        if (in.op == IrOp::BXOR) a_.xor_(d, rb);
      }
      store_gp(i, d);
      return;
    }
    case IrOp::SAR: {
      const x86::Gp d = pure_dst(i);
      load_gp(d, in.a);
      a_.sar(d, static_cast<std::uint32_t>(buf_.konst(in.b).i));
      store_gp(i, d);
      return;
    }
    case IrOp::LT:
    case IrOp::LE:
    case IrOp::GT:
    case IrOp::GE:
    case IrOp::EQ:
    case IrOp::NE:
      cmp_ops(in.a, in.b);
      if (fused_guard(i + 1)) {
        // The guard's exit is taken when the compare's outcome is the opposite of the one
        // the guard requires.
        const IrIns& g = buf_.at(i + 1);
        const bool exit_if_true = g.op == IrOp::GFALSE;
        static constexpr x86::CondCode kCond[] = {x86::CondCode::kL, x86::CondCode::kLE,
                                                  x86::CondCode::kG, x86::CondCode::kGE,
                                                  x86::CondCode::kE, x86::CondCode::kNE};
        const int k = in.op == IrOp::LT   ? 0
                      : in.op == IrOp::LE ? 1
                      : in.op == IrOp::GT ? 2
                      : in.op == IrOp::GE ? 3
                      : in.op == IrOp::EQ ? 4
                                          : 5;
        const x86::CondCode cc = exit_if_true ? kCond[k] : x86::negateCond(kCond[k]);
        a_.j(cc, exit_label(g.lit));
        return;
      }
      if (in.op == IrOp::LT) a_.setl(kA.r8());
      if (in.op == IrOp::LE) a_.setle(kA.r8());
      if (in.op == IrOp::GT) a_.setg(kA.r8());
      if (in.op == IrOp::GE) a_.setge(kA.r8());
      if (in.op == IrOp::EQ) a_.sete(kA.r8());
      if (in.op == IrOp::NE) a_.setne(kA.r8());
      a_.movzx(kA.r32(), kA.r8());
      store_gp(i, kA);
      return;
    case IrOp::NOT:
      load_gp(kA, in.a);
      a_.xor_(kA.r32(), 1);
      store_gp(i, kA);
      return;
    case IrOp::ITOF:
      load_gp(kA, in.a);
      a_.xorps(kFa, kFa);
      a_.cvtsi2sd(kFa, kA);
      store_xmm(i, kFa);
      return;
    case IrOp::FADD:
    case IrOp::FSUB:
    case IrOp::FMUL:
    case IrOp::FDIV: {
      // Computes into its own register unless that is b's (FDIV's exit comes before
      // anything is written); b is an operand in place: its register, or the constant pool.
      auto arith = [&](const x86::Xmm& d, const auto& b) {
        load_xmm(d, in.a);
        if (in.op == IrOp::FADD) a_.addsd(d, b);
        if (in.op == IrOp::FSUB) a_.subsd(d, b);
        if (in.op == IrOp::FMUL) a_.mulsd(d, b);
        if (in.op == IrOp::FDIV) a_.divsd(d, b);
        store_xmm(i, d);
      };
      const bool in_xmm = loc(i).kind == Loc::kXmm;
      const auto kb = static_cast<std::uint64_t>(is_const(in.b) ? buf_.konst(in.b).i : 0);
      if (is_const(in.b) && (kb << 1) != 0) {
        // A constant other than +-0.0: FDIV cannot exit.
        arith(in_xmm ? x86::xmm(loc(i).index) : kFa, x86::qword_ptr(const_label(kb)));
        return;
      }
      const x86::Xmm b = xmm_in(in.b, kFb);
      if (in.op == IrOp::FDIV) {
        // A zero divisor (either sign) exits: the interpreter raises ZeroDivisionError.
        a_.movq(kB, b);
        a_.shl(kB, 1);
        a_.jz(exit_label(in.lit));
      }
      arith(in_xmm && loc(i).index != b.id() ? x86::xmm(loc(i).index) : kFa, b);
      return;
    }
    case IrOp::FMOD:
    case IrOp::FFLOORDIV: {
      load_xmm(kFb, in.b);
      a_.movq(kB, kFb);
      a_.shl(kB, 1);
      a_.jz(exit_label(in.lit));
      load_xmm(kFa, in.a);
      const void* fn = helper_for(in.op, IrType::k_flt);
      call_helper(
          i, fn,
          [this]() {
            a_.movaps(x86::xmm0, kFa);
            a_.movaps(x86::xmm1, kFb);
          },
          [this]() { a_.movaps(kFa, x86::xmm0); });
      store_xmm(i, kFa);
      return;
    }
    case IrOp::FPOW:
      // The helper reports the cases CPython raises for (or makes complex) before anything
      // is computed into the result; the result comes back through a scratch word.
      load_xmm(kFa, in.a);
      load_xmm(kFb, in.b);
      call_helper(i, helper_for(in.op, IrType::k_flt), [this]() {
        a_.movaps(x86::xmm0, kFa);
        a_.movaps(x86::xmm1, kFb);
        a_.lea(x86::rdi, save_slot(kUnboxSlot));
      });
      a_.test(x86::eax, x86::eax);
      a_.jnz(exit_label(in.lit));
      a_.movsd(kFa, save_slot(kUnboxSlot));
      store_xmm(i, kFa);
      return;
    case IrOp::FNEG:
      load_xmm(kFa, in.a);
      a_.mov(kB, 0x8000000000000000ull);
      a_.movq(kFb, kB);
      a_.xorpd(kFa, kFb);
      store_xmm(i, kFa);
      return;
    case IrOp::FLT:
    case IrOp::FLE:
    case IrOp::FGT:
    case IrOp::FGE:
    case IrOp::FEQ:
    case IrOp::FNE: {
      // Operands are compared in their own registers (constants loaded into scratch).
      const x86::Xmm fa = xmm_in(in.a, kFa), fb = xmm_in(in.b, kFb);
      // Unordered (NaN) compares are false except !=, as in C and CPython: < and <= are
      // b > a and b >= a, whose "above" conditions are false when unordered.
      if (in.op != IrOp::FEQ && in.op != IrOp::FNE) {
        if (in.op == IrOp::FLT || in.op == IrOp::FLE)
          a_.ucomisd(fb, fa);
        else
          a_.ucomisd(fa, fb);
        const x86::CondCode holds =
            (in.op == IrOp::FLT || in.op == IrOp::FGT) ? x86::CondCode::kA : x86::CondCode::kAE;
        if (fused_guard(i + 1)) {
          const IrIns& g = buf_.at(i + 1);
          a_.j(g.op == IrOp::GFALSE ? holds : x86::negateCond(holds), exit_label(g.lit));
          return;
        }
        a_.set(holds, kA.r8());
      } else {
        a_.ucomisd(fa, fb);
        if (in.op == IrOp::FEQ) {
          a_.sete(kA.r8());
          a_.setnp(kB.r8());
          a_.and_(kA.r8(), kB.r8());
        } else {
          a_.setne(kA.r8());
          a_.setp(kB.r8());
          a_.or_(kA.r8(), kB.r8());
        }
      }
      a_.movzx(kA.r32(), kA.r8());
      store_gp(i, kA);
      return;
    }
    case IrOp::LDFLD: {
      // Loads address through the operands' own registers and write their result register
      // directly (the address is read before the destination is written).
      if (!has_result) return;
      const x86::Gp d = result_gp(i);
      a_.mov(d, x86::qword_ptr(gp_in(in.a, kA), in.lit));
      store_gp(i, d);
      return;
    }
    case IrOp::STFLD:
      a_.mov(x86::qword_ptr(gp_in(in.a, kA), in.lit), gp_in(in.b, kB));
      return;
    case IrOp::LDELEM: {
      if (!has_result) return;
      const x86::Gp d = result_gp(i);
      a_.mov(d, x86::qword_ptr(gp_in(in.a, kA), gp_in(in.b, kB), 3, in.lit));
      store_gp(i, d);
      return;
    }
    case IrOp::STLIST: {
      if (buf_.type_of(in.b) != IrType::k_flt) {
        emit_stlist_call(i);
        return;
      }
      // An exact float only the list references takes the value in place, inline (the fast
      // case of krait_jit_list_store_flt); everything else goes through the helper.
      Label slow = a_.newLabel(), done = a_.newLabel();
      const IrIns& args = buf_.at(in.a);
      load_xmm(kFa, in.b);
      load_gp(kA, args.a);
      a_.mov(kA, x86::qword_ptr(kA, kOffListItems));
      load_gp(kB, args.b);
      a_.mov(kA, x86::qword_ptr(kA, kB, 3));
      a_.mov(kB, reinterpret_cast<std::uint64_t>(&PyFloat_Type));
      a_.cmp(x86::qword_ptr(kA, offsetof(PyObject, ob_type)), kB);
      a_.jne(slow);
      a_.cmp(x86::qword_ptr(kA, offsetof(PyObject, ob_refcnt)), 1);
      a_.jne(slow);
      a_.movsd(x86::qword_ptr(kA, offsetof(PyFloatObject, ob_fval)), kFa);
      a_.bind(done);
      slow_paths_.push_back([this, i, slow, done]() {
        a_.bind(slow);
        emit_stlist_call(i);
        a_.jmp(done);
      });
      return;
    }
    case IrOp::LAPPEND: {
      const IrType vt = buf_.type_of(in.b);
      const void* fn = helper_for(in.op, vt);
      load_gp(kA, in.a);
      a_.mov(save_slot(kArgSlot), kA);
      if (vt == IrType::k_flt) {
        load_xmm(kFa, in.b);
      } else {
        load_gp(kA, in.b);
        a_.mov(save_slot(kArgSlot + 1), kA);
      }
      call_helper(i, fn, [this, vt]() {
        a_.mov(x86::rdi, save_slot(kArgSlot));
        if (vt == IrType::k_flt) {
          a_.movaps(x86::xmm0, kFa);
        } else {
          a_.mov(x86::rsi, save_slot(kArgSlot + 1));
        }
      });
      a_.test(x86::eax, x86::eax);
      a_.jnz(exit_label(in.lit));
      return;
    }
    case IrOp::RITER: {
      const IrIns& args = buf_.at(in.a);
      load_gp(kA, args.a);
      a_.mov(save_slot(kArgSlot), kA);
      load_gp(kA, args.b);
      a_.mov(save_slot(kArgSlot + 1), kA);
      load_gp(kA, in.b);
      a_.mov(save_slot(kArgSlot + 2), kA);
      call_helper(i, helper_for(in.op, IrType::k_int), [this]() {
        a_.mov(x86::rdi, save_slot(kArgSlot));
        a_.mov(x86::rsi, save_slot(kArgSlot + 1));
        a_.mov(x86::rdx, save_slot(kArgSlot + 2));
      });
      a_.test(x86::eax, x86::eax);
      a_.jnz(exit_label(in.lit));
      return;
    }
    case IrOp::LITER:
      load_gp(kA, in.a);
      a_.mov(save_slot(kArgSlot), kA);
      load_gp(kA, in.b);
      a_.mov(save_slot(kArgSlot + 1), kA);
      call_helper(i, helper_for(in.op, IrType::k_obj), [this]() {
        a_.mov(x86::rdi, save_slot(kArgSlot));
        a_.mov(x86::rsi, save_slot(kArgSlot + 1));
      });
      a_.test(x86::eax, x86::eax);
      a_.jnz(exit_label(in.lit));
      return;
    case IrOp::SSTORE: {
      const IrType vt = buf_.type_of(in.b);
      const void* fn = helper_for(in.op, vt);
      if (vt == IrType::k_flt) {
        load_xmm(kFa, in.b);
      } else {
        load_gp(kA, in.b);
        a_.mov(save_slot(kArgSlot), kA);
      }
      const std::int64_t slot = buf_.konst(in.a).i;
      call_helper(i, fn, [this, vt, slot]() {
        a_.mov(x86::rdi, x86::qword_ptr(kTsReg, kOffSlots));
        a_.mov(x86::rsi, slot);
        if (vt == IrType::k_flt) {
          a_.movaps(x86::xmm0, kFa);
        } else {
          a_.mov(x86::rdx, save_slot(kArgSlot));
        }
      });
      a_.test(x86::eax, x86::eax);
      a_.jnz(exit_label(in.lit));
      return;
    }
    case IrOp::NEWLIST: {
      const std::int64_t slot = buf_.konst(in.a).i;
      call_helper(
          i, helper_for(in.op, IrType::k_void),
          [this, slot]() {
            a_.mov(x86::rdi, x86::qword_ptr(kTsReg, kOffSlots));
            a_.mov(x86::rsi, slot);
          },
          [this]() { a_.mov(kB, x86::rax); });
      a_.test(kB, kB);
      a_.jz(exit_label(in.lit));
      store_gp(i, kB);
      return;
    }
    case IrOp::FTOI:
      // cvttsd2si gives INT64_MIN for NaN, infinities and out-of-range values; INT64_MIN
      // itself is exactly representable but rare, and exiting for it is merely slower.
      load_xmm(kFa, in.a);
      a_.cvttsd2si(kA, kFa);
      a_.mov(kB, 0x8000000000000000ull);
      a_.cmp(kA, kB);
      a_.je(exit_label(in.lit));
      store_gp(i, kA);
      return;
    case IrOp::kCount:
      return;
  }
}

// A side trace's end: the root's loop-carried values into the root's locations (one parallel
// assignment), count the iteration, and continue in the root's loop.
void X64Emitter::emit_link() {
  parallel_move(link_moves(t_, ra_));
  a_.add(x86::qword_ptr(kTsReg, offsetof(TraceState, iterations)), 1);
  a_.mov(kA, reinterpret_cast<std::uint64_t>(t_.root->loop_addr));
  a_.jmp(kA);
}

// Moves every source into its destination as if all at once (cycles broken through a save
// slot). Sources are read with the scratch registers, so any source may also be a destination.
void X64Emitter::parallel_move(std::vector<PendingMove> moves) {
  auto move = [&](const PendingMove& m) {
    const bool fp = buf_.type_of(m.src) == IrType::k_flt;
    if (fp) {
      if (m.dst.kind == Loc::kXmm && !m.parked) {
        load_xmm(x86::xmm(m.dst.index), m.src);
        return;
      }
      if (m.parked)
        a_.movsd(kFa, save_slot(kParkSlot));
      else
        load_xmm(kFa, m.src);
      if (m.dst.kind == Loc::kXmm)
        a_.movaps(x86::xmm(m.dst.index), kFa);
      else
        a_.movsd(spill(m.dst.index), kFa);
    } else {
      if (m.dst.kind == Loc::kGpr && !m.parked) {
        load_gp(x86::gpq(m.dst.index), m.src);  // register to register: one mov
        return;
      }
      if (m.parked)
        a_.mov(kA, save_slot(kParkSlot));
      else
        load_gp(kA, m.src);
      if (m.dst.kind == Loc::kGpr)
        a_.mov(x86::gpq(m.dst.index), kA);
      else
        a_.mov(spill(m.dst.index), kA);
    }
  };
  auto park = [&](const Loc& parked) {
    if (parked.kind == Loc::kGpr) {
      a_.mov(save_slot(kParkSlot), x86::gpq(parked.index));
    } else if (parked.kind == Loc::kXmm) {
      a_.movsd(save_slot(kParkSlot), x86::xmm(parked.index));
    } else {
      a_.mov(kA, spill(parked.index));
      a_.mov(save_slot(kParkSlot), kA);
    }
  };
  order_moves(ra_, std::move(moves), move, park);
}

bool X64Emitter::run() {
  // Register-mode side traces are jumped to from an exit stub, inside the root's frame.
  const bool inside_root = t_.patched;
  exits_.resize(buf_.snaps.size());
  exit_used_.assign(buf_.snaps.size(), 0);
  for (auto& l : exits_) l = a_.newLabel();
  loop_ = a_.newLabel();
  Label common_exit = a_.newLabel();
  if (!inside_root) {
    // Prologue: callee-saved registers, 16-byte stack alignment for helper calls.
    a_.push(x86::rbx);
    a_.push(x86::rbp);
    a_.push(x86::r12);
    a_.push(x86::r13);
    a_.push(x86::r14);
    a_.push(x86::r15);
    a_.sub(x86::rsp, 8);
    a_.mov(kTsReg, x86::rdi);
  }
  for (IrRef i = 0; i < buf_.size(); ++i) emit_ins(i);
  const IrOp last = buf_.size() ? buf_.at(buf_.size() - 1).op : IrOp::LOOP;
  if (buf_.loop != kNoRef) {
    parallel_move(phi_moves(buf_, ra_));  // the back-edge
    a_.add(x86::qword_ptr(kTsReg, offsetof(TraceState, iterations)), 1);
    a_.jmp(loop_);
  } else if (last != IrOp::EXIT && last != IrOp::LINK) {
    return false;  // a trace loops, or ends in an exit or a link (side traces)
  }
  for (auto& sp : slow_paths_) sp();
  // One stub per snapshot, 16-byte aligned so that each has room to be patched into a jump
  // to a side trace (mov rax, imm64; jmp rax: 12 bytes).
  for (std::size_t s = 0; s < exits_.size(); ++s) {
    a_.align(AlignMode::kCode, 16);
    a_.bind(exits_[s]);
    a_.mov(x86::dword_ptr(kTsReg, kOffExit), static_cast<std::uint32_t>(s));
    a_.jmp(common_exit);
  }
  a_.align(AlignMode::kCode, 16);
  a_.bind(common_exit);
  for (int g = 0; g < 16; ++g) {
    if (g == 4 || g == kTs) continue;
    a_.mov(x86::qword_ptr(kTsReg, kOffGpr + 8 * g), x86::gpq(g));
  }
  for (int x = 0; x < 16; ++x) a_.movsd(x86::qword_ptr(kTsReg, kOffXmm + 8 * x), x86::xmm(x));
  a_.mov(kA, reinterpret_cast<std::uint64_t>(&t_));
  a_.mov(x86::qword_ptr(kTsReg, offsetof(TraceState, exit_trace)), kA);
  a_.mov(x86::eax, x86::dword_ptr(kTsReg, kOffExit));
  a_.add(x86::rsp, 8);
  a_.pop(x86::r15);
  a_.pop(x86::r14);
  a_.pop(x86::r13);
  a_.pop(x86::r12);
  a_.pop(x86::rbp);
  a_.pop(x86::rbx);
  a_.ret();
  if (!pool_.empty()) {
    a_.align(AlignMode::kData, 8);
    for (const auto& c : pool_) {
      a_.bind(c.second);
      a_.embedUInt64(c.first);
    }
  }
  return true;
}

}  // namespace

const RegFile& x64_regfile() {
  // Callee-saved first: values in them survive helper calls without saving.
  static const RegFile regs{{3, 5, 12, 13, 14, 1, 2, 6, 7, 8, 9, 10},
                            {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13}};
  return regs;
}

const Target& x64_target() {
  static const Target target{"x86-64", x64_regfile, x64_assemble, x64_patch_exit, "r", "xmm"};
  return target;
}

bool x64_assemble(Trace& t, const RegAllocResult& ra, std::string* listing) {
  Environment env(Arch::kX64);
  CodeHolder code;
  code.init(env);
  StringLogger logger;
  if (listing) {
    logger.addFlags(FormatFlags::kMachineCode);
    code.setLogger(&logger);
  }
  X64Emitter em(t, ra, code);
  if (!em.run() || !install_code(code, t, em.exits(), em.loop())) return false;
  if (listing) *listing = logger.data();
  return true;
}

// Points exit `snap` of `t` at `target` (a side trace): its stub becomes mov rax, imm64;
// jmp rax. The page is writable only for the write (W^X).
bool x64_patch_exit(Trace& t, std::uint32_t snap, const void* target) {
  unsigned char code[12] = {0x48, 0xB8};
  const auto addr = reinterpret_cast<std::uint64_t>(target);
  std::memcpy(code + 2, &addr, 8);
  code[10] = 0xFF;
  code[11] = 0xE0;
  return mcode_patch(MCode{t.mcode, t.mcode_size},
                     static_cast<char*>(t.mcode) + t.stub_offsets[snap], code, sizeof code);
}

}  // namespace krait::jit
