// Krait's arena allocator for CPython's small-object allocator (see arenas.cpp).
#pragma once

namespace krait {

// Installs the arena allocator. Must run before the first object is allocated (before
// Py_InitializeFromConfig); arenas are never handed back to another allocator. With
// `prefault`, the first arena is populated when mapped.
void install_arena_allocator(bool prefault);

}  // namespace krait
