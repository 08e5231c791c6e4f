// The architecture-neutral parts of both backends (see emit_util.h).
#include "emit_util.h"

#include "mcode.h"
#include "target.h"

namespace krait::jit {

namespace {
bool same_loc(const Loc& x, const Loc& y) { return x.kind == y.kind && x.index == y.index; }
}  // namespace

std::vector<PendingMove> phi_moves(const IrBuffer& buf, const RegAllocResult& ra) {
  std::vector<PendingMove> moves;
  for (IrRef i = buf.loop; i < buf.size(); ++i) {
    const IrIns& in = buf.at(i);
    if (in.op != IrOp::PHI) continue;
    const Loc& d = ra.locs[in.a];
    if (d.kind == Loc::kNone) continue;
    if (!is_const(in.b) && same_loc(ra.locs[in.b], d)) continue;
    moves.push_back(PendingMove{d, in.b});
  }
  return moves;
}

std::vector<PendingMove> link_moves(const Trace& t, const RegAllocResult& ra) {
  std::vector<PendingMove> moves;
  for (const Trace::LinkMove& m : t.link_moves) {
    if (!is_const(m.src) && same_loc(ra.locs[m.src], m.dst)) continue;
    moves.push_back(PendingMove{m.dst, m.src});
  }
  return moves;
}

void order_moves(const RegAllocResult& ra, std::vector<PendingMove> moves,
                 const std::function<void(const PendingMove&)>& move,
                 const std::function<void(const Loc&)>& park) {
  auto src_loc = [&](const PendingMove& m) {
    return (is_const(m.src) || m.parked) ? Loc{} : ra.locs[m.src];
  };
  while (!moves.empty()) {
    bool progress = false;
    for (std::size_t k = 0; k < moves.size(); ++k) {
      bool blocked = false;
      for (std::size_t j = 0; j < moves.size(); ++j) {
        const Loc src = src_loc(moves[j]);
        if (j != k && src.kind != Loc::kNone && same_loc(src, moves[k].dst)) blocked = true;
      }
      if (!blocked) {
        move(moves[k]);
        moves.erase(moves.begin() + static_cast<long>(k));
        progress = true;
        break;
      }
    }
    if (progress) continue;
    // A cycle: park one destination's current value, make the moves that read it read the
    // park slot instead, and carry on; they stay queued until their own destinations are free
    // (the rest of the cycle unwinds first).
    const PendingMove m = moves[0];
    const Loc parked = m.dst;
    park(parked);
    move(m);
    moves.erase(moves.begin());
    for (PendingMove& r : moves) {
      if (!is_const(r.src) && !r.parked && same_loc(ra.locs[r.src], parked)) r.parked = true;
    }
  }
}

std::vector<Loc> live_across_call(const IrBuffer& buf, const RegAllocResult& ra, IrRef at,
                                  bool (*caller_saved)(const Loc&)) {
  std::vector<Loc> saved;
  for (IrRef r = 0; r < buf.size(); ++r) {
    const Loc& l = ra.locs[r];
    if (l.kind == Loc::kNone || l.kind == Loc::kSpill) continue;
    if (r > at || ra.last_use[r] == kNoRef || ra.last_use[r] < at) continue;
    if (!caller_saved(l)) continue;
    bool dup = false;
    for (const Loc& s : saved) dup |= same_loc(s, l);
    if (!dup) saved.push_back(l);
  }
  return saved;
}

std::vector<Loc> saved_across_call(const Trace& t, const RegAllocResult& ra, IrRef at,
                                   bool (*caller_saved)(const Loc&)) {
  std::vector<Loc> saved = live_across_call(t.ir, ra, at, caller_saved);
  const IrBuffer& buf = t.ir;
  if (t.root == &t || buf.size() == 0 || buf.at(buf.size() - 1).op != IrOp::LINK) return saved;
  auto keep = [&](Loc::Kind kind, std::uint32_t mask) {
    for (std::uint8_t i = 0; i < 32; ++i) {
      if (!(mask & (1u << i))) continue;
      Loc l;
      l.kind = kind;
      l.index = i;
      if (!caller_saved(l)) continue;
      bool dup = false;
      for (const Loc& s : saved) dup |= same_loc(s, l);
      if (!dup) saved.push_back(l);
    }
  };
  keep(Loc::kGpr, t.root->loop_gpr_mask);
  keep(Loc::kXmm, t.root->loop_fpr_mask);
  return saved;
}

bool fused_compare_guard(const IrBuffer& buf, const RegAllocResult& ra, IrRef g) {
  if (g == 0 || g >= buf.size()) return false;
  const IrIns& in = buf.at(g);
  if ((in.op != IrOp::GTRUE && in.op != IrOp::GFALSE) || in.a != g - 1) return false;
  if (!op_has(buf.at(g - 1).op, kIrCompare)) return false;
  if (ra.last_use[g - 1] != g) return false;
  const Snapshot& s = buf.snaps[in.lit];
  for (std::uint32_t k = 0; k < s.count; ++k) {
    if (buf.snap_entries[s.start + k].ref == g - 1) return false;
  }
  return true;
}

const void* helper_for(IrOp op, IrType value) {
  const bool flt = value == IrType::k_flt;
  switch (op) {
    case IrOp::FMOD:
      return reinterpret_cast<const void*>(&krait_jit_fmod);
    case IrOp::FFLOORDIV:
      return reinterpret_cast<const void*>(&krait_jit_ffloordiv);
    case IrOp::FPOW:
      return reinterpret_cast<const void*>(&krait_jit_fpow);
    case IrOp::LITER:
      return reinterpret_cast<const void*>(&krait_jit_list_iter_reuse);
    case IrOp::RITER:
      return reinterpret_cast<const void*>(&krait_jit_range_iter_reuse);
    case IrOp::STLIST:
      return flt ? reinterpret_cast<const void*>(&krait_jit_list_store_flt)
                 : reinterpret_cast<const void*>(&krait_jit_list_store_int);
    case IrOp::LAPPEND:
      return flt                       ? reinterpret_cast<const void*>(&krait_jit_list_append_flt)
             : value == IrType::k_int  ? reinterpret_cast<const void*>(&krait_jit_list_append_int)
             : value == IrType::k_bool ? reinterpret_cast<const void*>(&krait_jit_list_append_bool)
                                       : reinterpret_cast<const void*>(&krait_jit_list_append_obj);
    case IrOp::SSTORE:
      return flt                       ? reinterpret_cast<const void*>(&krait_jit_store_slot_flt)
             : value == IrType::k_int  ? reinterpret_cast<const void*>(&krait_jit_store_slot_int)
             : value == IrType::k_bool ? reinterpret_cast<const void*>(&krait_jit_store_slot_bool)
                                       : reinterpret_cast<const void*>(&krait_jit_store_slot_obj);
    case IrOp::NEWLIST:
      return reinterpret_cast<const void*>(&krait_jit_store_new_list);
    default:
      return nullptr;
  }
}

bool install_code(asmjit::CodeHolder& code, Trace& t, const std::vector<asmjit::Label>& exits,
                  const asmjit::Label& loop) {
  using namespace asmjit;
  code.flatten();
  code.resolveUnresolvedLinks();
  const std::size_t n = code.codeSize();
  struct RelocCtx {
    CodeHolder* code;
    bool ok;
  } ctx{&code, true};
  MCode m = mcode_install(
      nullptr, n,
      [](void* dst, void* c) {
        auto* rc = static_cast<RelocCtx*>(c);
        if (rc->code->relocateToBase(reinterpret_cast<std::uint64_t>(dst)) != kErrorOk)
          rc->ok = false;
        rc->code->copyFlattenedData(dst, rc->code->codeSize(), CopySectionFlags::kPadSectionBuffer);
      },
      &ctx);
  if (m.base == nullptr || !ctx.ok) {
    mcode_free(m);
    return false;
  }
  t.stub_offsets.resize(exits.size());
  for (std::size_t s = 0; s < exits.size(); ++s)
    t.stub_offsets[s] = static_cast<std::uint32_t>(code.labelOffsetFromBase(exits[s]));
  t.mcode = m.base;
  t.mcode_size = m.size;
  t.code_bytes = n;
  t.entry = reinterpret_cast<TraceFn>(m.base);
  if (t.ir.loop != kNoRef)
    t.loop_addr = static_cast<char*>(m.base) + code.labelOffsetFromBase(loop);
  return true;
}

}  // namespace krait::jit
