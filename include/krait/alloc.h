// Krait's own allocator interface: every allocation the tier makes for itself (IR, traces,
// metadata) goes through here. Backed by mimalloc; sanitizer builds use the system allocator
// so AddressSanitizer sees every block.
#pragma once

#include <cstddef>
#include <new>

namespace krait {

void* mem_alloc(std::size_t size);
void* mem_calloc(std::size_t count, std::size_t size);
void* mem_realloc(void* p, std::size_t size);
void mem_free(void* p);
const char* mem_backend_name();

// Standard-library allocator over mem_alloc, for containers owned by Krait.
template <class T>
struct Allocator {
  using value_type = T;
  Allocator() noexcept = default;
  template <class U>
  Allocator(const Allocator<U>&) noexcept {}
  T* allocate(std::size_t n) {
    void* p = mem_alloc(n * sizeof(T));
    if (!p) throw std::bad_alloc();
    return static_cast<T*>(p);
  }
  void deallocate(T* p, std::size_t) noexcept { mem_free(p); }
  template <class U>
  bool operator==(const Allocator<U>&) const noexcept { return true; }
};

// mimalloc's entry points, resolved from the library loaded privately (see alloc.cpp).
struct MimallocApi {
  void* (*malloc)(std::size_t);
  void* (*calloc)(std::size_t, std::size_t);
  void* (*realloc)(void*, std::size_t);
  void (*free)(void*);
  bool (*is_in_heap_region)(const void*);
};
const MimallocApi& mimalloc();

// Installs mimalloc as CPython's PYMEM_DOMAIN_MEM and PYMEM_DOMAIN_OBJ allocator. Must run
// after pre-initialisation and before Py_InitializeFromConfig.
void install_mimalloc_for_python();

}  // namespace krait
