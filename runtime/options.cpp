// Option parsing for Krait: defaults, KRAIT_* environment variables, then `-X` options, all
// driven by options.def. Bad values are reported, never guessed.
#include "krait/options.h"

#include <cerrno>
#include <cstdlib>
#include <cstring>

#include "krait/log.h"

namespace krait {

Options g_options;

namespace {

const char* kind_accepts(const OptionInfo& info, std::string* buf) {
  switch (info.kind) {
    case OptionKind::kBool:
      return "on, off, 1 or 0";
    case OptionKind::kUint:
      *buf = "an integer from " + std::to_string(info.min) + " to " + std::to_string(info.max);
      return buf->c_str();
    case OptionKind::kChannels: {
      *buf = "a comma-separated list of log channels (";
      for (int c = 0; c < static_cast<int>(LogChannel::kCount); ++c) {
        if (c) *buf += ", ";
        *buf += log_channel_name(static_cast<LogChannel>(c));
      }
      *buf += ")";
      return buf->c_str();
    }
    case OptionKind::kPath:
      return "a file name";
    case OptionKind::kChoice: {
      *buf = "one of ";
      for (const char* c = info.choices; *c; ++c) *buf += *c == '|' ? std::string(", ") : std::string(1, *c);
      return buf->c_str();
    }
  }
  return "";
}

// Stores `value` into the field for `id`. `origin` names where it came from, for the error.
bool set_value(Options* out, OptionId id, const std::string& value, const std::string& origin,
               std::string* error) {
  const OptionInfo& info = option_table()[static_cast<int>(id)];
  std::string accepted;
  auto fail = [&]() {
    *error = "invalid value '" + value + "' for " + origin + ": expected " +
             kind_accepts(info, &accepted);
    return false;
  };
  bool b = false;
  std::uint64_t u = 0;
  std::uint32_t mask = 0;
  int choice = -1;
  switch (info.kind) {
    case OptionKind::kBool:
      if (value == "on" || value == "1") {
        b = true;
      } else if (value == "off" || value == "0") {
        b = false;
      } else {
        return fail();
      }
      break;
    case OptionKind::kUint: {
      if (value.empty() || value.find_first_not_of("0123456789") != std::string::npos) return fail();
      errno = 0;
      u = std::strtoull(value.c_str(), nullptr, 10);
      if (errno == ERANGE || u < info.min || u > info.max) return fail();
      break;
    }
    case OptionKind::kChannels: {
      std::string why;
      if (!parse_log_channels(value, &mask, &why)) {
        *error = "invalid value '" + value + "' for " + origin + ": " + why;
        return false;
      }
      break;
    }
    case OptionKind::kPath:
      break;
    case OptionKind::kChoice: {
      std::string all = info.choices;
      std::size_t pos = 0;
      for (int i = 0; pos <= all.size(); ++i) {
        std::size_t bar = all.find('|', pos);
        if (bar == std::string::npos) bar = all.size();
        if (all.compare(pos, bar - pos, value) == 0 && bar - pos == value.size()) choice = i;
        pos = bar + 1;
      }
      if (choice < 0) return fail();
      break;
    }
  }
  switch (id) {
#define KRAIT_OPT_STORE_kBool(id) out->id = b;
#define KRAIT_OPT_STORE_kUint(id) out->id = u;
#define KRAIT_OPT_STORE_kChannels(id) out->id = mask;
#define KRAIT_OPT_STORE_kPath(id) out->id = value;
#define KRAIT_OPT_STORE_kChoice(id) out->id = choice;
#define X(id, kind, env, xname, def, lo, hi, choices, help) \
  case OptionId::k_##id:                           \
    KRAIT_OPT_STORE_##kind(id) break;
#include "options.def"
#undef X
    case OptionId::kCount:
      break;
  }
  return true;
}

}  // namespace

std::string choice_text(const char* choices, int index) {
  std::string all = choices;
  std::size_t pos = 0;
  for (int i = 0; i < index && pos != std::string::npos; ++i) {
    pos = all.find('|', pos);
    if (pos != std::string::npos) ++pos;
  }
  if (pos == std::string::npos) return "";
  std::size_t bar = all.find('|', pos);
  return all.substr(pos, bar == std::string::npos ? std::string::npos : bar - pos);
}

const std::vector<OptionInfo>& option_table() {
  static const std::vector<OptionInfo> table = {
#define X(id, kind, env, xname, def, lo, hi, choices, help) \
  {#id, OptionKind::kind, env, xname, def, lo, hi, choices, help},
#include "options.def"
#undef X
  };
  return table;
}

bool parse_options(const OptionSources& sources, Options* out, std::string* error) {
  Options opts;
  const auto& table = option_table();
  for (int i = 0; i < static_cast<int>(OptionId::kCount); ++i) {
    const OptionInfo& info = table[i];
    std::string what = std::string("the default of ") + info.name;
    if (!set_value(&opts, static_cast<OptionId>(i), info.default_value, what, error)) return false;
    if (sources.getenv) {
      if (auto v = sources.getenv(info.env)) {
        if (!set_value(&opts, static_cast<OptionId>(i), *v, info.env, error)) return false;
      }
    }
  }
  // CPython 3.12's spellings of perf support, back-ported: PYTHONPERFSUPPORT=1 and -X perf.
  if (sources.getenv) {
    if (auto v = sources.getenv("PYTHONPERFSUPPORT")) {
      if (*v == "1") opts.perf_map = true;
    }
  }
  // -X entries are applied in command-line order, so the last one wins, as in sys._xoptions.
  for (const std::string& x : sources.xoptions) {
    auto eq = x.find('=');
    std::string name = x.substr(0, eq);
    bool has_value = eq != std::string::npos;
    std::string value = has_value ? x.substr(eq + 1) : std::string();
    if (name == "jit-help") continue;
    if (name == "perf") {
      opts.perf_map = true;
      continue;
    }
    int found = -1;
    for (int i = 0; i < static_cast<int>(OptionId::kCount); ++i) {
      if (name == table[i].xname) found = i;
    }
    if (found < 0) {
      // Other -X options belong to CPython (which ignores unknown ones); a jit- prefix is ours.
      if (name == "jit" || name.rfind("jit-", 0) == 0) {
        *error = "unknown option -X " + name + "; Krait's -X options are:";
        for (const auto& info : table) *error += std::string(" ") + info.xname;
        *error += " (and -X jit-help)";
        return false;
      }
      continue;
    }
    const OptionInfo& info = table[found];
    if (!has_value) {
      // A bare `-X jit` switches a boolean on, as CPython's bare -X flags do.
      if (info.kind != OptionKind::kBool) {
        std::string accepted;
        *error = std::string("-X ") + info.xname + " needs a value: -X " + info.xname +
                 "=<" + kind_accepts(info, &accepted) + ">";
        return false;
      }
      value = "on";
    }
    if (!set_value(&opts, static_cast<OptionId>(found), value, std::string("-X ") + info.xname,
                   error))
      return false;
  }
  *out = opts;
  return true;
}

bool wants_option_help(const std::vector<std::string>& xoptions) {
  for (const auto& x : xoptions)
    if (x == "jit-help") return true;
  return false;
}

std::string option_help_text() {
  std::string text = "Krait options (-X name=value or environment variable; -X wins):\n";
  for (const auto& info : option_table()) {
    std::string accepted;
    text += std::string("  -X ") + info.xname + "  /  " + info.env + "\n      " + info.help +
            ".\n      Accepts " + kind_accepts(info, &accepted) + "; default '" +
            info.default_value + "'.\n";
  }
  text += "Log channels:\n";
  for (int c = 0; c < static_cast<int>(LogChannel::kCount); ++c) {
    text += std::string("  ") + log_channel_name(static_cast<LogChannel>(c)) + "  " +
            log_channel_help(static_cast<LogChannel>(c)) + "\n";
  }
  return text;
}

void set_options(const Options& opts) { g_options = opts; }

std::string option_value_text(const Options& opts, OptionId id) {
  switch (id) {
#define KRAIT_OPT_TEXT_kBool(id) return opts.id ? "on" : "off";
#define KRAIT_OPT_TEXT_kUint(id) return std::to_string(opts.id);
#define KRAIT_OPT_TEXT_kChannels(id) return log_channels_text(opts.id);
#define KRAIT_OPT_TEXT_kPath(id) return opts.id;
#define KRAIT_OPT_TEXT_kChoice(id) return choice_text(option_table()[static_cast<int>(OptionId::k_##id)].choices, opts.id);
#define X(id, kind, env, xname, def, lo, hi, choices, help) \
  case OptionId::k_##id:                           \
    KRAIT_OPT_TEXT_##kind(id)
#include "options.def"
#undef X
    case OptionId::kCount:
      break;
  }
  return "";
}

}  // namespace krait
