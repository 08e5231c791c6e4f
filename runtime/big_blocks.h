// Big malloc blocks on huge pages (see big_blocks.cpp).
#pragma once

namespace krait {

// Turns on huge-page mappings for malloc blocks of 1 MiB and more made by the executable's
// own code (CPython's raw allocator among it); smaller ones stay glibc's. Call once, before
// any other thread runs. Without the link-time wrap (sanitizer builds) it does nothing.
void install_big_blocks();
// Whether this build has the wrap, i.e. whether install_big_blocks() can do anything.
bool big_blocks_available();

}  // namespace krait
