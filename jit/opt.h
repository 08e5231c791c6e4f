// The optimizer's interface: the emission-time fold engine (constant folding, algebraic
// simplification, CSE, redundant-guard removal, store-to-load forwarding) and the passes run
// after recording (loop peeling with loop-invariant code motion, dead-code elimination).
#pragma once

#include "ir.h"

namespace krait::jit {

// Returned by Emitter::emit for a guard that can never pass (e.g. a type guard on a value
// whose type is known to differ): the recording must abort.
inline constexpr IrRef kFailRef = 0xfffffffeu;

class Emitter {
 public:
  explicit Emitter(IrBuffer& buf) : buf_(buf) {}
  // Emits `op` through the fold engine: may return an existing ref (CSE, forwarding), a
  // constant (folding), kNoRef for a guard proven redundant, or kFailRef.
  IrRef emit(IrOp op, IrType type, IrRef a = kNoRef, IrRef b = kNoRef, std::uint16_t lit = 0);
  IrBuffer& buf() { return buf_; }
  bool fold_enabled = true;  // golden tests of the unfolded recording switch it off

 private:
  IrRef fold(IrIns& in);
  IrRef cse(const IrIns& in) const;
  IrRef forward_load(const IrIns& in) const;
  IrBuffer& buf_;
};

// The PyTypeObject* a ref is known to have: from its IR type (int/flt/bool) or a type guard
// on it; nullptr when unknown.
const PyTypeObject* known_pytype(const IrBuffer& buf, IrRef r);

// Loop peeling (opt_loop.cpp): the recorded iteration [0, n) becomes the pre-roll; a copy of it
// is re-emitted through the fold engine after a LOOP marker, with slot reads replaced by the
// values at the end of the previous iteration, so that whatever is loop-invariant CSEs into the
// pre-roll and disappears from the body. PHIs carry the values that change. `end_slots` maps
// each slot written by the iteration to its ref at the back-edge; `nslots` is their count.
// Returns false when the copy hits an always-failing guard (a type-unstable loop).
bool peel_loop(IrBuffer& buf, const std::vector<IrRef>& end_slots, std::uint16_t entry_depth,
               std::int32_t header_pc, const char** why);

// A failed GTRUE/GFALSE knows its bool: the guard's own snapshot takes the constant
// (opt_guard.cpp), so a compare feeding only the guard needs no register.
void fold_guard_bools(IrBuffer& buf);

// Removes pure instructions nothing uses (opt_dce.cpp); renumbers refs and snapshots.
// Returns the old ref -> new ref map (kNoRef for removed instructions).
// `extra_live` lists values used outside the IR (a side trace's LINK moves); they are kept
// and renumbered in place.
std::vector<IrRef> dce(IrBuffer& buf, std::vector<IrRef>* extra_live = nullptr);

}  // namespace krait::jit
