// Arenas for CPython's small-object allocator (obmalloc), installed with
// PyObject_SetArenaAllocator. Stock CPython maps every 1 MiB arena with its own mmap and
// unmaps it as soon as it is empty, so a program that builds and drops big structures pays a
// page fault per 4 KiB on every round (a quarter of the time of a 200,000-float list
// comprehension on these machines goes to the kernel). Here arenas are carved out of large
// 2 MiB-aligned reservations that may be backed by transparent huge pages, and a bounded
// number of empty arenas is kept mapped for reuse; the rest go back to the kernel at once.
#include "arenas.h"

#include <Python.h>
#include <sys/mman.h>

#include <cstdint>

#include "krait/stats.h"
#include "prefault.h"

namespace krait {

namespace {

constexpr std::size_t kArenaSize = std::size_t{1} << 20;  // obmalloc's arena on 64-bit targets
constexpr std::size_t kHugePage = std::size_t{2} << 20;
// Address space reserved per mmap once past the small-page arenas (16 arenas); only touched
// pages count towards RSS, but the whole reservation counts towards the address-space limit
// (ulimit -v) and, under strict overcommit, the commit charge.
constexpr std::size_t kChunkSize = std::size_t{16} << 20;
// The arenas start-up takes (the first populated, the second barely touched) are CPython's own
// kind, so `-c pass` reserves no extra address space. Past them huge pages: every 4 KiB fault
// in arenas 3-8 cost ~10 µs (dot_product 134 -> 116 ms, prefix_sums 280 -> 269 ms with 2
// instead of 8 such arenas).
constexpr std::size_t kSmallPageArenas = 2;
// Empty arenas kept mapped for reuse (16 MiB); beyond that they are returned at once. A
// returned arena's next use costs fresh pages, which the kernel zeroes: prefix_sums, which
// builds and drops ~18 MiB of ints and floats per round, spent 16% of its time zeroing huge
// pages with 8 kept (0.38 -> 0.31 s with 16, no better with 32). More kept is more RSS for a
// program that stops allocating objects: string_build peaks at 55 MiB with 16, 49 with 8 and
// 62 with 32 (0 kept: prefix_sums 0.35 s in session 8's measurements).
constexpr int kMaxRetained = 16;

struct ArenaState {
  char* next = nullptr;  // carving cursor in the current reservation
  char* end = nullptr;
  std::size_t carved = 0;  // arenas carved since start-up
  void* retained[kMaxRetained];
  int n_retained = 0;
  bool prefault = false;
};

ArenaState g_arenas;

void* map_plain(std::size_t size) {
  void* p = mmap(nullptr, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  return p == MAP_FAILED ? nullptr : p;
}

// `size`: a multiple of the huge-page size.
bool new_reservation(std::size_t size) {
  std::size_t want = size + kHugePage;
  char* p = static_cast<char*>(map_plain(want));
  if (!p) return false;
  auto addr = reinterpret_cast<std::uintptr_t>(p);
  std::uintptr_t aligned = (addr + kHugePage - 1) & ~(kHugePage - 1);
  std::size_t head = aligned - addr;
  if (head) munmap(p, head);
  std::size_t tail = kHugePage - head;
  if (tail) munmap(reinterpret_cast<char*>(aligned) + size, tail);
  // A kernel without transparent huge pages refuses the advice; 4 KiB pages then.
  madvise(reinterpret_cast<char*>(aligned), size, MADV_HUGEPAGE);
  g_arenas.next = reinterpret_cast<char*>(aligned);
  g_arenas.end = g_arenas.next + size;
  bump(Stat::k_arena_reservations);
  return true;
}

// Called by obmalloc with the GIL held (as every PyObject_Malloc is).
void* arena_alloc(void*, std::size_t size) {
  if (size != kArenaSize) return map_plain(size);
  if (g_arenas.n_retained > 0) {
    bump(Stat::k_arenas_reused);
    return g_arenas.retained[--g_arenas.n_retained];
  }
  // The first arenas are mapped one by one on 4 KiB pages as CPython maps them, so a small
  // program's address space and RSS stay python3.11's; so are all arenas when there is no
  // room for a reservation (an address-space limit, strict overcommit): Krait fails no
  // allocation python3.11 would make.
  if (g_arenas.next == g_arenas.end &&
      (g_arenas.carved < kSmallPageArenas || !new_reservation(kChunkSize))) {
    void* arena = map_plain(kArenaSize);
    if (arena) {
      // Start-up fills the first arena (all but a few of its 256 pages in `-c pass`) and
      // touches little of the second: populating the first saves ~1 ms of faults for 0.25 MiB
      // of RSS, the second would add 0.9 MiB for nothing (prefault.cpp).
      if (g_arenas.prefault && g_arenas.carved == 0) prefault_range(arena, kArenaSize);
      ++g_arenas.carved;
      bump(Stat::k_arenas_carved);
    }
    return arena;
  }
  void* arena = g_arenas.next;
  g_arenas.next += kArenaSize;
  ++g_arenas.carved;
  bump(Stat::k_arenas_carved);
  return arena;
}

void arena_free(void*, void* ptr, std::size_t size) {
  if (size == kArenaSize && g_arenas.n_retained < kMaxRetained) {
    g_arenas.retained[g_arenas.n_retained++] = ptr;
    return;
  }
  // Unmapping part of a reservation is fine: the rest stays mapped, and the kernel splits a
  // huge page the range cuts through.
  munmap(ptr, size);
  bump(Stat::k_arenas_released);
}

}  // namespace

void install_arena_allocator(bool prefault) {
  g_arenas.prefault = prefault;
  PyObjectArenaAllocator alloc = {nullptr, arena_alloc, arena_free};
  PyObject_SetArenaAllocator(&alloc);
}

}  // namespace krait
