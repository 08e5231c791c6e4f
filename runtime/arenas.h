// Krait's arena allocator for CPython's small-object allocator (see arenas.cpp).
#pragma once

namespace krait {

// Installs the arena allocator. Must run before the first object is allocated (before
// Py_InitializeFromConfig); arenas are never handed back to another allocator.
void install_arena_allocator();

}  // namespace krait
