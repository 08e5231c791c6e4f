// Log channels: parsing KRAIT_LOG, the output file, and the printf-style sink.
#include "krait/log.h"

#include <cstdarg>
#include <cstdio>

namespace krait {

std::uint32_t g_log_mask = 0;

namespace {
std::FILE* g_log_file = nullptr;  // nullptr means stderr
const char* const kNames[] = {
#define X(name, help) #name,
#include "log_channels.def"
#undef X
};
const char* const kHelp[] = {
#define X(name, help) help,
#include "log_channels.def"
#undef X
};
constexpr int kChannels = static_cast<int>(LogChannel::kCount);
static_assert(kChannels <= 32, "the log mask is 32 bits");
}  // namespace

const char* log_channel_name(LogChannel c) { return kNames[static_cast<int>(c)]; }
const char* log_channel_help(LogChannel c) { return kHelp[static_cast<int>(c)]; }

bool parse_log_channels(std::string_view text, std::uint32_t* mask, std::string* error) {
  std::uint32_t m = 0;
  std::size_t pos = 0;
  while (pos <= text.size() && !text.empty()) {
    std::size_t comma = text.find(',', pos);
    std::string_view name = text.substr(pos, comma == std::string_view::npos ? std::string_view::npos
                                                                             : comma - pos);
    int found = -1;
    for (int c = 0; c < kChannels; ++c)
      if (name == kNames[c]) found = c;
    if (name == "all") {
      m = (kChannels == 32) ? ~0u : ((1u << kChannels) - 1);
    } else if (found < 0) {
      *error = "unknown log channel '" + std::string(name) + "'; channels are:";
      for (int c = 0; c < kChannels; ++c) *error += std::string(" ") + kNames[c];
      *error += " (or all)";
      return false;
    } else {
      m |= 1u << found;
    }
    if (comma == std::string_view::npos) break;
    pos = comma + 1;
  }
  *mask = m;
  return true;
}

std::string log_channels_text(std::uint32_t mask) {
  std::string out;
  for (int c = 0; c < kChannels; ++c) {
    if (!((mask >> c) & 1u)) continue;
    if (!out.empty()) out += ",";
    out += kNames[c];
  }
  return out;
}

bool log_init(std::uint32_t mask, const std::string& path, std::string* error) {
  if (!path.empty()) {
    g_log_file = std::fopen(path.c_str(), "w");
    if (!g_log_file) {
      *error = "cannot open KRAIT_LOG_FILE '" + path + "' for writing";
      return false;
    }
  }
  g_log_mask = mask;
  return true;
}

void log_printf(LogChannel c, const char* fmt, ...) {
  std::FILE* out = g_log_file ? g_log_file : stderr;
  std::fprintf(out, "[krait:%s] ", kNames[static_cast<int>(c)]);
  va_list ap;
  va_start(ap, fmt);
  std::vfprintf(out, fmt, ap);
  va_end(ap);
  std::fputc('\n', out);
}

void log_flush() { std::fflush(g_log_file ? g_log_file : stderr); }

}  // namespace krait
