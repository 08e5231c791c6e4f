// Krait's allocator interface, and the link-order guarantee that mimalloc does not replace
// the process malloc (Debian's libmimalloc.so exports malloc/free).
#include <gtest/gtest.h>

#include <dlfcn.h>

#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "krait/alloc.h"

namespace krait::test {
namespace {

TEST(Alloc, RoundTrip) {
  auto* p = static_cast<char*>(mem_alloc(100));
  ASSERT_NE(p, nullptr);
  std::memset(p, 7, 100);
  p = static_cast<char*>(mem_realloc(p, 10000));
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p[99], 7);
  mem_free(p);
  auto* z = static_cast<int*>(mem_calloc(16, sizeof(int)));
  for (int i = 0; i < 16; ++i) EXPECT_EQ(z[i], 0);
  mem_free(z);
}

TEST(Alloc, StdAllocatorAdapter) {
  std::vector<int, Allocator<int>> v;
  for (int i = 0; i < 10000; ++i) v.push_back(i);
  EXPECT_EQ(v[9999], 9999);
}

TEST(Alloc, ProcessMallocIsNotMimalloc) {
  // A block from the process malloc must not come from a mimalloc heap, while Krait's own
  // blocks (in non-sanitizer builds) must.
  void* p = std::malloc(64);
  EXPECT_FALSE(mimalloc().is_in_heap_region(p));
  std::free(p);
  void* q = mem_alloc(64);
  EXPECT_EQ(mimalloc().is_in_heap_region(q), std::string(mem_backend_name()) == "mimalloc");
  mem_free(q);
  EXPECT_EQ(dlsym(RTLD_DEFAULT, "mi_malloc"), nullptr) << "mimalloc is in the global scope";
}

}  // namespace
}  // namespace krait::test
