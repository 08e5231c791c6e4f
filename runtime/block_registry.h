// A set of addresses (non-zero, distinct in their bits above 2 MiB) in a fixed array: open
// addressing with linear probing and deletion by backward shift, so lookups never pass
// tombstones. big_blocks.cpp keeps its live huge-page blocks in one; callers lock.
#pragma once

#include <cstddef>
#include <cstdint>

namespace krait {

class BlockRegistry {
 public:
  // `slots` has 2^bits zeroed entries and outlives the registry.
  BlockRegistry(std::uintptr_t* slots, int bits)
      : slots_(slots), bits_(bits), mask_((std::size_t{1} << bits) - 1) {}

  // Adds `base` (not present); false when three quarters full.
  bool add(std::uintptr_t base) {
    if (live_ >= (mask_ + 1) / 4 * 3) return false;
    slots_[find(base)] = base;
    ++live_;
    return true;
  }

  bool contains(std::uintptr_t base) const { return slots_[find(base)] == base; }

  // Removes `base`; false if it is not present.
  bool remove(std::uintptr_t base) {
    std::size_t hole = find(base);
    if (slots_[hole] != base) return false;
    // Entries after the hole whose probe from their home slot passed through it move in.
    for (std::size_t j = (hole + 1) & mask_; slots_[j] != 0; j = (j + 1) & mask_) {
      std::size_t home = home_slot(slots_[j]);
      bool probe_skips_hole = hole <= j ? (hole < home && home <= j) : (hole < home || home <= j);
      if (!probe_skips_hole) {
        slots_[hole] = slots_[j];
        hole = j;
      }
    }
    slots_[hole] = 0;
    --live_;
    return true;
  }

  std::size_t size() const { return live_; }

  // Fibonacci hashing of the 2 MiB page number.
  std::size_t home_slot(std::uintptr_t base) const {
    return static_cast<std::size_t>(((std::uint64_t{base} >> 21) * 0x9e3779b97f4a7c15ULL) >>
                                    (64 - bits_));
  }

 private:
  // The slot holding `base`, or the empty one where its probe ends.
  std::size_t find(std::uintptr_t base) const {
    std::size_t i = home_slot(base);
    while (slots_[i] != 0 && slots_[i] != base) i = (i + 1) & mask_;
    return i;
  }

  std::uintptr_t* slots_;
  int bits_;
  std::size_t mask_;
  std::size_t live_ = 0;
};

}  // namespace krait
