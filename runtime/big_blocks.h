// Big raw-domain blocks on huge pages (see big_blocks.cpp).
#pragma once

namespace krait {

// Wraps CPython's raw allocator domain: blocks of 1 MiB and more get 2 MiB-aligned mappings
// on transparent huge pages, the rest go to the allocator installed before. Call after
// pre-initialisation (which sets the domains from PYTHONMALLOC) and before initialisation.
void install_big_blocks();

}  // namespace krait
