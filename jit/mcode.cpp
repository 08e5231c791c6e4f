// W^X code pages with mmap/mprotect (no dual mapping: it misbehaves under qemu-user, which the
// AArch64 tests need). One mapping per trace keeps freeing trivial.
#include "mcode.h"

#include <sys/mman.h>
#include <unistd.h>

#include <cstring>

namespace krait::jit {
namespace {
std::size_t page_round(std::size_t n) {
  const auto page = static_cast<std::size_t>(sysconf(_SC_PAGESIZE));
  return (n + page - 1) / page * page;
}
void flush_icache(void* p, std::size_t n) {
  __builtin___clear_cache(static_cast<char*>(p), static_cast<char*>(p) + n);
}
}  // namespace

MCode mcode_install(const void* bytes, std::size_t n, void (*relocate)(void*, void*), void* ctx) {
  MCode m;
  m.size = page_round(n);
  void* p = mmap(nullptr, m.size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (p == MAP_FAILED) return MCode{};
  if (relocate) {
    relocate(p, ctx);
  } else {
    std::memcpy(p, bytes, n);
  }
  if (mprotect(p, m.size, PROT_READ | PROT_EXEC) != 0) {
    munmap(p, m.size);
    return MCode{};
  }
  flush_icache(p, n);
  m.base = p;
  return m;
}

void mcode_free(MCode m) {
  if (m.base) munmap(m.base, m.size);
}

bool mcode_patch(MCode m, void* at, const void* bytes, std::size_t n) {
  if (mprotect(m.base, m.size, PROT_READ | PROT_WRITE) != 0) return false;
  std::memcpy(at, bytes, n);
  bool ok = mprotect(m.base, m.size, PROT_READ | PROT_EXEC) == 0;
  flush_icache(at, n);
  return ok;
}

}  // namespace krait::jit
