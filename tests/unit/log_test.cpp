// Log channel parsing and the file sink.
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <sstream>

#include "krait/log.h"

namespace krait::test {
namespace {

TEST(Log, ParseRoundTrip) {
  std::uint32_t mask = 0;
  std::string error;
  ASSERT_TRUE(parse_log_channels("hook,startup", &mask, &error)) << error;
  EXPECT_TRUE((mask >> static_cast<int>(LogChannel::k_hook)) & 1u);
  EXPECT_TRUE((mask >> static_cast<int>(LogChannel::k_startup)) & 1u);
  EXPECT_FALSE((mask >> static_cast<int>(LogChannel::k_stats)) & 1u);
  EXPECT_EQ(log_channels_text(mask), "startup,hook");
  ASSERT_TRUE(parse_log_channels("", &mask, &error));
  EXPECT_EQ(mask, 0u);
  EXPECT_FALSE(parse_log_channels("hook,", &mask, &error));
  EXPECT_FALSE(parse_log_channels("nope", &mask, &error));
  EXPECT_NE(error.find("nope"), std::string::npos);
}

TEST(Log, WritesToFile) {
  std::string path = ::testing::TempDir() + "krait_log_test.txt";
  std::string error;
  std::uint32_t mask = 1u << static_cast<int>(LogChannel::k_startup);
  ASSERT_TRUE(log_init(mask, path, &error)) << error;
  KRAIT_LOG(startup, "hello %d", 42);
  KRAIT_LOG(hook, "must not appear");
  log_flush();
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  EXPECT_EQ(text.str(), "[krait:startup] hello 42\n");
  g_log_mask = 0;
  std::remove(path.c_str());
}

TEST(Log, UnwritableFileIsAnError) {
  std::string error;
  EXPECT_FALSE(log_init(0, "/nonexistent-dir/x/log.txt", &error));
  EXPECT_NE(error.find("KRAIT_LOG_FILE"), std::string::npos);
}

}  // namespace
}  // namespace krait::test
