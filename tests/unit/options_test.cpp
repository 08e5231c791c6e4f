// Option parsing: defaults, environment, -X precedence and every kind of bad value.
#include <gtest/gtest.h>

#include <map>

#include "krait/log.h"
#include "krait/options.h"

namespace krait::test {
namespace {

struct Parsed {
  bool ok;
  Options opts;
  std::string error;
};

Parsed parse(std::map<std::string, std::string> env, std::vector<std::string> xopts) {
  OptionSources src;
  src.getenv = [env](const char* name) -> std::optional<std::string> {
    auto it = env.find(name);
    if (it == env.end()) return std::nullopt;
    return it->second;
  };
  src.xoptions = std::move(xopts);
  Parsed p;
  p.ok = parse_options(src, &p.opts, &p.error);
  return p;
}

TEST(Options, Defaults) {
  Parsed p = parse({}, {});
  ASSERT_TRUE(p.ok) << p.error;
  EXPECT_TRUE(p.opts.jit);
  EXPECT_EQ(p.opts.hot_loop, 56u);
  EXPECT_EQ(p.opts.log, 0u);
  EXPECT_TRUE(p.opts.log_file.empty());
  EXPECT_FALSE(p.opts.mimalloc);
}

TEST(Options, EnvAndXoptionPrecedence) {
  Parsed p = parse({{"KRAIT_JIT", "0"}, {"KRAIT_HOT_LOOP", "7"}}, {});
  ASSERT_TRUE(p.ok) << p.error;
  EXPECT_FALSE(p.opts.jit);
  EXPECT_EQ(p.opts.hot_loop, 7u);
  p = parse({{"KRAIT_JIT", "0"}, {"KRAIT_HOT_LOOP", "7"}}, {"jit=on", "jit-hot-loop=9"});
  ASSERT_TRUE(p.ok) << p.error;
  EXPECT_TRUE(p.opts.jit);
  EXPECT_EQ(p.opts.hot_loop, 9u);
  // The last -X wins, as in sys._xoptions.
  p = parse({}, {"jit=off", "jit=on", "jit=off"});
  ASSERT_TRUE(p.ok);
  EXPECT_FALSE(p.opts.jit);
}

TEST(Options, BareBooleanXoptionMeansOn) {
  Parsed p = parse({{"KRAIT_JIT", "off"}}, {"jit"});
  ASSERT_TRUE(p.ok) << p.error;
  EXPECT_TRUE(p.opts.jit);
}

TEST(Options, ForeignXoptionsAreIgnored) {
  Parsed p = parse({}, {"utf8", "importtime", "dev", "frozen_modules=off"});
  EXPECT_TRUE(p.ok) << p.error;
}

TEST(Options, BadBoolNamesOptionAndValues) {
  Parsed p = parse({}, {"jit=maybe"});
  ASSERT_FALSE(p.ok);
  EXPECT_NE(p.error.find("-X jit"), std::string::npos) << p.error;
  EXPECT_NE(p.error.find("'maybe'"), std::string::npos) << p.error;
  EXPECT_NE(p.error.find("on, off, 1 or 0"), std::string::npos) << p.error;
  p = parse({{"KRAIT_JIT", "yes"}}, {});
  ASSERT_FALSE(p.ok);
  EXPECT_NE(p.error.find("KRAIT_JIT"), std::string::npos) << p.error;
}

TEST(Options, BadIntegers) {
  for (const char* bad : {"", "-1", "0", "12x", "1e3", "99999999999999999999999", "1000000001"}) {
    Parsed p = parse({{"KRAIT_HOT_LOOP", bad}}, {});
    EXPECT_FALSE(p.ok) << "accepted '" << bad << "'";
    EXPECT_NE(p.error.find("KRAIT_HOT_LOOP"), std::string::npos) << p.error;
    EXPECT_NE(p.error.find("an integer from 1 to 1000000000"), std::string::npos) << p.error;
  }
  Parsed p = parse({}, {"jit-hot-loop"});
  ASSERT_FALSE(p.ok);
  EXPECT_NE(p.error.find("needs a value"), std::string::npos) << p.error;
}

TEST(Options, UnknownJitXoptionIsAnError) {
  Parsed p = parse({}, {"jit-hot-lop=3"});
  ASSERT_FALSE(p.ok);
  EXPECT_NE(p.error.find("unknown option -X jit-hot-lop"), std::string::npos) << p.error;
  EXPECT_NE(p.error.find("jit-hot-loop"), std::string::npos) << p.error;
}

TEST(Options, LogChannels) {
  Parsed p = parse({{"KRAIT_LOG", "startup,stats"}}, {});
  ASSERT_TRUE(p.ok) << p.error;
  EXPECT_EQ(log_channels_text(p.opts.log), "startup,stats");
  p = parse({{"KRAIT_LOG", "startup,bogus"}}, {});
  ASSERT_FALSE(p.ok);
  EXPECT_NE(p.error.find("unknown log channel 'bogus'"), std::string::npos) << p.error;
  EXPECT_NE(p.error.find("startup"), std::string::npos) << p.error;
  p = parse({}, {"jit-log=all"});
  ASSERT_TRUE(p.ok) << p.error;
  EXPECT_EQ(p.opts.log, (1u << static_cast<int>(LogChannel::kCount)) - 1);
}

TEST(Options, TableDrivesHelpAndValueText) {
  std::string help = option_help_text();
  for (const auto& info : option_table()) {
    EXPECT_NE(help.find(info.env), std::string::npos) << info.env;
    EXPECT_NE(help.find(info.xname), std::string::npos) << info.xname;
  }
  Parsed p = parse({}, {"jit-hot-loop=3", "jit=off"});
  ASSERT_TRUE(p.ok);
  EXPECT_EQ(option_value_text(p.opts, OptionId::k_hot_loop), "3");
  EXPECT_EQ(option_value_text(p.opts, OptionId::k_jit), "off");
  EXPECT_TRUE(wants_option_help({"x", "jit-help"}));
  EXPECT_FALSE(wants_option_help({"jit=on"}));
}

}  // namespace
}  // namespace krait::test
