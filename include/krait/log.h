// Log channels (generated from runtime/log_channels.def). KRAIT_LOG(chan, fmt, ...) costs one
// branch on a global mask when the channel is off; output goes to stderr or KRAIT_LOG_FILE.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace krait {

enum class LogChannel {
#define X(name, help) k_##name,
#include "../../runtime/log_channels.def"
#undef X
  kCount
};

extern std::uint32_t g_log_mask;

inline bool log_enabled(LogChannel c) { return (g_log_mask >> static_cast<int>(c)) & 1u; }

const char* log_channel_name(LogChannel c);
const char* log_channel_help(LogChannel c);

// Parses "a,b,c" into a mask. Returns false and sets *error on an unknown name.
bool parse_log_channels(std::string_view text, std::uint32_t* mask, std::string* error);
std::string log_channels_text(std::uint32_t mask);

// Opens KRAIT_LOG_FILE (if set) and sets the mask. Returns false with *error if the file
// cannot be opened.
bool log_init(std::uint32_t mask, const std::string& path, std::string* error);
void log_printf(LogChannel c, const char* fmt, ...) __attribute__((format(printf, 2, 3)));
void log_flush();

}  // namespace krait

#define KRAIT_LOG(chan, ...)                                     \
  do {                                                           \
    if (::krait::log_enabled(::krait::LogChannel::k_##chan))     \
      ::krait::log_printf(::krait::LogChannel::k_##chan, __VA_ARGS__); \
  } while (0)
