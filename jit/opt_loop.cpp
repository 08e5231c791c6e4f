// Loop peeling with loop-invariant code motion (the LuaJIT scheme, our implementation): the
// recorded iteration becomes the pre-roll; its copy after the LOOP marker is emitted through
// the fold engine with every slot read replaced by the previous iteration's value. Whatever
// the copy computes from invariant inputs CSEs into the pre-roll (guards disappear, loads are
// hoisted), and PHIs carry the values that differ between iterations.
#include "opt.h"

namespace krait::jit {

bool peel_loop(IrBuffer& buf, const std::vector<IrRef>& end_slots, std::uint16_t entry_depth,
               std::int32_t header_pc, const char** why) {
  const IrRef n = buf.size();
  const std::size_t nsnaps = buf.snaps.size();
  std::vector<IrRef> subst(n, kNoRef);
  std::vector<std::uint16_t> snap_map(nsnaps, 0);
  auto sub = [&](IrRef r) { return (r == kNoRef || is_const(r)) ? r : subst[r]; };
  // The slots the iteration writes hold, at the top of each body iteration, the previous
  // iteration's values: pre-roll refs that the PHIs keep current.
  std::vector<SnapEntry> base;
  for (std::size_t s = 0; s < end_slots.size(); ++s) {
    if (end_slots[s] != kNoRef)
      base.push_back(SnapEntry{static_cast<std::uint16_t>(s), end_slots[s]});
  }
  auto copy_snapshot = [&](const std::vector<SnapEntry>& over, std::int32_t pc, std::uint16_t depth,
                           std::uint8_t flags) {
    std::vector<SnapEntry> e;
    for (const SnapEntry& b : base) {
      bool overridden = false;
      for (const SnapEntry& o : over) overridden |= o.slot == b.slot;
      if (!overridden && b.slot < depth) e.push_back(b);
    }
    for (const SnapEntry& o : over) {
      if (o.slot < depth) e.push_back(o);
    }
    return buf.add_snapshot(pc, depth, e.data(), static_cast<std::uint32_t>(e.size()), flags);
  };

  std::vector<std::uint8_t> relied(n, 0);  // see buf.relied
  buf.loop = buf.append(IrOp::LOOP, IrType::k_void);
  Emitter em(buf);
  std::size_t next_snap = 0;
  for (IrRef i = 0; i < n; ++i) {
    while (next_snap < nsnaps && buf.snaps[next_snap].ins <= i) {
      Snapshot s = buf.snaps[next_snap];
      std::vector<SnapEntry> over;
      for (std::uint32_t k = 0; k < s.count; ++k) {
        SnapEntry e = buf.snap_entries[s.start + k];
        e.ref = sub(e.ref);
        over.push_back(e);
      }
      snap_map[next_snap] = copy_snapshot(over, s.pc, s.depth, s.flags);
      ++next_snap;
    }
    const IrIns in = buf.at(i);
    if (in.op == IrOp::SLOAD) {
      // A slot the iteration writes is the PHI's value in the body; any other is invariant.
      subst[i] = end_slots[in.lit] != kNoRef ? end_slots[in.lit] : i;
      if (subst[i] == i) relied[i] = 1;
      continue;
    }
    if (in.op == IrOp::FRAME) {
      subst[i] = i;
      relied[i] = 1;
      continue;
    }
    const bool guard = op_has(in.op, kIrGuard);
    IrRef r = em.emit(in.op, in.type, sub(in.a), sub(in.b), guard ? snap_map[in.lit] : in.lit);
    if (r == kFailRef) {
      *why = "a guard in the loop body can never pass (type-unstable loop)";
      return false;
    }
    subst[i] = r;
    // What the body takes from the pre-roll as computed there: a copy that is a pre-roll
    // instruction (an invariant value); for a guard the copy dropped (kNoRef), the pre-roll
    // guard it was merged with, or for a type guard the pre-roll's type guards on the same
    // value, which the fold engine read the type from (other guards it drops are decided by
    // constants and value types alone).
    if (r != kNoRef && !is_const(r) && r < n) relied[r] = 1;
    if (guard && r == kNoRef) {
      const IrRef a = sub(in.a), b = sub(in.b);
      for (IrRef j = 0; j < n; ++j) {
        const IrIns& g = buf.at(j);
        if (g.op != in.op || g.a != a) continue;
        if (g.b == b || in.op == IrOp::GTYPE) relied[j] = 1;
      }
    }
  }
  IrRef relied_end = 0;
  buf.relied.clear();
  for (IrRef i = 0; i < n; ++i) {
    if (!relied[i]) continue;
    relied_end = i + 1;
    buf.relied.push_back(i);
  }
  buf.loop_ready_snap = static_cast<std::uint32_t>(nsnaps);
  for (std::size_t k = 0; k < nsnaps; ++k) {
    if (buf.snaps[k].ins >= relied_end) {
      buf.loop_ready_snap = static_cast<std::uint32_t>(k);
      break;
    }
  }
  // The back-edge: the eval-breaker check, with the state at the loop header.
  {
    std::vector<SnapEntry> over;
    for (const SnapEntry& b : base) over.push_back(SnapEntry{b.slot, sub(b.ref)});
    std::uint16_t sn = copy_snapshot(over, header_pc, entry_depth, kSnapBreaker);
    extern volatile int* jit_eval_breaker_addr();
    buf.append(IrOp::GBREAK, IrType::k_void, buf.kptr(const_cast<int*>(jit_eval_breaker_addr())),
               kNoRef, sn);
  }
  // PHIs for every pre-roll value the body uses whose body counterpart differs.
  const IrRef body_end = buf.size();
  std::vector<std::uint8_t> used(n, 0);
  for (IrRef i = buf.loop + 1; i < body_end; ++i) {
    const IrIns& in = buf.at(i);
    if (in.a != kNoRef && !is_const(in.a) && in.a < n) used[in.a] = 1;
    if (in.b != kNoRef && !is_const(in.b) && in.b < n) used[in.b] = 1;
  }
  for (std::size_t k = nsnaps; k < buf.snaps.size(); ++k) {
    const Snapshot& s = buf.snaps[k];
    for (std::uint32_t j = 0; j < s.count; ++j) {
      IrRef r = buf.snap_entries[s.start + j].ref;
      if (!is_const(r) && r < n) used[r] = 1;
    }
  }
  for (IrRef r = 0; r < n; ++r) {
    if (!used[r] || subst[r] == r || subst[r] == kNoRef) continue;
    if (buf.type_of(r) != buf.type_of(subst[r])) {
      *why = "a loop-carried value changes its type between iterations";
      return false;
    }
    buf.append(IrOp::PHI, IrType::k_void, r, subst[r]);
  }
  return true;
}

}  // namespace krait::jit
