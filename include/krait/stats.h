// Stats counters (generated from runtime/stats.def). Counters are plain integers bumped
// under the GIL; krait.stats() and the exit dump read them.
#pragma once

#include <cstdint>
#include <string>

namespace krait {

enum class Stat {
#define X(name, help) k_##name,
#include "../../runtime/stats.def"
#undef X
  kCount
};

inline constexpr int kStatCount = static_cast<int>(Stat::kCount);

extern std::uint64_t g_stats[kStatCount];

inline void bump(Stat s, std::uint64_t n = 1) { g_stats[static_cast<int>(s)] += n; }
// Specialization hits happen on the interpreter's fast paths, where one counter update per
// hit costs ~10% on dispatch-heavy code: they are counted only with -X jit-spec-stats
// (read once, when the interpreter first runs); misses are always counted.
extern bool g_count_spec_hits;
inline void bump_hit(Stat s) {
  if (__builtin_expect(g_count_spec_hits, 0)) bump(s);
}
inline void set_stat(Stat s, std::uint64_t v) { g_stats[static_cast<int>(s)] = v; }
inline std::uint64_t stat_value(Stat s) { return g_stats[static_cast<int>(s)]; }

// Aborted recordings of the tracing JIT, by reason (jit/abort_reasons.def order) and by the
// opcode that was not supported.
inline constexpr int kAbortReasonCount = 0
#define X(name, msg) +1
#include "../../jit/abort_reasons.def"
#undef X
    ;
extern std::uint64_t g_aborts_by_reason[kAbortReasonCount];
extern std::uint64_t g_aborts_by_op[256];

const char* stat_name(Stat s);
const char* stat_help(Stat s);
void reset_stats();

// Every counter by name: the stats.def rows in table order, then one `handoff_<OPNAME>` per
// base CPython opcode (hand-offs of the baseline interpreter to CPython at that opcode), one
// `abort_<reason>` per abort reason and one `abort_op_<OPNAME>` per base opcode.
void for_each_stat(void (*fn)(void* ctx, const char* name, std::uint64_t value), void* ctx);

// {"name": value, ...} with every counter, as for_each_stat lists them.
std::string stats_json();

}  // namespace krait
