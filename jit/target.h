// What a backend provides to the architecture-neutral driver (x86-64 in x64/, AArch64 in
// arm64/): its allocatable registers and the assembler that turns allocated IR into machine
// code in the code cache, and which of them runs on this host. Helpers that
// compiled code calls are declared here too (jit/helpers.cpp), one implementation for every
// backend.
#pragma once

#include <string>

#include "ir.h"
#include "mcode.h"
#include "regalloc.h"
#include "trace.h"

namespace krait::jit {

// One backend. Both are always built (asmjit encodes either architecture on either host), so
// the unit tests assemble AArch64 code on x86-64 too; only host_target() runs its code.
struct Target {
  const char* name;  // "x86-64", "aarch64"
  // Allocatable registers (backend numbering: the register's hardware number).
  const RegFile& (*regfile)();
  // Assembles the allocated IR of `t` into the code cache and fills in its code fields
  // (mcode, entry, stub offsets, loop address). The listing goes to *listing when non-null.
  bool (*assemble)(Trace& t, const RegAllocResult& ra, std::string* listing);
  // Patches exit `snap` of `t` to jump to `target` (a side trace's code).
  bool (*patch_exit)(Trace& t, std::uint32_t snap, const void* target);
  // How the IR dump names a general and a float register (prefix + number).
  const char* gpr_prefix;
  const char* fpr_prefix;
};

// The backend for the machine Krait runs on, or nullptr when there is none (traces are then
// not compiled: every recording ends as an abort with reason no_backend).
const Target* host_target();

const Target& x64_target();
const RegFile& x64_regfile();
bool x64_assemble(Trace& t, const RegAllocResult& ra, std::string* listing);
bool x64_patch_exit(Trace& t, std::uint32_t snap, const void* target);

const Target& arm64_target();
const RegFile& arm64_regfile();
bool arm64_assemble(Trace& t, const RegAllocResult& ra, std::string* listing);
bool arm64_patch_exit(Trace& t, std::uint32_t snap, const void* target);

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
// slots[idx] = [] (a new empty list), the old reference released: the list, or nullptr
// (nothing done, no exception left) when the allocation could run a garbage collection
// (finalizers are Python code), freeing the old value could run code, or memory ran out.
PyObject* krait_jit_store_new_list(PyObject** slots, std::int64_t idx);
// Python's float % and // for a non-zero divisor (float_rem / float_floor_div semantics).
double krait_jit_fmod(double a, double b);
double krait_jit_ffloordiv(double a, double b);
// Python's float ** (float_pow): 0 and *out, or 1 (nothing stored) when CPython's float_pow
// would not return a float: ZeroDivisionError, a complex result, OverflowError or ValueError.
int krait_jit_fpow(double a, double b, double* out);
// GET_ITER of a list by reuse of an exhausted list iterator: when `it` is a list iterator that
// only one reference holds (its frame slot) and whose old list (if any) survives being released,
// `it` becomes iter(list) (index 0, the list referenced) and 0 is returned; else 1, nothing done.
int krait_jit_list_iter_reuse(PyObject* it, PyObject* list);
// The same for `iter(range(start, stop))`: a range iterator only one reference holds becomes
// the one range_iter would make (0 on success; 1, nothing done, otherwise or when CPython
// would make a long range iterator).
int krait_jit_range_iter_reuse(PyObject* it, std::int64_t start, std::int64_t stop);
}

}  // namespace krait::jit
