// Chooses the backend for the host architecture at compile time; the backends themselves are
// built on every host (jit/x64/emit.cpp, jit/arm64/emit.cpp).
#include "target.h"

namespace krait::jit {

const Target* host_target() {
#if defined(__x86_64__)
  return &x64_target();
#elif defined(__aarch64__)
  return &arm64_target();
#else
  return nullptr;
#endif
}

}  // namespace krait::jit
