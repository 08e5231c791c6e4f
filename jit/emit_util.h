// What the two backends (jit/x64/emit.cpp, jit/arm64/emit.cpp) share beyond the instruction
// set: which C helper an op calls, which guards branch with their compare, the moves a back-edge or
// a side trace's LINK makes and the order that makes them a parallel assignment, the registers a
// helper call must preserve, and installing assembled code into the code cache with its exit-stub
// and loop offsets.
#pragma once

#include <asmjit/core.h>

#include <functional>
#include <string>
#include <vector>

#include "ir.h"
#include "regalloc.h"
#include "trace.h"

namespace krait::jit {

struct PendingMove {
  Loc dst;
  IrRef src;
  bool parked = false;  // read src's value from the park slot (a broken cycle)
};

// Every PHI's body value into its pre-loop value's location (the back-edge).
std::vector<PendingMove> phi_moves(const IrBuffer& buf, const RegAllocResult& ra);
// A side trace's LINK: the root's loop-carried values into the root's locations.
std::vector<PendingMove> link_moves(const Trace& t, const RegAllocResult& ra);

// Makes `moves` as if all at once: calls `move` for each in an order where no destination is
// written before every move reading it has run. A cycle is broken by `park(loc)`, which must
// save loc's current value in the backend's park slot; the moves that read it then come with
// `parked` set. Only one value is parked at a time (a new cycle is broken only when nothing
// can move, and by then the parked reads are done).
void order_moves(const RegAllocResult& ra, std::vector<PendingMove> moves,
                 const std::function<void(const PendingMove&)>& move,
                 const std::function<void(const Loc&)>& park);

// The registers holding values a helper call at `at` must preserve (each once): values live
// across `at` in a register `caller_saved` says the call clobbers. A value whose last use is
// `at` itself counts: when `at` is a guard that exits after the call (UNBOXI, STLIST, ...)
// its snapshot names it.
std::vector<Loc> live_across_call(const IrBuffer& buf, const RegAllocResult& ra, IrRef at,
                                  bool (*caller_saved)(const Loc&));
// live_across_call for the call sites of trace `t`: a side trace that ends in a LINK also
// keeps the root's registers live across its loop (values it never names, which the root's
// body reads after the LINK) through every call.
std::vector<Loc> saved_across_call(const Trace& t, const RegAllocResult& ra, IrRef at,
                                   bool (*caller_saved)(const Loc&));

// Whether g is a GTRUE/GFALSE on the compare (int or float) just before it that nothing else
// reads, not even g's snapshot (fold_guard_bools put the known value there): the backend
// then branches to g's exit on the compare's flags and emits nothing for g.
bool fused_compare_guard(const IrBuffer& buf, const RegAllocResult& ra, IrRef g);

// The C helper (jit/helpers.cpp) that op FMOD, FFLOORDIV, FPOW, STLIST, LAPPEND, LITER, RITER,
// SSTORE or NEWLIST calls for a value operand of type `value`.
const void* helper_for(IrOp op, IrType value);

// Copies the assembled code into fresh code-cache pages (relocated to them, then W^X) and
// fills in the code fields of `t` (mcode, entry, size, exit-stub offsets, loop address).
bool install_code(asmjit::CodeHolder& code, Trace& t, const std::vector<asmjit::Label>& exits,
                  const asmjit::Label& loop);

}  // namespace krait::jit
