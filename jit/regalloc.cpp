// Linear-scan register allocation (see regalloc.h). Without live-range splitting a value
// keeps its location; when a class runs out of registers the value being allocated spills.
#include "regalloc.h"

#include <algorithm>

namespace krait::jit {

bool needs_location(const IrBuffer& buf, IrRef r) {
  const IrIns& in = buf.at(r);
  return in.type != IrType::k_void && in.op != IrOp::CARG;
}

bool regalloc(const IrBuffer& buf, const RegFile& regs, RegAllocResult* out,
              const RegConstraints& rc) {
  const IrRef n = buf.size();
  std::vector<IrRef>& end = out->last_use;
  end.assign(n, kNoRef);
  auto use = [&](IrRef r, IrRef at) {
    if (r == kNoRef || is_const(r)) return;
    if (buf.at(r).op == IrOp::CARG) {  // a CARG's operands are used by its consumer
      const IrIns& c = buf.at(r);
      if (c.a != kNoRef && !is_const(c.a))
        end[c.a] = std::max(end[c.a] == kNoRef ? 0 : end[c.a], at);
      if (c.b != kNoRef && !is_const(c.b))
        end[c.b] = std::max(end[c.b] == kNoRef ? 0 : end[c.b], at);
      return;
    }
    end[r] = (end[r] == kNoRef) ? at : std::max(end[r], at);
  };
  const IrRef loop = buf.loop;
  for (IrRef i = 0; i < n; ++i) {
    const IrIns& in = buf.at(i);
    if (in.op == IrOp::PHI) {
      use(in.a, n);
      use(in.b, n);
      continue;
    }
    use(in.a, i);
    use(in.b, i);
    if (op_has(in.op, kIrGuard)) {
      const Snapshot& s = buf.snaps[in.lit];
      for (std::uint32_t k = 0; k < s.count; ++k) use(buf.snap_entries[s.start + k].ref, i);
    }
    if (in.op == IrOp::LINK && rc.link_uses) {
      for (IrRef r : *rc.link_uses) use(r, i);
    }
  }
  // Values from before the loop that the body needs stay put for the whole loop.
  if (loop != kNoRef) {
    for (IrRef r = 0; r < loop; ++r) {
      if (end[r] != kNoRef && end[r] > loop) end[r] = n;
    }
  }
  out->locs.assign(n, Loc{});
  struct Active {
    IrRef end;
    Loc loc;
    IrRef owner = kNoRef;  // the value holding loc (kNoRef: pinned, never moved to memory)
  };
  std::vector<Active> active;
  std::vector<std::uint8_t> free_gpr, free_fpr;
  for (auto it = regs.gpr.rbegin(); it != regs.gpr.rend(); ++it) {
    if (!(rc.avoid_gpr >> *it & 1)) free_gpr.push_back(*it);
  }
  for (auto it = regs.fpr.rbegin(); it != regs.fpr.rend(); ++it) {
    if (!(rc.avoid_fpr >> *it & 1)) free_fpr.push_back(*it);
  }
  // Inherited values sit where the parent trace keeps them: their registers leave the pool
  // while they live.
  auto take = [](std::vector<std::uint8_t>& pool, std::uint8_t reg) {
    auto it = std::find(pool.begin(), pool.end(), reg);
    if (it == pool.end()) return false;
    pool.erase(it);
    return true;
  };
  for (IrRef i = 0; i < n; ++i) {
    const IrIns& in = buf.at(i);
    if (in.op != IrOp::PVAL) continue;
    const Loc loc = (*rc.pinned)[in.lit];
    out->locs[i] = loc;
    if (end[i] == kNoRef || loc.kind == Loc::kSpill) continue;
    if (take(loc.kind == Loc::kXmm ? free_fpr : free_gpr, loc.index))
      active.push_back(Active{end[i], loc});
  }
  int next_spill = rc.spill_base;
  for (IrRef i = 0; i < n; ++i) {
    // Values whose last use is this instruction free their register for its result: the
    // backends read every operand before they write the result.
    for (std::size_t k = 0; k < active.size();) {
      if (active[k].end <= i) {
        (active[k].loc.kind == Loc::kXmm ? free_fpr : free_gpr).push_back(active[k].loc.index);
        active[k] = active.back();
        active.pop_back();
      } else {
        ++k;
      }
    }
    if (!needs_location(buf, i) || end[i] == kNoRef || buf.at(i).op == IrOp::PVAL) continue;
    const bool fp = buf.at(i).type == IrType::k_flt;
    auto& pool = fp ? free_fpr : free_gpr;
    Loc loc;
    if (!pool.empty()) {
      loc.kind = fp ? Loc::kXmm : Loc::kGpr;
      loc.index = pool.back();
      pool.pop_back();
      active.push_back(Active{end[i], loc, i});
    } else {
      if (next_spill >= kMaxSpill) return false;
      Loc spilled;
      spilled.kind = Loc::kSpill;
      spilled.index = static_cast<std::uint8_t>(next_spill++);
      // The classic linear-scan choice: of this value and the values holding a register of
      // its class, the one whose life ends last goes to memory (for its whole life: nothing is
      // emitted yet). Loop-invariant values live to the trace's end, so the loop body's
      // short-lived temporaries keep the registers and an invariant is read from its slot.
      std::size_t victim = active.size();
      for (std::size_t k = 0; k < active.size(); ++k) {
        const bool same_class = (active[k].loc.kind == Loc::kXmm) == fp;
        if (!same_class || active[k].owner == kNoRef || active[k].end <= end[i]) continue;
        if (victim == active.size() || active[k].end > active[victim].end) victim = k;
      }
      if (victim != active.size()) {
        loc = active[victim].loc;
        out->locs[active[victim].owner] = spilled;
        active[victim] = Active{end[i], loc, i};
      } else {
        loc = spilled;
      }
    }
    out->locs[i] = loc;
  }
  out->spills = next_spill;
  return true;
}

}  // namespace krait::jit
