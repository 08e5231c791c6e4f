// Per-code-object data of the baseline interpreter: the pre-decoded instruction array built
// once from the un-specialized bytecode (EXTENDED_ARG folded, CACHE entries skipped, jump
// targets resolved to instruction indices) and the loop-header counters. Lives in the code
// object's co_extra slot and is freed with the code object.
#pragma once

#include <Python.h>

#include <cstdint>
#include <vector>

#include "cpython_shim.h"
#include "krait/alloc.h"

namespace krait {
namespace jit {
struct Trace;
}

enum InstrFlags : std::uint8_t {
  kInstrLoopHeader = 1,  // the target of a backward jump: has a hot-loop counter
  kInstrHasTrace = 2,    // loop header with a compiled trace: `counter` is its index in traces
  kInstrNoTrace = 4,     // loop header blacklisted for recording
};

struct Instr {
  std::uint8_t op;        // base (un-specialized) opcode
  std::uint8_t flags;     // InstrFlags
  std::uint8_t xop;       // what normal dispatch runs: `op` or a form of it (interp_xops.def)
  std::uint16_t cache;    // index into CodeInfo::caches (LOAD_ATTR/METHOD/GLOBAL), or kNoCache
  std::int32_t arg;       // full oparg, EXTENDED_ARG prefixes folded in
  std::uint32_t offset;   // code unit of the instruction itself (what f_lasti reports)
  std::uint32_t start;    // code unit of its first EXTENDED_ARG prefix (== offset if none)
  std::int32_t target;    // index of the jump target instruction, -1 if not a jump
  std::uint32_t counter;  // loop headers: back-edges seen (hot-loop detection)
};

inline constexpr std::uint16_t kNoCache = 0xffff;
// Inline cache entries per attribute instruction (LOAD_ATTR, STORE_ATTR, LOAD_METHOD): a site
// that sees several types keeps one specialized entry per type (interp_inline.h poly_hit).
inline constexpr int kCacheWays = 4;

// Krait's dispatch opcodes (interp_xops.def).
enum XOp : std::uint8_t {
#define XOP_PAIR(name, number, first, second) kXOp_##name = number,
#define XOP_BINARY(name, number, operator) kXOp_##name = number,
#define XOP_COMPARE(name, number, operator, jump_if) kXOp_##name = number,
#define XOP_TRIPLE(name, number, first, second, third) kXOp_##name = number,
#include "interp_xops.def"
#undef XOP_PAIR
#undef XOP_BINARY
#undef XOP_COMPARE
#undef XOP_TRIPLE
};

// One row of the code object's exception table (co_exceptiontable), decoded: instructions
// whose offset lies in [start, end) jump to instruction `handler` with the value stack cut to
// `depth`, after pushing f_lasti when `push_lasti`.
struct ExceptionEntry {
  std::uint32_t start;   // code units
  std::uint32_t end;     // code units, exclusive
  std::int32_t handler;  // instruction index
  std::uint16_t depth;
  std::uint8_t push_lasti;
};

struct CodeInfo {
  // Every live CodeInfo is on one list, so that those of code objects CPython never frees
  // (alive at exit, or freed after finalization dropped the co_extra free function) are
  // released at exit instead of leaking.
  CodeInfo* prev = nullptr;
  CodeInfo* next = nullptr;
  // Inline caches of the specializing instructions (zero-initialized: empty).
  std::vector<KraitCache, Allocator<KraitCache>> caches;
  std::vector<Instr, Allocator<Instr>> instrs;
  // Code unit -> instruction index, for units where execution can start or resume
  // (instruction group starts and the instructions themselves); -1 elsewhere (CACHE).
  std::vector<std::int32_t, Allocator<std::int32_t>> index_of_unit;
  std::vector<ExceptionEntry, Allocator<ExceptionEntry>> exception_table;  // sorted by start

  // The handler covering code unit `unit`, or nullptr (the exception leaves the frame).
  const ExceptionEntry* find_handler(std::uint32_t unit) const {
    for (const ExceptionEntry& e : exception_table) {
      if (unit < e.start) break;
      if (unit < e.end) return &e;
    }
    return nullptr;
  }
  // Tracing JIT state: compiled traces (indexed by their header's `counter`) and, per loop
  // header that failed to record or whose trace was retired, the number of failures.
  std::vector<jit::Trace*, Allocator<jit::Trace*>> traces;
  struct LoopFailures {
    std::int32_t header;
    std::uint16_t aborts;
    std::uint16_t retired;
  };
  std::vector<LoopFailures, Allocator<LoopFailures>> loop_failures;
  bool has_loop = false;
  // Every loop of this code failed to record and none is compiled: with the default routing
  // its frames run in CPython's own loop, which is faster than ours for untraceable code.
  bool cpython_only = false;
  bool hot_reported = false;

  // Index of the instruction to resume at when CPython's frame says execution continues at
  // code unit `unit` (prev_instr + 1), or -1 when that is not an instruction boundary.
  std::int32_t index_at(std::int64_t unit) const {
    if (unit < 0 || unit >= static_cast<std::int64_t>(index_of_unit.size())) return -1;
    return index_of_unit[unit];
  }
};

// The layout of code->co_extra, private to CPython 3.11's Objects/codeobject.c
// (_PyCodeObjectExtra): a slot count and one pointer per co_extra user index.
struct CoExtraLayout {
  Py_ssize_t ce_size;
  void* ce_extras[1];
};

// Krait's co_extra index, -1 until the first code_info() call requests one.
extern Py_ssize_t g_code_extra_index;

// Krait's co_extra slot of `code` holds either nothing, a CodeInfo*, or (low bit set) the
// number of calls seen before the code became warm: code is decoded only once it is run by
// Krait's interpreter, and counting needs no allocation of our own.
inline void* code_extra_slot(PyCodeObject* code) {
  auto* extra = static_cast<CoExtraLayout*>(code->co_extra);
  if (extra == nullptr || g_code_extra_index < 0 || g_code_extra_index >= extra->ce_size)
    return nullptr;
  return extra->ce_extras[g_code_extra_index];
}
inline bool is_call_count(void* slot) { return reinterpret_cast<std::uintptr_t>(slot) & 1; }

// Decodes `code` and attaches its CodeInfo (code_info's slow path).
CodeInfo* code_info_slow(PyCodeObject* code);

// The CodeInfo for `code`, decoded on first use; nullptr (no exception) if it cannot be
// built (then the frame simply runs in CPython). Inline: every call and return of the
// interpreter asks for it.
[[gnu::always_inline]] inline CodeInfo* code_info(PyCodeObject* code) {
  void* slot = code_extra_slot(code);
  if (slot != nullptr && !is_call_count(slot)) [[likely]]
    return static_cast<CodeInfo*>(slot);
  return code_info_slow(code);
}

// Whether `code` contains a loop (a backward jump), without decoding it.
bool code_has_backward_jump(PyCodeObject* code);

// Counts one call of `code` not yet run by the interpreter; true once it has been called
// more than `threshold` times (it is warm: decode it and run it in Krait's interpreter).
bool count_call(PyCodeObject* code, std::uint32_t threshold);

// Builds a CodeInfo without attaching it (tests).
CodeInfo* decode_code(PyCodeObject* code);
void free_code_info(CodeInfo* info);
// Calls fn for every live CodeInfo (introspection: krait.traces()).
void for_each_code_info(void (*fn)(CodeInfo* info, void* ctx), void* ctx);
// At process exit (after Python finalization): frees every CodeInfo still alive.
void free_all_code_infos();

}  // namespace krait
