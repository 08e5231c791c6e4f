// /tmp/perf-<pid>.map writer (see perf_map.h). The file is opened on first use and each line
// is flushed at once, so a profile taken while the program runs sees every trace.
#include "perf_map.h"

#include <unistd.h>

#include <cstdio>

#include "krait/options.h"

namespace krait {

void perf_map_add(const void* start, std::size_t size, const char* name) {
  if (!options().perf_map) return;
  static std::FILE* f = [] {
    char path[64];
    std::snprintf(path, sizeof path, "/tmp/perf-%d.map", static_cast<int>(getpid()));
    return std::fopen(path, "a");
  }();
  if (f == nullptr) return;
  std::fprintf(f, "%lx %zx %s\n", reinterpret_cast<unsigned long>(start), size, name);
  std::fflush(f);
}

}  // namespace krait
