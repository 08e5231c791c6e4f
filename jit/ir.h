// The trace IR: a linear SSA array of typed instructions with interned constants, snapshots for
// the guards, and the op/type metadata generated from ir_ops.def / ir_types.def (LuaJIT's shape,
// our own code). Refs below kConstBit index instructions; refs with kConstBit set index constants.
#pragma once

#include <Python.h>

#include <cstdint>
#include <string>
#include <vector>

#include "krait/alloc.h"

namespace krait::jit {

enum class IrType : std::uint8_t {
#define X(name, letter, help) k_##name,
#include "ir_types.def"
#undef X
};

enum class IrOp : std::uint8_t {
#define X(name, flags, operands, help) name,
#include "ir_ops.def"
#undef X
  kCount
};

enum IrFlag : std::uint8_t {
  kIrNone = 0,
  kIrGuard = 1,     // G: may exit; lit names the snapshot
  kIrEffect = 2,    // E: never removed or merged
  kIrComm = 4,      // C: commutative
  kIrLoad = 8,      // L: memory load
  kIrStore = 16,    // S: memory store
  kIrPure = 32,     // P: CSE-able, removable when unused
  kIrCompare = 64,  // R: compare of a and b giving a bool
};

struct IrOpInfo {
  const char* name;
  std::uint8_t flags;
  const char* operands;  // required operand types (see ir_ops.def)
  const char* help;
};

inline constexpr IrOpInfo kIrOps[] = {
#define G kIrGuard
#define E kIrEffect
#define C kIrComm
#define L kIrLoad
#define S kIrStore
#define P kIrPure
#define R kIrCompare
#define X(name, flags, operands, help) {#name, static_cast<std::uint8_t>(flags), operands, help},
#include "ir_ops.def"
#undef X
#undef G
#undef E
#undef C
#undef L
#undef S
#undef P
#undef R
};

inline constexpr char kIrTypeLetters[] = {
#define X(name, letter, help) letter,
#include "ir_types.def"
#undef X
};

inline const IrOpInfo& op_info(IrOp op) { return kIrOps[static_cast<int>(op)]; }
inline bool op_has(IrOp op, IrFlag f) { return (op_info(op).flags & f) != 0; }

using IrRef = std::uint32_t;
inline constexpr IrRef kConstBit = 0x80000000u;
inline constexpr IrRef kNoRef = 0xffffffffu;
inline bool is_const(IrRef r) { return r != kNoRef && (r & kConstBit) != 0; }

struct IrIns {
  IrOp op;
  IrType type;
  std::uint16_t lit;  // slot, field offset, or (guards) snapshot number
  IrRef a = kNoRef;
  IrRef b = kNoRef;
};

struct IrConst {
  IrType type;
  union {
    std::int64_t i;
    double f;
    void* p;  // obj and ptr constants
  };
};

// One frame slot in a snapshot: localsplus[slot] must hold `ref` (boxed by the ref's type).
struct SnapEntry {
  std::uint16_t slot;
  IrRef ref;
};

enum SnapFlags : std::uint8_t {
  kSnapBreaker = 1,  // the back-edge eval-breaker exit: handle the breaker before resuming
  kSnapLink = 2,     // a side trace reached its root's loop header (or another loop's header
                     // with a trace): continue in that loop's root trace
};

// The interpreter state a guard exits to: resume at instruction `pc` (an index into the code's
// pre-decoded instructions) with the value stack `depth` slots high (counted from localsplus[0]);
// slots not listed hold what the frame held at trace entry.
struct Snapshot {
  std::uint32_t ins;  // first IR instruction the snapshot covers
  std::int32_t pc;
  std::uint16_t depth;
  std::uint8_t flags = 0;
  std::uint32_t start;  // into IrBuffer::snap_entries
  std::uint32_t count;
};

class IrBuffer {
 public:
  std::vector<IrIns, Allocator<IrIns>> ins;
  std::vector<IrConst, Allocator<IrConst>> consts;
  std::vector<Snapshot, Allocator<Snapshot>> snaps;
  std::vector<SnapEntry, Allocator<SnapEntry>> snap_entries;
  IrRef loop = kNoRef;  // the LOOP marker once peeled
  // Peeled loops: the first pre-roll snapshot after every pre-roll instruction the body
  // relies on (invariants it reuses, guards it dropped as already checked). A side trace from
  // an exit there or later may continue in the loop; earlier ones have not computed them.
  std::uint32_t loop_ready_snap = 0;
  // The pre-roll instructions the body relies on, ascending (renumbered by DCE): a side trace
  // from an earlier pre-roll exit computes those after its exit itself before it LINKs.
  std::vector<IrRef> relied;

  const IrIns& at(IrRef r) const { return ins[r]; }
  IrType type_of(IrRef r) const { return is_const(r) ? consts[r & ~kConstBit].type : ins[r].type; }
  const IrConst& konst(IrRef r) const { return consts[r & ~kConstBit]; }
  IrRef size() const { return static_cast<IrRef>(ins.size()); }

  IrRef kint(std::int64_t v);
  IrRef kflt(double v);
  IrRef kbool(bool v);
  IrRef kobj(const void* p);
  IrRef kptr(const void* p);

  // Appends an instruction without folding (the fold engine's back end; tests).
  IrRef append(IrOp op, IrType type, IrRef a = kNoRef, IrRef b = kNoRef, std::uint16_t lit = 0);
  // Appends a snapshot; entries are copied.
  std::uint16_t add_snapshot(std::int32_t pc, std::uint16_t depth, const SnapEntry* e,
                             std::uint32_t n, std::uint8_t flags = 0);
  void clear();
};

// Text dump in the golden-test format (see docs/ir.md). Pointers print as <ptr> when
// `stable_pointers` (KRAIT_STABLE_POINTERS=1 in tests).
std::string ir_dump(const IrBuffer& buf, bool stable_pointers, const char* header = nullptr,
                    const std::vector<std::string>* ref_notes = nullptr);
std::string ir_ref_text(const IrBuffer& buf, IrRef r, bool stable_pointers);

// Whether a value of type `t` (a CARG when `is_carg`) may stand where ir_ops.def's operand
// letter asks.
bool ir_operand_accepts(char letter, IrType t, bool is_carg);

// Checks SSA order, operand types and snapshot refs; returns an empty string when valid.
std::string ir_verify(const IrBuffer& buf);

}  // namespace krait::jit
