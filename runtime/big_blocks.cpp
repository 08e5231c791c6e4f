// Big blocks (1 MiB and more) of malloc on transparent huge pages. A list's item array, a big
// bytes or str object, a big dict's table: pymalloc hands every block over 512 bytes to
// PyMem_RawMalloc, and glibc maps big ones with their own mmap, so the first touch of each
// 4 KiB costs a page fault (~10 µs on the machines Krait is measured on: 400 faults for a
// 200,000-item list). Here such a block gets a mapping of whole 2 MiB huge pages, aligned to
// 2 MiB and advised MADV_HUGEPAGE, growing in place (no syscall while the rounded size
// suffices, mremap otherwise, moved to another aligned place if it must). A freed block's
// mapping goes straight back to the kernel: keeping a few for reuse measured no faster (a
// huge page's fault is one per 2 MiB) and cost up to 8 MiB of RSS.
//
// The hook is malloc itself, wrapped at link time (`--wrap=malloc,calloc,realloc,free`, see
// runtime/CMakeLists.txt) for the objects linked into the executable: CPython's own raw
// allocator then calls it, and the allocator domains stay CPython's (replacing the raw domain
// made CPython report no allocator name). Shared libraries keep glibc's malloc; memory does
// not cross between them and the executable with ownership (CPython frees what it allocates
// with the same PyMem family). Which blocks are ours is known from a registry of live ones,
// never by reading memory around a pointer that may be someone else's.
//
// malloc is called without the GIL, from any thread: the registry has a lock, taken only for
// blocks of 1 MiB and more and for frees of pointers at the one offset in a 2 MiB page where
// ours start; counters are updated atomically.
#include "big_blocks.h"

#include <malloc.h>
#include <pthread.h>
#include <sys/mman.h>

#include <atomic>
#include <cstdint>
#include <cstdlib>
#include <cstring>

#include "block_registry.h"
#include "krait/stats.h"

#if defined(KRAIT_WRAP_MALLOC)
// The real functions, reachable under these names because of the linker's --wrap.
extern "C" {
void* __real_malloc(std::size_t);               // NOLINT(bugprone-reserved-identifier)
void* __real_calloc(std::size_t, std::size_t);  // NOLINT(bugprone-reserved-identifier)
void* __real_realloc(void*, std::size_t);       // NOLINT(bugprone-reserved-identifier)
void __real_free(void*);                        // NOLINT(bugprone-reserved-identifier)
}

namespace krait {

namespace {

constexpr std::size_t kHugePage = std::size_t{2} << 20;
constexpr std::size_t kThreshold = std::size_t{1} << 20;
// A block starts this far into its mapping (64-byte aligned, room for the header): only
// pointers at this offset in their 2 MiB page are looked up in the registry.
constexpr std::size_t kHeaderSize = 64;

struct Header {
  std::size_t map_size;
};

bool g_enabled = false;  // set once at start-up, before any thread

// Live blocks' mapping addresses, in a table mapped at installation (its pages are touched
// as used). At three quarters full no new big block is made (malloc's are used): 49,152 live
// blocks of 1 MiB or more is 48 GiB.
constexpr int kSlotBits = 16;
BlockRegistry* g_registry = nullptr;
pthread_mutex_t g_lock = PTHREAD_MUTEX_INITIALIZER;

struct Locked {
  Locked() { pthread_mutex_lock(&g_lock); }
  ~Locked() { pthread_mutex_unlock(&g_lock); }
  Locked(const Locked&) = delete;
  Locked& operator=(const Locked&) = delete;
};

bool registry_add(std::uintptr_t base) {
  Locked lock;
  return g_registry->add(base);
}

bool registry_contains(std::uintptr_t base) {
  Locked lock;
  return g_registry->contains(base);
}

bool registry_remove(std::uintptr_t base) {
  Locked lock;
  return g_registry->remove(base);
}

void count(Stat s) {
  std::atomic_ref<std::uint64_t>(g_stats[static_cast<int>(s)])
      .fetch_add(1, std::memory_order_relaxed);
}

std::size_t map_size_for(std::size_t n) {
  return (n + kHeaderSize + kHugePage - 1) & ~(kHugePage - 1);
}

bool maybe_big(void* p) {
  return (reinterpret_cast<std::uintptr_t>(p) & (kHugePage - 1)) == kHeaderSize;
}

// The header of `p` if it is a live big block, else nullptr.
Header* header_of(void* p) {
  if (!g_enabled || !maybe_big(p)) return nullptr;
  std::uintptr_t base = reinterpret_cast<std::uintptr_t>(p) - kHeaderSize;
  return registry_contains(base) ? reinterpret_cast<Header*>(base) : nullptr;
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
  if (n > PTRDIFF_MAX - kHugePage - kHeaderSize) return nullptr;
  std::size_t size = map_size_for(n);
  char* base = map_aligned(size, PROT_READ | PROT_WRITE);
  if (!base) return nullptr;
  if (!registry_add(reinterpret_cast<std::uintptr_t>(base))) {
    munmap(base, size);
    return nullptr;
  }
  // A kernel without transparent huge pages refuses the advice: 4 KiB pages, as glibc's.
  madvise(base, size, MADV_HUGEPAGE);
  count(Stat::k_big_blocks_mapped);
  reinterpret_cast<Header*>(base)->map_size = size;
  return base + kHeaderSize;
}

// Unmaps a block already removed from the registry.
void big_unmap(Header* h) {
  count(Stat::k_big_blocks_unmapped);
  munmap(h, h->map_size);
}

// Grows or shrinks a big block that stays big; nullptr (block untouched) if it cannot.
void* big_resize(Header* h, std::size_t n) {
  if (n > PTRDIFF_MAX - kHugePage - kHeaderSize) return nullptr;
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
  if (!registry_add(reinterpret_cast<std::uintptr_t>(target))) {
    munmap(target, size);
    return nullptr;
  }
  void* moved = mremap(base, old_size, size, MREMAP_MAYMOVE | MREMAP_FIXED, target);
  if (moved == MAP_FAILED) {
    registry_remove(reinterpret_cast<std::uintptr_t>(target));
    munmap(target, size);
    return nullptr;
  }
  registry_remove(reinterpret_cast<std::uintptr_t>(base));
  madvise(target, size, MADV_HUGEPAGE);
  reinterpret_cast<Header*>(target)->map_size = size;
  return target + kHeaderSize;
}

[[gnu::noinline]] void* big_malloc(std::size_t n) {
  if (void* p = big_alloc(n)) return p;
  return __real_malloc(n);
}

[[gnu::noinline]] void* big_calloc(std::size_t nelem, std::size_t elsize) {
  if (nelem <= PTRDIFF_MAX / elsize) {
    if (void* p = big_alloc(nelem * elsize)) return p;
  }
  return __real_calloc(nelem, elsize);
}

// Everything but the common case (a small block, not ours, staying small), out of line so
// that the common case saves and restores no registers.
[[gnu::noinline]] void* realloc_slow(void* p, std::size_t n) {
  if (p == nullptr) return n >= kThreshold && g_enabled ? big_malloc(n) : __real_malloc(n);
  Header* h = header_of(p);
  if (h == nullptr) {
    if (n < kThreshold || !g_enabled) return __real_realloc(p, n);
    // Becoming big: one copy into a big block (glibc would have copied out of its heap too).
    void* q = big_alloc(n);
    if (q == nullptr) return __real_realloc(p, n);
    std::size_t old = malloc_usable_size(p);
    std::memcpy(q, p, old < n ? old : n);
    __real_free(p);
    return q;
  }
  if (n == 0) {  // glibc's realloc(p, 0) frees p and returns NULL
    if (registry_remove(reinterpret_cast<std::uintptr_t>(h))) big_unmap(h);
    return nullptr;
  }
  std::size_t old_cap = h->map_size - kHeaderSize;
  if (n >= kThreshold) {
    if (void* q = big_resize(h, n)) return q;
  }
  void* q = n >= kThreshold ? big_alloc(n) : nullptr;
  if (q == nullptr) q = __real_malloc(n);
  if (q == nullptr) return nullptr;  // the old block stays valid, as realloc promises
  std::memcpy(q, p, old_cap < n ? old_cap : n);
  if (registry_remove(reinterpret_cast<std::uintptr_t>(h))) big_unmap(h);
  return q;
}

[[gnu::noinline]] void free_slow(void* p) {
  auto base = reinterpret_cast<std::uintptr_t>(p) - kHeaderSize;
  if (g_enabled && registry_remove(base)) {
    big_unmap(reinterpret_cast<Header*>(base));
    return;
  }
  __real_free(p);
}

}  // namespace

void install_big_blocks() {
  constexpr std::size_t kBytes = (std::size_t{1} << kSlotBits) * sizeof(std::uintptr_t);
  void* slots = mmap(nullptr, kBytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (slots == MAP_FAILED) return;
  static BlockRegistry registry(static_cast<std::uintptr_t*>(slots), kSlotBits);
  g_registry = &registry;
  // A fork while another thread holds the lock would leave it locked in the child forever.
  pthread_atfork([] { pthread_mutex_lock(&g_lock); }, [] { pthread_mutex_unlock(&g_lock); },
                 [] { pthread_mutex_unlock(&g_lock); });
  g_enabled = true;
}

bool big_blocks_available() { return true; }

}  // namespace krait

// The wrapped entry points: every malloc family call of the executable's own objects
// (CPython, Krait, the static C++ runtime) lands here.
extern "C" {
void* __wrap_malloc(std::size_t n) {  // NOLINT(bugprone-reserved-identifier)
  if (n >= krait::kThreshold && krait::g_enabled) [[unlikely]]
    return krait::big_malloc(n);
  return __real_malloc(n);
}

void* __wrap_calloc(std::size_t nelem,
                    std::size_t elsize) {  // NOLINT(bugprone-reserved-identifier)
  if (krait::g_enabled && elsize != 0 && nelem >= krait::kThreshold / elsize) [[unlikely]]
    return krait::big_calloc(nelem, elsize);
  return __real_calloc(nelem, elsize);
}

void* __wrap_realloc(void* p, std::size_t n) {  // NOLINT(bugprone-reserved-identifier)
  if (n < krait::kThreshold && p != nullptr && !krait::maybe_big(p)) [[likely]]
    return __real_realloc(p, n);
  return krait::realloc_slow(p, n);
}

void __wrap_free(void* p) {  // NOLINT(bugprone-reserved-identifier)
  if (!krait::maybe_big(p)) [[likely]] {
    __real_free(p);
    return;
  }
  krait::free_slow(p);
}
}

#else  // !KRAIT_WRAP_MALLOC: sanitizer builds, whose allocator must see every block

namespace krait {
void install_big_blocks() {}
bool big_blocks_available() { return false; }
}  // namespace krait

#endif
