// Register allocation by linear scan over the peeled trace. Every value gets one location for
// its whole life (a register or a spill slot), which is what lets deoptimization read any
// snapshot value from the saved registers or the spill area. Values the loop body uses from
// before the LOOP mark, and both sides of PHIs, live to the end of the trace.
#pragma once

#include <vector>

#include "ir.h"
#include "trace.h"

namespace krait::jit {

struct RegFile {
  std::vector<std::uint8_t> gpr;  // allocatable general registers, in preference order
  std::vector<std::uint8_t> fpr;  // allocatable float registers
};

struct RegAllocResult {
  std::vector<Loc, Allocator<Loc>> locs;  // per instruction
  std::vector<IrRef> last_use;            // per instruction: last position it is needed
  int spills = 0;
};

bool needs_location(const IrBuffer& buf, IrRef r);
// Returns false when the trace needs more spill slots than TraceState holds.
// Side traces: `pinned` gives the fixed location of each PVAL (by its lit); registers in the
// masks are never allocated; spill slots start at `spill_base`.
struct RegConstraints {
  const std::vector<Loc>* pinned = nullptr;
  std::uint32_t avoid_gpr = 0;
  std::uint32_t avoid_fpr = 0;
  int spill_base = 0;
  const std::vector<IrRef>* link_uses = nullptr;  // values the LINK instruction moves
};
bool regalloc(const IrBuffer& buf, const RegFile& regs, RegAllocResult* out,
              const RegConstraints& rc = RegConstraints{});

}  // namespace krait::jit
