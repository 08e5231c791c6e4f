// A compiled trace: its IR and snapshots (kept for deoptimization), where each value lives,
// its machine code, exit counters, and the state block compiled code shares with the runtime
// (TraceState). Owned by the CodeInfo of the code object it was recorded in.
#pragma once

#include <Python.h>

#include <cstdint>
#include <string>
#include <vector>

#include "ir.h"
#include "krait/alloc.h"

struct _PyInterpreterFrame;

namespace krait::jit {

enum class AbortReason : std::uint8_t {
#define X(name, msg) k_##name,
#include "abort_reasons.def"
#undef X
  kCount
};
const char* abort_reason_name(AbortReason r);

// Where a value lives while the trace runs (chosen by the register allocator). kXmm is any
// float register (xmm on x86-64, d/v on AArch64).
struct Loc {
  enum Kind : std::uint8_t { kNone, kGpr, kXmm, kSpill };
  Kind kind = kNone;
  std::uint8_t index = 0;  // register number (backend numbering) or spill slot
};

inline constexpr int kMaxSpill = 96;

// Shared between compiled code (which holds a pointer to it in a fixed register) and the
// runtime: entry inputs, the exit number, and on exit every register, so that deoptimization
// can read any value a snapshot names. Offsets are used by the backends.
struct TraceState {
  PyObject** slots;            // the frame's localsplus
  _PyInterpreterFrame* frame;  // the running frame
  std::uint32_t exit;          // snapshot number of the exit taken
  std::uint32_t pad;
  std::uint64_t iterations;  // loop back-edges taken by this run
  // Sized for the larger register file (AArch64: x0-x30, v0-v31), by register number.
  std::uint64_t gpr[32];
  double xmm[32];
  std::uint64_t save[72];  // registers around helper calls, and emitter scratch words
  std::uint64_t spill[kMaxSpill];
  struct Trace* exit_trace;  // the trace whose exit stub ran (side traces run inside roots)
};

using TraceFn = std::uint32_t (*)(TraceState*);

// A snapshot entry resolved once the trace has registers: where its value's bits are at an
// exit (a register or spill slot the exit stub saved, or a constant) and its type, so that
// restoring a frame reads neither the IR nor the register assignment (runtime/deopt.cpp).
struct ExitValue {
  static constexpr std::uint8_t kConst = 4;  // beyond Loc::Kind
  std::uint64_t konst = 0;                   // a constant's bits
  std::uint16_t slot = 0;                    // the frame slot it restores
  IrType type = IrType::k_void;
  std::uint8_t src = 0;    // Loc::Kind, or kConst
  std::uint8_t index = 0;  // register number or spill slot
};

// Where IR value r (restoring frame slot `slot`) is at an exit, given the trace's registers;
// the bits of such a value as the exit stub saved them in `ts`; and both at once
// (runtime/deopt.cpp).
ExitValue resolve_exit_value(const IrBuffer& ir, const std::vector<Loc, Allocator<Loc>>& locs,
                             IrRef r, std::uint16_t slot);
std::uint64_t exit_bits(const ExitValue& e, const TraceState& ts);
std::uint64_t exit_value_bits(const IrBuffer& ir, const std::vector<Loc, Allocator<Loc>>& locs,
                              const TraceState& ts, IrRef r);

struct Trace {
  std::uint32_t id = 0;
  PyCodeObject* code = nullptr;   // borrowed: the trace dies with its code object
  std::int32_t header = 0;        // loop-header instruction index
  std::int32_t closing = 0;       // the instruction whose back-edge closed the loop
  std::uint16_t entry_depth = 0;  // stack slots (locals + value stack) live at the header
  IrBuffer ir;
  std::vector<Loc, Allocator<Loc>> locs;                             // per instruction ref
  std::vector<std::uint32_t, Allocator<std::uint32_t>> exit_counts;  // per snapshot
  std::vector<ExitValue, Allocator<ExitValue>> exit_values;          // per ir.snap_entries entry
  std::vector<PyObject*, Allocator<PyObject*>> held;  // strong refs to identity-guarded objects
  void* mcode = nullptr;
  std::size_t mcode_size = 0;
  TraceFn entry = nullptr;
  std::size_t code_bytes = 0;
  std::uint64_t entries = 0;
  std::uint64_t compile_ns = 0;
  std::uint32_t short_runs = 0;  // consecutive entries that exited within one iteration
  // Side traces: per exit (snapshot) of this trace, the trace recorded from it, and how many
  // recordings from it failed. `root` is the loop's root trace (itself for a root).
  std::vector<Trace*, Allocator<Trace*>> side;
  std::vector<std::uint8_t, Allocator<std::uint8_t>> side_failures;
  Trace* root = this;
  Trace* parent = nullptr;
  std::uint32_t parent_exit = 0;
  std::string where;  // "qualname file:line" of the loop header

  // Register-level linking of side traces (see jit/trace.cpp). For a root: where its loop
  // starts, what each PHI carries (so a side trace can produce it), which registers and spill
  // slots hold values across the loop (a side trace must leave them alone), and the first
  // snapshot of the loop body (side traces from exits before it cannot LINK: the loop's
  // invariants do not exist yet). For every trace: the offset of each snapshot's exit stub (patched
  // to jump to a side trace). For a side trace: the parent locations its PVALs read, and the moves
  // its LINK makes.
  struct PhiMeaning {
    Loc dst;  // the PHI's pre-loop value's location
    IrRef left = kNoRef;  // that value
    IrType type;
    std::int32_t slot = -1;  // the value of this frame slot at the back-edge, or
    IrRef obj = kNoRef;      // the field at byte offset `off` of this root value
    std::uint16_t off = 0;
  };
  void* loop_addr = nullptr;
  bool linkable = false;
  std::vector<PhiMeaning> phis;
  std::vector<std::uint8_t> reads_slot;  // root: the frame slots it loads (SLOAD), by slot
  std::uint32_t loop_gpr_mask = 0;       // registers live across the loop (bit = register number)
  std::uint32_t loop_fpr_mask = 0;
  int spill_top = 0;  // spill slots used (side traces allocate above)
  std::uint32_t first_body_snap = 0;
  // Exits from here on (pre-roll ones after everything the body relies on, and the body's)
  // may have side traces that continue in the loop (IrBuffer::loop_ready_snap).
  std::uint32_t first_ready_snap = 0;
  // Root: per pre-roll value, whether it stays in its location across the loop.
  std::vector<std::uint8_t> loop_live;
  // Side trace: the root's exit its chain of side traces started from.
  std::uint32_t root_exit = 0;
  std::vector<std::uint32_t> stub_offsets;
  std::vector<Loc> imports;  // PVAL lit -> location in the parent
  struct LinkMove {
    Loc dst;
    IrRef src;
  };
  std::vector<LinkMove> link_moves;
  bool patched = false;  // entered from its parent's patched exit stub
  // A patched side trace whose entry lies where the root's loop invariants are in their
  // registers (an exit of the root's body, or of such a side trace): only it may continue in
  // the root's loop (LINK) as it is. One from the root's pre-roll first computes what the
  // body relies on that the pre-roll had not reached (Recorder::replay_root_preroll), or
  // leaves through the runtime when it cannot.
  bool loop_ready = false;
  // A root whose loop lies inside another loop: its natural exits (the loop ending) grow side
  // traces through the outer loop back to the header.
  bool enclosed = false;
};

}  // namespace krait::jit
