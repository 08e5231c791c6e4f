// Loop peeling and dead-code elimination (jit/opt_loop.cpp, opt_dce.cpp) on a hand-recorded
// iteration of `for i in range(n): s += i`, compared against a golden dump embedded below:
// the range iterator's invariant fields are loaded once before the LOOP marker, the index is
// forwarded from the previous iteration's store, the type guards of `s` do not come back in
// the body, and PHIs carry `i`, the index and `s`. Also the two ways peeling rejects a
// type-unstable loop, and DCE's renumbering.
#include <Python.h>
#include <gtest/gtest.h>

#include <cstddef>
#include <string>

#include "jit_test_util.h"
#include "opt.h"
#include "trace_compile.h"

namespace krait::jit {
namespace {

class OptLoopTest : public ::testing::Test {
 protected:
  // peel_loop reads the eval-breaker address of the current thread state.
  static void SetUpTestSuite() { test::ensure_python(); }
};

// The golden dump below spells the range iterator's field offsets out.
static_assert(test::kOffIndex == 16 && test::kOffStart == 24 && test::kOffStep == 32 &&
              test::kOffLen == 40);
using test::kEntryDepth;
using test::kHeader;
using test::record_range_sum;

TEST_F(OptLoopTest, RangeSumGolden) {
  IrBuffer b;
  std::vector<IrRef> end_slots;
  record_range_sum(b, &end_slots);
  ASSERT_EQ(ir_verify(b), "");
  const IrRef recorded = b.size();
  const char* why = nullptr;
  ASSERT_TRUE(peel_loop(b, end_slots, kEntryDepth, kHeader, &why)) << why;
  dce(b);
  ASSERT_EQ(ir_verify(b), "");
  const char* golden =
      ".... SNAP #0 pc=10 depth=4 []\n"
      "0000   o SLOAD       +3\n"
      "0001 > v GNE       0000  #NULL  @0\n"
      "0002 > v GTYPE     0000  #type:range_iterator  @0\n"
      "0003   i LDFLD     0000  +16\n"
      "0004   i LDFLD     0000  +40\n"
      "0005 > v GLT       0003  0004  @0\n"
      "0006   i LDFLD     0000  +24\n"
      "0007   i LDFLD     0000  +32\n"
      "0008   i MUL       0003  0007\n"
      "0009   i ADD       0006  0008\n"
      "0010   i ADD       0003  #1\n"
      "0011   v STFLD     0000  0010  +16\n"
      ".... SNAP #1 pc=12 depth=4 [2=0009]\n"
      "0012   o SLOAD       +1\n"
      "0013 > v GNE       0012  #NULL  @1\n"
      ".... SNAP #2 pc=14 depth=6 [2=0009 4=0012 5=0009]\n"
      "0014 > v GTYPE     0012  #type:int  @2\n"
      "0015 > i UNBOXI    0012  @2\n"
      "0016 > i ADDOV     0015  0009  @2\n"
      "---- LOOP ----\n"
      ".... SNAP #3 pc=10 depth=4 [1=0016 2=0009]\n"
      "0018 > v GLT       0010  0004  @3\n"
      "0019   i MUL       0010  0007\n"
      "0020   i ADD       0006  0019\n"
      "0021   i ADD       0010  #1\n"
      "0022   v STFLD     0000  0021  +16\n"
      ".... SNAP #4 pc=12 depth=4 [1=0016 2=0020]\n"
      ".... SNAP #5 pc=14 depth=6 [1=0016 2=0020 4=0016 5=0020]\n"
      "0023 > i ADDOV     0016  0020  @5\n"
      ".... SNAP #6 pc=10 depth=4 breaker [1=0023 2=0020]\n"
      "0024 > v GBREAK    #<ptr>  @6\n"
      "0025   v PHI       0009  0020\n"
      "0026   v PHI       0010  0021\n"
      "0027   v PHI       0016  0023\n";
  EXPECT_EQ(ir_dump(b, true), golden);

  // The same facts, checked structurally (so that a golden mismatch says which one broke).
  ASSERT_EQ(b.loop, recorded);  // nothing recorded was dead
  int phis = 0;
  for (IrRef r = b.loop + 1; r < b.size(); ++r) {
    const IrIns& in = b.at(r);
    // start, step and len are invariant (CSE'd into the pre-roll) and the index is forwarded
    // from the previous iteration's store: the body loads no field at all.
    EXPECT_NE(in.op, IrOp::LDFLD) << "a field load in the body at " << r;
    // s's type and the iterator's type were established before the loop.
    EXPECT_NE(in.op, IrOp::GTYPE) << "a type guard in the body at " << r;
    EXPECT_NE(in.op, IrOp::GNE) << "an unbound-local guard in the body at " << r;
    EXPECT_NE(in.op, IrOp::UNBOXI) << "s unboxed again in the body at " << r;
    if (in.op == IrOp::PHI) {
      ++phis;
      EXPECT_LT(in.a, b.loop);
      EXPECT_GT(in.b, b.loop);
      EXPECT_EQ(b.type_of(in.a), b.type_of(in.b));
    }
  }
  EXPECT_EQ(phis, 3);  // i, the iterator's next index, s
  EXPECT_EQ(b.at(b.size() - 4).op, IrOp::GBREAK);
  // The back-edge checks the running interpreter's eval breaker.
  EXPECT_EQ(static_cast<const void*>(b.konst(b.at(b.size() - 4).a).p),
            static_cast<const void*>(const_cast<int*>(jit_eval_breaker_addr())));
}

// What a side trace from a pre-roll exit must compute again before it LINKs into the body
// (IrBuffer::relied): the iterator's slot load and guards and its invariant fields (len,
// start, step) and `n`'s... none of `s`'s entry value, its guards or its unboxing, which
// the body replaces by the PHI; loop_ready_snap is the first snapshot after all of them.
TEST_F(OptLoopTest, PrerollValuesTheBodyReliesOn) {
  IrBuffer b;
  std::vector<IrRef> end_slots;
  record_range_sum(b, &end_slots);
  const char* why = nullptr;
  ASSERT_TRUE(peel_loop(b, end_slots, kEntryDepth, kHeader, &why)) << why;
  auto relied = [&](IrRef r) {
    for (IrRef x : b.relied) {
      if (x == r) return true;
    }
    return false;
  };
  // 0000 SLOAD iterator, 0001 GNE, 0002 GTYPE, 0004 len, 0006 start, 0007 step.
  for (IrRef r : {0u, 1u, 2u, 4u, 6u, 7u}) EXPECT_TRUE(relied(r)) << r;
  // s: 0012 SLOAD (the PHI's value in the body), 0013 GNE, 0014 GTYPE, 0015 UNBOXI; the
  // index load 0003, the compare 0005 and the item 0008/0009 are recomputed by the body.
  for (IrRef r : {3u, 5u, 8u, 9u, 12u, 13u, 14u, 15u}) EXPECT_FALSE(relied(r)) << r;
  for (std::size_t i = 1; i < b.relied.size(); ++i) EXPECT_LT(b.relied[i - 1], b.relied[i]);
  ASSERT_LT(b.loop_ready_snap, b.snaps.size());
  EXPECT_GT(b.snaps[b.loop_ready_snap].ins, b.relied.back());
  if (b.loop_ready_snap > 0) EXPECT_LE(b.snaps[b.loop_ready_snap - 1].ins, b.relied.back());
}

TEST_F(OptLoopTest, GuardThatCanNeverPassRejectsTheLoop) {
  // x = float slot read as a float, then overwritten by an int: `x = x * 0.5; x = n`.
  IrBuffer b;
  Emitter em(b);
  const std::uint16_t sn = b.add_snapshot(0, 2, nullptr, 0);
  const IrRef x = em.emit(IrOp::SLOAD, IrType::k_obj, kNoRef, kNoRef, 1);
  em.emit(IrOp::GTYPE, IrType::k_void, x, b.kobj(&PyFloat_Type), sn);
  em.emit(IrOp::UNBOXF, IrType::k_flt, x);
  const IrRef n = em.emit(IrOp::SLOAD, IrType::k_obj, kNoRef, kNoRef, 0);
  em.emit(IrOp::GTYPE, IrType::k_void, n, b.kobj(&PyLong_Type), sn);
  const IrRef un = em.emit(IrOp::UNBOXI, IrType::k_int, n, kNoRef, sn);
  std::vector<IrRef> end_slots(2, kNoRef);
  end_slots[1] = un;  // the next iteration finds an int where this one guarded a float
  const char* why = nullptr;
  EXPECT_FALSE(peel_loop(b, end_slots, 2, 0, &why));
  ASSERT_NE(why, nullptr);
  EXPECT_STREQ(why, "a guard in the loop body can never pass (type-unstable loop)");
}

TEST_F(OptLoopTest, LoopCarriedTypeChangeRejectsTheLoop) {
  // a, b = b, int(b): slot 1 takes slot 2's object, slot 2 an unboxed int. No guard fails in
  // the copy, but slot 1's value would be an object on entry and an int after one iteration.
  IrBuffer b;
  Emitter em(b);
  const std::uint16_t sn = b.add_snapshot(0, 3, nullptr, 0);
  const IrRef a = em.emit(IrOp::SLOAD, IrType::k_obj, kNoRef, kNoRef, 1);
  const IrRef bb = em.emit(IrOp::SLOAD, IrType::k_obj, kNoRef, kNoRef, 2);
  em.emit(IrOp::GTYPE, IrType::k_void, bb, b.kobj(&PyLong_Type), sn);
  const IrRef ub = em.emit(IrOp::UNBOXI, IrType::k_int, bb, kNoRef, sn);
  (void)a;
  std::vector<IrRef> end_slots(3, kNoRef);
  end_slots[1] = bb;
  end_slots[2] = ub;
  const char* why = nullptr;
  EXPECT_FALSE(peel_loop(b, end_slots, 3, 0, &why));
  ASSERT_NE(why, nullptr);
  EXPECT_STREQ(why, "a loop-carried value changes its type between iterations");
}

TEST_F(OptLoopTest, DceRemovesUnusedValuesAndRenumbers) {
  IrBuffer b;
  const IrRef s0 = b.append(IrOp::SLOAD, IrType::k_obj, kNoRef, kNoRef, 0);
  const IrRef s1 = b.append(IrOp::SLOAD, IrType::k_obj, kNoRef, kNoRef, 1);  // only in a snapshot
  const IrRef s2 = b.append(IrOp::SLOAD, IrType::k_obj, kNoRef, kNoRef, 2);  // dead
  const SnapEntry e0[] = {{1, s1}};
  b.add_snapshot(5, 3, e0, 1);
  b.append(IrOp::GTYPE, IrType::k_void, s0, b.kobj(&PyLong_Type), 0);
  const IrRef u = b.append(IrOp::UNBOXI, IrType::k_int, s0, kNoRef, 0);
  const IrRef dead_add = b.append(IrOp::ADD, IrType::k_int, u, b.kint(1));  // dead
  b.add_snapshot(6, 3, nullptr, 0);                      // covers from a dead instruction on
  b.append(IrOp::LDFLD, IrType::k_int, s2, kNoRef, 16);  // dead load
  b.loop = b.append(IrOp::LOOP, IrType::k_void);
  const IrRef sum = b.append(IrOp::ADDOV, IrType::k_int, u, b.kint(2), 1);
  b.append(IrOp::PHI, IrType::k_void, u, sum);
  (void)dead_add;
  ASSERT_EQ(ir_verify(b), "");
  dce(b);
  ASSERT_EQ(ir_verify(b), "");
  EXPECT_EQ(ir_dump(b, true),
            "0000   o SLOAD       +0\n"
            "0001   o SLOAD       +1\n"
            ".... SNAP #0 pc=5 depth=3 [1=0001]\n"
            "0002 > v GTYPE     0000  #type:int  @0\n"
            "0003 > i UNBOXI    0000  @0\n"
            ".... SNAP #1 pc=6 depth=3 []\n"
            "---- LOOP ----\n"
            "0005 > i ADDOV     0003  #2  @1\n"
            "0006   v PHI       0003  0005\n");
  EXPECT_EQ(b.loop, 4u);
  // A buffer with nothing to remove is left as it is.
  const std::string before = ir_dump(b, true);
  dce(b);
  EXPECT_EQ(ir_dump(b, true), before);
}

// A failed GTRUE/GFALSE knows its bool: its own snapshot takes the constant (the compare is
// then read by the guard alone), a snapshot another guard shares keeps the value.
TEST_F(OptLoopTest, FailedBoolGuardsPutTheirKnownValueInTheirSnapshot) {
  IrBuffer b;
  const IrRef x = b.append(IrOp::PVAL, IrType::k_int, kNoRef, kNoRef, 0);
  const IrRef lt = b.append(IrOp::LT, IrType::k_bool, x, b.kint(10));
  const SnapEntry e0[] = {{1, x}, {2, lt}};
  b.add_snapshot(5, 3, e0, 2);
  b.append(IrOp::GTRUE, IrType::k_void, lt, kNoRef, 0);
  const IrRef eq = b.append(IrOp::EQ, IrType::k_bool, x, b.kint(3));
  const SnapEntry e1[] = {{2, eq}};
  b.add_snapshot(7, 3, e1, 1);
  b.append(IrOp::GFALSE, IrType::k_void, eq, kNoRef, 1);
  const IrRef ne = b.append(IrOp::NE, IrType::k_bool, x, b.kint(4));
  const SnapEntry e2[] = {{2, ne}};
  b.add_snapshot(9, 3, e2, 1);
  b.append(IrOp::GFALSE, IrType::k_void, ne, kNoRef, 2);
  b.append(IrOp::GNE, IrType::k_void, x, b.kint(0), 2);  // shares snapshot #2
  ASSERT_EQ(ir_verify(b), "");
  fold_guard_bools(b);
  dce(b);
  ASSERT_EQ(ir_verify(b), "");
  EXPECT_EQ(ir_dump(b, true),
            "0000   i PVAL      \n"
            "0001   b LT        0000  #10\n"
            ".... SNAP #0 pc=5 depth=3 [1=0000 2=#false]\n"
            "0002 > v GTRUE     0001  @0\n"
            "0003   b EQ        0000  #3\n"
            ".... SNAP #1 pc=7 depth=3 [2=#true]\n"
            "0004 > v GFALSE    0003  @1\n"
            "0005   b NE        0000  #4\n"
            ".... SNAP #2 pc=9 depth=3 [2=0005]\n"
            "0006 > v GFALSE    0005  @2\n"
            "0007 > v GNE       0000  #0  @2\n");
}

// A snapshot no guard uses may keep a value DCE removed (a side trace's entry snapshot whose
// inherited values the trace never reads): resolving its exit values must not read it.
TEST_F(OptLoopTest, GuardlessSnapshotWithRemovedValueResolves) {
  IrBuffer b;
  const IrRef x = b.append(IrOp::PVAL, IrType::k_int, kNoRef, kNoRef, 0);
  const SnapEntry e0[] = {{1, x}};
  b.add_snapshot(5, 3, e0, 1);
  b.append(IrOp::SLOAD, IrType::k_obj, kNoRef, kNoRef, 0);
  dce(b);
  ASSERT_EQ(b.snap_entries[0].ref, kNoRef);
  std::vector<Loc, Allocator<Loc>> locs(b.size());
  const ExitValue v = resolve_exit_value(b, locs, b.snap_entries[0].ref, 1);
  EXPECT_EQ(v.src, Loc::kNone);
  EXPECT_EQ(v.slot, 1);
}

}  // namespace
}  // namespace krait::jit
