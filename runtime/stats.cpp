// Stats counter storage and rendering, generated from stats.def.
#include "krait/stats.h"

#include <cstdio>
#include <cstring>

#include "interp.h"
#include "py_opcodes.h"

namespace krait {

std::uint64_t g_stats[kStatCount];
bool g_count_spec_hits = false;

namespace {
const char* const kNames[] = {
#define X(name, help) #name,
#include "stats.def"
#undef X
};
const char* const kHelp[] = {
#define X(name, help) help,
#include "stats.def"
#undef X
};
static_assert(sizeof(kNames) / sizeof(kNames[0]) == kStatCount);
}  // namespace

const char* const kAbortReasonNames[] = {
#define X(name, msg) #name,
#include "../jit/abort_reasons.def"
#undef X
};
std::uint64_t g_aborts_by_reason[kAbortReasonCount];
std::uint64_t g_aborts_by_op[256];

const char* stat_name(Stat s) { return kNames[static_cast<int>(s)]; }
const char* stat_help(Stat s) { return kHelp[static_cast<int>(s)]; }
void reset_stats() {
  std::memset(g_stats, 0, sizeof g_stats);
  std::memset(g_handoffs_by_op, 0, sizeof g_handoffs_by_op);
  std::memset(g_aborts_by_reason, 0, sizeof g_aborts_by_reason);
  std::memset(g_aborts_by_op, 0, sizeof g_aborts_by_op);
}

void for_each_stat(void (*fn)(void* ctx, const char* name, std::uint64_t value), void* ctx) {
  for (int i = 0; i < kStatCount; ++i) fn(ctx, kNames[i], g_stats[i]);
  char name[64];
  for (int op = 0; op < 256; ++op) {
    if (!kPyOps[op].name || kPyOps[op].base != op) continue;
    std::snprintf(name, sizeof name, "handoff_%s", kPyOps[op].name);
    fn(ctx, name, g_handoffs_by_op[op]);
  }
  for (int r = 0; r < kAbortReasonCount; ++r) {
    std::snprintf(name, sizeof name, "abort_%s", kAbortReasonNames[r]);
    fn(ctx, name, g_aborts_by_reason[r]);
  }
  for (int op = 0; op < 256; ++op) {
    if (!kPyOps[op].name || kPyOps[op].base != op) continue;
    std::snprintf(name, sizeof name, "abort_op_%s", kPyOps[op].name);
    fn(ctx, name, g_aborts_by_op[op]);
  }
}

std::string stats_json() {
  std::string out = "{";
  for_each_stat(
      [](void* ctx, const char* name, std::uint64_t value) {
        auto* s = static_cast<std::string*>(ctx);
        if (s->size() > 1) *s += ", ";
        *s += "\"";
        *s += name;
        *s += "\": ";
        *s += std::to_string(value);
      },
      &out);
  out += "}\n";
  return out;
}

}  // namespace krait
