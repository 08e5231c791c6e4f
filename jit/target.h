// What a backend provides to the architecture-neutral driver: its allocatable registers and
// the assembler that turns allocated IR into machine code in the code cache. Helpers that
// compiled code calls are declared here too (jit/helpers.cpp), one implementation for every
// backend.
#pragma once

#include <string>

#include "ir.h"
#include "mcode.h"
#include "regalloc.h"
#include "trace.h"

namespace krait::jit {

const RegFile& x64_regfile();
// Assembles the allocated IR of `t` into the code cache and fills in its code fields
// (mcode, entry, stub offsets, loop address). The listing goes to *listing when non-null.
bool x64_assemble(Trace& t, const RegAllocResult& ra, std::string* listing);
// Patches exit `snap` of `t` to jump to `target` (a side trace's code).
bool x64_patch_exit(Trace& t, std::uint32_t snap, const void* target);

extern "C" {
// Exact int (any size) -> int64: 0 and *out on success, 1 when it does not fit.
int krait_jit_unbox_int(PyObject* o, std::int64_t* out);
// list[idx] = box(value), the old item decref'd: 0, or -1 (nothing done) when the old item is
// not an int or float (its deallocation could run Python code) or boxing failed.
int krait_jit_list_store_int(PyObject* list, std::int64_t idx, std::int64_t value);
int krait_jit_list_store_flt(PyObject* list, std::int64_t idx, double value);
// list.append(box(value)): 0, or -1 (nothing appended, no exception left) on MemoryError.
int krait_jit_list_append_int(PyObject* list, std::int64_t value);
int krait_jit_list_append_flt(PyObject* list, double value);
int krait_jit_list_append_obj(PyObject* list, PyObject* value);
int krait_jit_list_append_bool(PyObject* list, std::int64_t value);
// slots[idx] = box(value), the old reference released: 0, or -1 (nothing done) when the old
// value is not NULL, None, a bool, an int or a float (freeing it could run code) or boxing
// failed.
int krait_jit_store_slot_int(PyObject** slots, std::int64_t idx, std::int64_t value);
int krait_jit_store_slot_flt(PyObject** slots, std::int64_t idx, double value);
int krait_jit_store_slot_obj(PyObject** slots, std::int64_t idx, PyObject* value);
int krait_jit_store_slot_bool(PyObject** slots, std::int64_t idx, std::int64_t value);
// Python's float % and // for a non-zero divisor (float_rem / float_floor_div semantics).
double krait_jit_fmod(double a, double b);
double krait_jit_ffloordiv(double a, double b);
}

}  // namespace krait::jit
