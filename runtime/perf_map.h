// perf map support: with -X perf, PYTHONPERFSUPPORT=1 or KRAIT_PERF_MAP=1 every compiled
// trace is appended to /tmp/perf-<pid>.map as "START SIZE name", which `perf report` uses to
// name samples in JIT code.
#pragma once

#include <cstddef>

namespace krait {
void perf_map_add(const void* start, std::size_t size, const char* name);
}
