// Stats table: names are unique, bump/reset work, and the JSON dump lists every counter.
#include <gtest/gtest.h>

#include <set>

#include "krait/stats.h"

namespace krait::test {
namespace {

TEST(Stats, NamesUniqueAndHelpful) {
  std::set<std::string> names;
  for (int i = 0; i < kStatCount; ++i) {
    std::string name = stat_name(static_cast<Stat>(i));
    EXPECT_TRUE(names.insert(name).second) << "duplicate counter " << name;
    EXPECT_GT(std::string(stat_help(static_cast<Stat>(i))).size(), 10u) << name;
  }
}

TEST(Stats, BumpResetAndJson) {
  reset_stats();
  bump(Stat::k_hook_frames);
  bump(Stat::k_hook_frames, 41);
  EXPECT_EQ(stat_value(Stat::k_hook_frames), 42u);
  std::string json = stats_json();
  EXPECT_NE(json.find("\"hook_frames\": 42"), std::string::npos) << json;
  for (int i = 0; i < kStatCount; ++i)
    EXPECT_NE(json.find(std::string("\"") + stat_name(static_cast<Stat>(i)) + "\""),
              std::string::npos);
  reset_stats();
  EXPECT_EQ(stat_value(Stat::k_hook_frames), 0u);
}

}  // namespace
}  // namespace krait::test
