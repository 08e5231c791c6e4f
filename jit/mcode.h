// The code cache: machine code lives in pages that are writable or executable, never both
// (W^X). Code is written into RW pages, which then become RX; patching flips a page back to
// RW for the write and to RX again.
#pragma once

#include <cstddef>
#include <cstdint>

namespace krait::jit {

struct MCode {
  void* base = nullptr;
  std::size_t size = 0;  // mapped bytes (whole pages)
};

// Copies `bytes` into fresh pages and makes them read+execute. {nullptr, 0} on failure.
MCode mcode_install(const void* bytes, std::size_t n, void (*relocate)(void* dst, void* ctx),
                    void* ctx);
void mcode_free(MCode m);
// Overwrites `n` bytes at `at` inside `m` (RW for the write, then RX again).
bool mcode_patch(MCode m, void* at, const void* bytes, std::size_t n);

}  // namespace krait::jit
