// /tmp/perf-<pid>.map writer (see perf_map.h). The file is opened on first use and each line
// is flushed at once, so a profile taken while the program runs sees every trace.
#include "perf_map.h"

#include <unistd.h>

#include <cstdio>

#include "krait/options.h"

namespace krait {

void perf_map_add(const void* start, std::size_t size, const char* name) {
  if (!options().perf_map) return;
  // One file per process, truncated when this process first writes: a file left by an
  // earlier process with the same pid (pids wrap at 32768 here) must not lend it symbols,
  // and a forked child writes its own file, not its parent's.
  static std::FILE* f = nullptr;
  static pid_t owner = 0;
  const pid_t pid = getpid();
  if (owner != pid) {
    if (f != nullptr) std::fclose(f);  // the parent's, inherited through fork
    char path[64];
    std::snprintf(path, sizeof path, "/tmp/perf-%d.map", static_cast<int>(pid));
    f = std::fopen(path, "w");
    owner = pid;
  }
  if (f == nullptr) return;
  std::fprintf(f, "%lx %zx %s\n", reinterpret_cast<unsigned long>(start), size, name);
  std::fflush(f);
}

}  // namespace krait
