// runtime/block_registry.h: the set of live big blocks. A small table forces long probe
// chains, wrap-around at the end of the array and every case of backward-shift deletion;
// a reference std::set decides what must be present after each operation.
#include <gtest/gtest.h>

#include <cstdint>
#include <random>
#include <set>
#include <vector>

#include "../../runtime/block_registry.h"

namespace krait::test {
namespace {

constexpr std::uintptr_t kPage = std::uintptr_t{1} << 21;

TEST(BlockRegistry, AddContainsRemove) {
  std::vector<std::uintptr_t> slots(16, 0);
  BlockRegistry r(slots.data(), 4);
  EXPECT_FALSE(r.contains(5 * kPage));
  EXPECT_TRUE(r.add(5 * kPage));
  EXPECT_TRUE(r.contains(5 * kPage));
  EXPECT_FALSE(r.contains(6 * kPage));
  EXPECT_FALSE(r.remove(6 * kPage));
  EXPECT_TRUE(r.remove(5 * kPage));
  EXPECT_FALSE(r.contains(5 * kPage));
  EXPECT_FALSE(r.remove(5 * kPage));
  EXPECT_EQ(r.size(), 0U);
}

TEST(BlockRegistry, RefusesBeyondThreeQuarters) {
  std::vector<std::uintptr_t> slots(16, 0);
  BlockRegistry r(slots.data(), 4);
  for (std::uintptr_t i = 1; i <= 12; ++i) EXPECT_TRUE(r.add(i * kPage)) << i;
  EXPECT_FALSE(r.add(13 * kPage));
  EXPECT_TRUE(r.remove(3 * kPage));
  EXPECT_TRUE(r.add(13 * kPage));
  for (std::uintptr_t i = 1; i <= 13; ++i) EXPECT_EQ(r.contains(i * kPage), i != 3) << i;
}

// Collisions on purpose: addresses sharing a home slot, removed from the middle of their
// chain, with chains that wrap past the end of the array.
TEST(BlockRegistry, RandomAgainstReference) {
  for (int bits : {3, 4, 6}) {
    std::vector<std::uintptr_t> slots(std::size_t{1} << bits, 0);
    BlockRegistry r(slots.data(), bits);
    std::set<std::uintptr_t> ref;
    std::mt19937_64 rng(42 + bits);
    const std::size_t cap = (slots.size() / 4) * 3;
    for (int step = 0; step < 20000; ++step) {
      std::uintptr_t a = (1 + rng() % (4 * slots.size())) * kPage;
      if (rng() % 2 == 0) {
        if (ref.count(a)) continue;
        bool added = r.add(a);
        ASSERT_EQ(added, ref.size() < cap);
        if (added) ref.insert(a);
      } else {
        ASSERT_EQ(r.remove(a), ref.erase(a) == 1);
      }
      ASSERT_EQ(r.size(), ref.size());
      for (std::uintptr_t b = kPage; b <= 4 * slots.size() * kPage; b += kPage)
        ASSERT_EQ(r.contains(b), ref.count(b) == 1) << "bits " << bits << " step " << step;
    }
  }
}

}  // namespace
}  // namespace krait::test
