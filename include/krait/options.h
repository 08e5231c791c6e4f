// Parsed Krait options (generated from runtime/options.def) and the pure parser used at
// start-up and by unit tests. Reading options never touches CPython state.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace krait {

enum class OptionKind { kBool, kUint, kChannels, kPath, kChoice };

enum class OptionId {
#define X(id, kind, env, xname, def, lo, hi, choices, help) k_##id,
#include "../../runtime/options.def"
#undef X
  kCount
};

struct Options {
#define KRAIT_OPT_TYPE_kBool bool
#define KRAIT_OPT_TYPE_kUint std::uint64_t
#define KRAIT_OPT_TYPE_kChannels std::uint32_t
#define KRAIT_OPT_TYPE_kPath std::string
#define KRAIT_OPT_TYPE_kChoice int
#define X(id, kind, env, xname, def, lo, hi, choices, help) KRAIT_OPT_TYPE_##kind id{};
#include "../../runtime/options.def"
#undef X
};

struct OptionInfo {
  const char* name;
  OptionKind kind;
  const char* env;
  const char* xname;
  const char* default_value;
  std::uint64_t min;
  std::uint64_t max;
  const char* choices;  // kChoice: "a|b|c"
  const char* help;
};

// One row per option, in table order.
const std::vector<OptionInfo>& option_table();

// Where option values come from: environment variables and `-X name[=value]` entries
// (as in sys._xoptions: a bare `-X name` has no value). -X wins over the environment.
struct OptionSources {
  std::function<std::optional<std::string>(const char*)> getenv;
  std::vector<std::string> xoptions;  // "name" or "name=value"
};

// Fills *out from defaults, then env, then -X. On a bad value or an unknown `-X jit-*` name
// returns false and sets *error to a one-line message naming the option and accepted values.
bool parse_options(const OptionSources& sources, Options* out, std::string* error);

// True when the -X list asks for the option help (`-X jit-help`).
bool wants_option_help(const std::vector<std::string>& xoptions);
std::string option_help_text();

// Values of the kChoice options, in the order of their `choices` column.
enum class InterpMode { kLoops = 0, kAll = 1, kOff = 2, kWarm = 3 };

// The process-wide options, set once at start-up before Python runs (tests set them too).
// Inline: the hook and the interpreter read them on every frame.
extern Options g_options;
inline const Options& options() { return g_options; }
void set_options(const Options& opts);

// Renders an option's current value as text (for logs, help and krait.options()).
std::string option_value_text(const Options& opts, OptionId id);

}  // namespace krait
