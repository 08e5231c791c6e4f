// Big raw-domain blocks on huge pages (see big_blocks.cpp).
#pragma once

namespace krait {

// Wraps CPython's raw allocator domain: blocks of 1 MiB and more get 2 MiB-aligned mappings
// on transparent huge pages, the rest go to malloc as with CPython's default raw allocator.
// Only for that default (PYTHONMALLOC unset); call after pre-initialisation and before
// initialisation.
void install_big_blocks();

}  // namespace krait
