// Shared by the JIT unit tests (ir_test, opt_*_test, regalloc_test, x64_emit_test): the
// embedded interpreter they need for Python objects and the eval-breaker address, and one
// hand-recorded loop iteration that the optimiser, allocator and backend tests all start from.
#pragma once

#include <Python.h>
#include <gtest/gtest.h>

#include "test_python.h"

#include <cstddef>
#include <string>
#include <vector>

#include "krait/krait.h"
#include "krait/options.h"
#include "opt.h"
#include "pylayout.h"

namespace krait::jit::test {

using krait::test::ensure_python;

inline constexpr std::uint16_t kOffIndex = offsetof(RangeIterLayout, index);
inline constexpr std::uint16_t kOffStart = offsetof(RangeIterLayout, start);
inline constexpr std::uint16_t kOffStep = offsetof(RangeIterLayout, step);
inline constexpr std::uint16_t kOffLen = offsetof(RangeIterLayout, len);

// Frame layout of
//   def f(n):
//       s = 0
//       for i in range(n):   # FOR_ITER at instruction 10 (the loop header)
//           s += i
// locals n, s, i in slots 0-2, the range iterator on the stack in slot 3 (entry depth 4).
inline constexpr std::uint16_t kSlotS = 1, kSlotI = 2, kSlotIter = 3, kEntryDepth = 4;
inline constexpr std::int32_t kHeader = 10;

// What the recorder emits for one iteration (FOR_ITER, STORE_FAST i, LOAD_FAST s, LOAD_FAST i,
// BINARY_OP +=, STORE_FAST s), through the fold engine as the recorder does; fills end_slots
// (slot -> its value at the back-edge) the way Recorder::close does.
inline void record_range_sum(IrBuffer& b, std::vector<IrRef>* end_slots) {
  Emitter em(b);
  const IrRef null = b.kobj(nullptr);
  // FOR_ITER: the iterator is bound (not NULL), a range iterator, not exhausted.
  std::uint16_t sn = b.add_snapshot(kHeader, kEntryDepth, nullptr, 0);
  const IrRef it = em.emit(IrOp::SLOAD, IrType::k_obj, kNoRef, kNoRef, kSlotIter);
  em.emit(IrOp::GNE, IrType::k_void, it, null, sn);
  em.emit(IrOp::GTYPE, IrType::k_void, it, b.kobj(&PyRangeIter_Type), sn);
  const IrRef idx = em.emit(IrOp::LDFLD, IrType::k_int, it, kNoRef, kOffIndex);
  const IrRef len = em.emit(IrOp::LDFLD, IrType::k_int, it, kNoRef, kOffLen);
  em.emit(IrOp::GLT, IrType::k_void, idx, len, sn);
  const IrRef start = em.emit(IrOp::LDFLD, IrType::k_int, it, kNoRef, kOffStart);
  const IrRef step = em.emit(IrOp::LDFLD, IrType::k_int, it, kNoRef, kOffStep);
  const IrRef item =
      em.emit(IrOp::ADD, IrType::k_int, start, em.emit(IrOp::MUL, IrType::k_int, idx, step));
  em.emit(IrOp::STFLD, IrType::k_void, it, em.emit(IrOp::ADD, IrType::k_int, idx, b.kint(1)),
          kOffIndex);
  // STORE_FAST i; LOAD_FAST s: s must be bound.
  const SnapEntry e1[] = {{kSlotI, item}};
  sn = b.add_snapshot(12, kEntryDepth, e1, 1);
  const IrRef s = em.emit(IrOp::SLOAD, IrType::k_obj, kNoRef, kNoRef, kSlotS);
  em.emit(IrOp::GNE, IrType::k_void, s, null, sn);
  // LOAD_FAST i; BINARY_OP +=: s must be an int that fits, the sum must not overflow.
  const SnapEntry e2[] = {{kSlotI, item}, {4, s}, {5, item}};
  sn = b.add_snapshot(14, 6, e2, 3);
  em.emit(IrOp::GTYPE, IrType::k_void, s, b.kobj(&PyLong_Type), sn);
  const IrRef us = em.emit(IrOp::UNBOXI, IrType::k_int, s, kNoRef, sn);
  const IrRef sum = em.emit(IrOp::ADDOV, IrType::k_int, us, item, sn);
  // STORE_FAST s; JUMP_BACKWARD closes the loop.
  end_slots->assign(6, kNoRef);
  (*end_slots)[kSlotS] = sum;
  (*end_slots)[kSlotI] = item;
}

}  // namespace krait::jit::test
