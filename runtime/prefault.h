// Bulk pre-faulting of memory that start-up is known to touch (see prefault.cpp).
#pragma once

#include <cstddef>

namespace krait {

// Populates the writable data segment of the krait executable (.data and .bss) in one call.
void prefault_data_segment();

// Populates [p, p + size) for writing; a kernel without MADV_POPULATE_WRITE (before 5.14)
// leaves the pages to be faulted in one by one, as without the call.
void prefault_range(void* p, std::size_t size);

}  // namespace krait
