// The allocator interface behind include/krait/alloc.h, and the optional installation of
// mimalloc as CPython's object/mem allocator (measured in the README before being a default).
#include "krait/alloc.h"

#include <Python.h>
#include <dlfcn.h>

#include <cstdio>
#include <cstdlib>

namespace krait {

// Debian's libmimalloc.so exports malloc/free itself: linked normally it would silently become
// the allocator of the whole process (CPython, libc, extensions), which is a different program
// from python3.11. So it is loaded with RTLD_LOCAL and only its mi_* entry points are used.
const MimallocApi& mimalloc() {
  static const MimallocApi api = [] {
    MimallocApi a{};
    void* lib = dlopen(KRAIT_MIMALLOC_SONAME, RTLD_NOW | RTLD_LOCAL);
    if (!lib) {
      std::fprintf(stderr, "krait: fatal: cannot load %s: %s\n", KRAIT_MIMALLOC_SONAME, dlerror());
      std::abort();
    }
    a.malloc = reinterpret_cast<void* (*)(std::size_t)>(dlsym(lib, "mi_malloc"));
    a.calloc = reinterpret_cast<void* (*)(std::size_t, std::size_t)>(dlsym(lib, "mi_calloc"));
    a.realloc = reinterpret_cast<void* (*)(void*, std::size_t)>(dlsym(lib, "mi_realloc"));
    a.free = reinterpret_cast<void (*)(void*)>(dlsym(lib, "mi_free"));
    a.is_in_heap_region =
        reinterpret_cast<bool (*)(const void*)>(dlsym(lib, "mi_is_in_heap_region"));
    if (!a.malloc || !a.calloc || !a.realloc || !a.free || !a.is_in_heap_region) {
      std::fprintf(stderr, "krait: fatal: %s lacks the mi_* API\n", KRAIT_MIMALLOC_SONAME);
      std::abort();
    }
    return a;
  }();
  return api;
}

#if defined(KRAIT_SANITIZE)
// AddressSanitizer only checks blocks it allocated itself.
void* mem_alloc(std::size_t size) { return std::malloc(size); }
void* mem_calloc(std::size_t count, std::size_t size) { return std::calloc(count, size); }
void* mem_realloc(void* p, std::size_t size) { return std::realloc(p, size); }
void mem_free(void* p) { std::free(p); }
const char* mem_backend_name() { return "system"; }
#else
void* mem_alloc(std::size_t size) { return mimalloc().malloc(size); }
void* mem_calloc(std::size_t count, std::size_t size) { return mimalloc().calloc(count, size); }
void* mem_realloc(void* p, std::size_t size) { return mimalloc().realloc(p, size); }
void mem_free(void* p) { mimalloc().free(p); }
const char* mem_backend_name() { return "mimalloc"; }
#endif

namespace {
// CPython's contract: malloc(0) and calloc(0, n) return a unique non-NULL pointer.
void* py_mi_malloc(void*, size_t size) { return mimalloc().malloc(size ? size : 1); }
void* py_mi_calloc(void*, size_t n, size_t size) {
  if (n == 0 || size == 0) return mimalloc().calloc(1, 1);
  return mimalloc().calloc(n, size);
}
void* py_mi_realloc(void*, void* p, size_t size) {
  return mimalloc().realloc(p, size ? size : 1);
}
void py_mi_free(void*, void* p) { mimalloc().free(p); }
}  // namespace

void install_mimalloc_for_python() {
  PyMemAllocatorEx alloc = {nullptr, py_mi_malloc, py_mi_calloc, py_mi_realloc, py_mi_free};
  PyMem_SetAllocator(PYMEM_DOMAIN_MEM, &alloc);
  PyMem_SetAllocator(PYMEM_DOMAIN_OBJ, &alloc);
}

}  // namespace krait
