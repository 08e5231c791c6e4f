// Big blocks (1 MiB and more) of CPython's raw allocator domain on transparent huge pages.
// A list's item array, a big bytes or str object, a big dict's table: pymalloc hands every
// block over 512 bytes to PyMem_RawMalloc, and glibc maps big ones with their own mmap, so
// the first touch of each 4 KiB costs a page fault (~10 µs on the machines Krait is measured
// on: 400 faults for a 200,000-item list). Here such a block gets a mapping of whole 2 MiB
// huge pages, aligned to 2 MiB and advised MADV_HUGEPAGE, growing in place (no syscall while
// the rounded size suffices, mremap otherwise, moved to another aligned place if it must). A
// freed block's mapping goes straight back to the kernel: keeping a few for reuse measured no
// faster (a huge page's fault is one per 2 MiB) and cost up to 8 MiB of RSS. Smaller blocks,
// and everything when a mapping cannot be made (an address-space limit), go to malloc as
// with CPython's default raw allocator.
//
// The raw domain is called without the GIL, from any thread: nothing here is shared but the
// counters, which are updated atomically.
#include "big_blocks.h"

#include <Python.h>
#include <malloc.h>
#include <sys/mman.h>

#include <atomic>
#include <cstdint>
#include <cstdlib>
#include <cstring>

#include "krait/stats.h"

namespace krait {

namespace {

constexpr std::size_t kHugePage = std::size_t{2} << 20;
constexpr std::size_t kThreshold = std::size_t{1} << 20;
// The block starts this far into its mapping: a pointer whose offset in its 2 MiB page is
// this value is checked against the header, and nothing else is (glibc's pointers are 16
// bytes past a chunk start; one landing here by chance fails the header check).
constexpr std::size_t kHeaderSize = 64;
constexpr std::uint64_t kMagic = 0x6b72616974424c4bULL;  // "kraitBLK"

struct Header {
  std::uint64_t magic;
  std::uint64_t check;  // magic ^ the header's own address
  std::size_t map_size;
};

// The raw allocator underneath is CPython's default one (installed only when PYTHONMALLOC is
// unset), called directly rather than through the saved function pointers: a list used as a
// stack reallocates its items on most pushes and pops, and one more indirect call per
// realloc cost bytecode_vm 2.8%. Like CPython's, it asks for 1 byte when given 0, so that
// NULL always means out of memory.
void* under_malloc(std::size_t n) { return std::malloc(n ? n : 1); }
void* under_calloc(std::size_t nelem, std::size_t elsize) {
  if (nelem == 0 || elsize == 0) nelem = elsize = 1;
  return std::calloc(nelem, elsize);
}
void* under_realloc(void* p, std::size_t n) { return std::realloc(p, n ? n : 1); }

void count(Stat s) {
  std::atomic_ref<std::uint64_t>(g_stats[static_cast<int>(s)])
      .fetch_add(1, std::memory_order_relaxed);
}

std::size_t map_size_for(std::size_t n) {
  return (n + kHeaderSize + kHugePage - 1) & ~(kHugePage - 1);
}

Header* header_of(void* p) {
  auto addr = reinterpret_cast<std::uintptr_t>(p);
  if ((addr & (kHugePage - 1)) != kHeaderSize) return nullptr;  // also nullptr
  auto* h = reinterpret_cast<Header*>(addr - kHeaderSize);
  if (h->magic != kMagic || h->check != (kMagic ^ reinterpret_cast<std::uintptr_t>(h)))
    return nullptr;
  return h;
}

void* finish(char* base, std::size_t map_size) {
  auto* h = reinterpret_cast<Header*>(base);
  h->magic = kMagic;
  h->check = kMagic ^ reinterpret_cast<std::uintptr_t>(h);
  h->map_size = map_size;
  return base + kHeaderSize;
}

// An aligned mapping of `size` bytes (a multiple of 2 MiB), or nullptr.
char* map_aligned(std::size_t size, int prot) {
  void* p = mmap(nullptr, size + kHugePage, prot, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (p == MAP_FAILED) return nullptr;
  auto addr = reinterpret_cast<std::uintptr_t>(p);
  std::uintptr_t aligned = (addr + kHugePage - 1) & ~(kHugePage - 1);
  if (aligned > addr) munmap(p, aligned - addr);
  std::size_t tail = kHugePage - (aligned - addr);
  if (tail) munmap(reinterpret_cast<char*>(aligned) + size, tail);
  return reinterpret_cast<char*>(aligned);
}

// A new block of at least `n` bytes (zeroed, as every new anonymous mapping), or nullptr.
void* big_alloc(std::size_t n) {
  std::size_t size = map_size_for(n);
  char* base = map_aligned(size, PROT_READ | PROT_WRITE);
  if (!base) return nullptr;
  // A kernel without transparent huge pages refuses the advice: 4 KiB pages, as glibc's.
  madvise(base, size, MADV_HUGEPAGE);
  count(Stat::k_big_blocks_mapped);
  return finish(base, size);
}

void big_free(Header* h) {
  count(Stat::k_big_blocks_unmapped);
  munmap(h, h->map_size);
}

// Grows or shrinks a big block that stays big; nullptr (block untouched) if it cannot.
void* big_resize(Header* h, std::size_t n) {
  char* base = reinterpret_cast<char*>(h);
  std::size_t old_size = h->map_size;
  std::size_t size = map_size_for(n);
  if (size == old_size) return base + kHeaderSize;
  if (size < old_size) {
    munmap(base + size, old_size - size);
    h->map_size = size;
    return base + kHeaderSize;
  }
  // In place when the address space after it is free (the extension keeps the advice).
  if (mremap(base, old_size, size, 0) != MAP_FAILED) {
    h->map_size = size;
    return base + kHeaderSize;
  }
  // Elsewhere: the pages move (no copy) to an aligned reservation, which they replace.
  char* target = map_aligned(size, PROT_NONE);
  if (!target) return nullptr;
  void* moved = mremap(base, old_size, size, MREMAP_MAYMOVE | MREMAP_FIXED, target);
  if (moved == MAP_FAILED) {
    munmap(target, size);
    return nullptr;
  }
  madvise(target, size, MADV_HUGEPAGE);
  auto* nh = reinterpret_cast<Header*>(target);
  nh->check = kMagic ^ reinterpret_cast<std::uintptr_t>(nh);
  nh->map_size = size;
  return target + kHeaderSize;
}

bool maybe_big(void* p) {
  return (reinterpret_cast<std::uintptr_t>(p) & (kHugePage - 1)) == kHeaderSize;
}

[[gnu::noinline]] void* big_malloc(std::size_t n) {
  if (void* p = big_alloc(n)) return p;
  return under_malloc(n);
}

// Everything but the common case (a small block, not ours, staying small), out of line so
// that the common case saves and restores no registers.
[[gnu::noinline]] void* realloc_slow(void* p, std::size_t n) {
  if (p == nullptr) return n >= kThreshold ? big_malloc(n) : under_malloc(n);
  Header* h = header_of(p);
  if (h == nullptr) {
    if (n < kThreshold) return under_realloc(p, n);
    // Becoming big: one copy into a big block (glibc would have copied out of its heap too).
    void* q = big_alloc(n);
    if (q == nullptr) return under_realloc(p, n);
    std::size_t old = malloc_usable_size(p);
    std::memcpy(q, p, old < n ? old : n);
    std::free(p);
    return q;
  }
  std::size_t old_cap = h->map_size - kHeaderSize;
  if (n >= kThreshold) {
    if (void* q = big_resize(h, n)) return q;
  }
  void* q = n >= kThreshold ? big_alloc(n) : nullptr;
  if (q == nullptr) q = under_malloc(n);
  if (q == nullptr) return nullptr;  // the old block stays valid, as realloc promises
  std::memcpy(q, p, old_cap < n ? old_cap : n);
  big_free(h);
  return q;
}

[[gnu::noinline]] void free_slow(void* p) {
  if (Header* h = header_of(p)) {
    big_free(h);
    return;
  }
  std::free(p);
}

void* raw_malloc(void*, std::size_t n) {
  if (n < kThreshold) [[likely]]
    return under_malloc(n);
  return big_malloc(n);
}

void* raw_calloc(void*, std::size_t nelem, std::size_t elsize) {
  if (elsize != 0 && nelem >= kThreshold / elsize && nelem <= PY_SSIZE_T_MAX / elsize) {
    if (void* p = big_alloc(nelem * elsize)) return p;
  }
  return under_calloc(nelem, elsize);
}

void raw_free(void*, void* p) {
  if (!maybe_big(p)) [[likely]] {
    std::free(p);
    return;
  }
  free_slow(p);
}

void* raw_realloc(void*, void* p, std::size_t n) {
  if (n < kThreshold && p != nullptr && !maybe_big(p)) [[likely]]
    return under_realloc(p, n);
  return realloc_slow(p, n);
}

}  // namespace

void install_big_blocks() {
#if defined(__SANITIZE_ADDRESS__)
  // Recognising a block reads the 64 bytes before any pointer at offset 64 of a 2 MiB page:
  // inside glibc's heap those bytes are always mapped, but AddressSanitizer's allocator puts
  // blocks exactly there and (rightly) reports the read. Sanitizer builds keep glibc's blocks.
  return;
#endif
  PyMemAllocatorEx ours = {nullptr, raw_malloc, raw_calloc, raw_realloc, raw_free};
  PyMem_SetAllocator(PYMEM_DOMAIN_RAW, &ours);
}

}  // namespace krait
