// Stats counter storage and rendering, generated from stats.def.
#include "krait/stats.h"

#include <cstring>

namespace krait {

std::uint64_t g_stats[kStatCount];

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

const char* stat_name(Stat s) { return kNames[static_cast<int>(s)]; }
const char* stat_help(Stat s) { return kHelp[static_cast<int>(s)]; }
void reset_stats() { std::memset(g_stats, 0, sizeof g_stats); }

std::string stats_json() {
  std::string out = "{";
  for (int i = 0; i < kStatCount; ++i) {
    if (i) out += ", ";
    out += "\"";
    out += kNames[i];
    out += "\": ";
    out += std::to_string(g_stats[i]);
  }
  out += "}\n";
  return out;
}

}  // namespace krait
