// Linear-scan register allocation (jit/regalloc.cpp) on hand-built and peeled IR: values the
// loop body uses from before the LOOP mark and both sides of PHIs stay live (and keep their
// location) to the end of the trace, values live at the same time never share a location,
// a small register file spills without sharing, floats go to xmm registers, and values that
// need no location get none.
#include <Python.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "jit_test_util.h"
#include "opt.h"
#include "regalloc.h"
#include "target.h"

namespace krait::jit {
namespace {

class RegAllocTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { test::ensure_python(); }
};

bool same_loc(const Loc& x, const Loc& y) { return x.kind == y.kind && x.index == y.index; }

std::string loc_text(const Loc& l) {
  switch (l.kind) {
    case Loc::kGpr:
      return "r" + std::to_string(l.index);
    case Loc::kXmm:
      return "xmm" + std::to_string(l.index);
    case Loc::kSpill:
      return "spill" + std::to_string(l.index);
    case Loc::kNone:
      break;
  }
  return "none";
}

// The allocation invariants every result must satisfy, for any IR: each needed value has a
// location of its class, and a value still needed after another is defined (its last use
// comes later) does not share that one's location. A value may hand its register to the
// result of its last use: the backends read all operands before writing a result.
void check_allocation(const IrBuffer& b, const RegFile& regs, const RegAllocResult& ra) {
  ASSERT_EQ(ra.locs.size(), b.size());
  ASSERT_EQ(ra.last_use.size(), b.size());
  for (IrRef r = 0; r < b.size(); ++r) {
    const Loc& l = ra.locs[r];
    if (!needs_location(b, r) || ra.last_use[r] == kNoRef) {
      EXPECT_EQ(l.kind, Loc::kNone) << "ref " << r << " needs no location";
      continue;
    }
    const bool fp = b.at(r).type == IrType::k_flt;
    if (l.kind == Loc::kSpill) {
      EXPECT_LT(l.index, kMaxSpill);
      continue;
    }
    ASSERT_EQ(l.kind, fp ? Loc::kXmm : Loc::kGpr) << "ref " << r << " in " << loc_text(l);
    const auto& pool = fp ? regs.fpr : regs.gpr;
    EXPECT_NE(std::find(pool.begin(), pool.end(), l.index), pool.end())
        << "ref " << r << " in " << loc_text(l) << ", not an allocatable register";
  }
  for (IrRef r1 = 0; r1 < b.size(); ++r1) {
    if (ra.locs[r1].kind == Loc::kNone) continue;
    for (IrRef r2 = r1 + 1; r2 < b.size(); ++r2) {
      if (ra.locs[r2].kind == Loc::kNone) continue;
      if (ra.last_use[r1] > r2) {
        EXPECT_FALSE(same_loc(ra.locs[r1], ra.locs[r2]))
            << "refs " << r1 << " (live to " << ra.last_use[r1] << ") and " << r2 << " share "
            << loc_text(ra.locs[r1]);
      }
    }
  }
}

// The peeled `for i in range(n): s += i` (see opt_loop_test.cpp for its dump).
void peeled_range_sum(IrBuffer& b) {
  std::vector<IrRef> end_slots;
  test::record_range_sum(b, &end_slots);
  const char* why = nullptr;
  ASSERT_TRUE(peel_loop(b, end_slots, test::kEntryDepth, test::kHeader, &why)) << why;
  dce(b);
  ASSERT_EQ(ir_verify(b), "");
}

TEST_F(RegAllocTest, ValuesUsedAcrossTheLoopLiveToTheEnd) {
  IrBuffer b;
  peeled_range_sum(b);
  RegAllocResult ra;
  ASSERT_TRUE(regalloc(b, x64_regfile(), &ra));
  check_allocation(b, x64_regfile(), ra);
  const IrRef n = b.size();
  // Pre-roll values the body reads (operands or snapshot entries) and both sides of every
  // PHI: one location from their definition to the end of the trace.
  std::vector<std::uint8_t> crosses(n, 0);
  for (IrRef i = b.loop + 1; i < n; ++i) {
    const IrIns& in = b.at(i);
    for (IrRef r : {in.a, in.b}) {
      if (r != kNoRef && !is_const(r) && (r < b.loop || in.op == IrOp::PHI)) crosses[r] = 1;
    }
    if (op_has(in.op, kIrGuard)) {
      const Snapshot& s = b.snaps[in.lit];
      for (std::uint32_t k = 0; k < s.count; ++k) {
        const IrRef r = b.snap_entries[s.start + k].ref;
        if (!is_const(r) && r < b.loop) crosses[r] = 1;
      }
    }
  }
  int count = 0;
  for (IrRef r = 0; r < n; ++r) {
    if (!crosses[r]) continue;
    ++count;
    EXPECT_EQ(ra.last_use[r], n) << "ref " << r;
    EXPECT_NE(ra.locs[r].kind, Loc::kNone) << "ref " << r;
    // No later value (in particular none in the body) takes its place.
    for (IrRef later = r + 1; later < n; ++later) {
      if (ra.locs[later].kind == Loc::kNone) continue;
      EXPECT_FALSE(same_loc(ra.locs[r], ra.locs[later]))
          << "ref " << r << " shares " << loc_text(ra.locs[r]) << " with " << later;
    }
  }
  // The iterator, len, start, step, i, the next index and s at least.
  EXPECT_GE(count, 7);
  EXPECT_EQ(ra.spills, 0);
}

// A long chain of values that are all used at the end, so all are live at once.
IrBuffer many_live_values(int count, IrType type) {
  IrBuffer b;
  std::vector<IrRef> vals;
  for (int k = 0; k < count; ++k) {
    vals.push_back(type == IrType::k_flt ? b.append(IrOp::FADD, type, b.kflt(k), b.kflt(0.5))
                                         : b.append(IrOp::ADD, type, b.kint(k), b.kint(1)));
  }
  b.add_snapshot(0, static_cast<std::uint16_t>(count), nullptr, 0);
  b.loop = b.append(IrOp::LOOP, IrType::k_void);
  // Every value is the loop-entry side of a PHI: all are live together until the end.
  for (IrRef v : vals) {
    const IrRef next = type == IrType::k_flt ? b.append(IrOp::FADD, type, v, b.kflt(1.0))
                                             : b.append(IrOp::ADD, type, v, b.kint(1));
    b.append(IrOp::PHI, IrType::k_void, v, next);
  }
  return b;
}

TEST_F(RegAllocTest, SimultaneouslyLiveValuesNeverShare) {
  // Six loop-carried values and their six successors: twelve live at once, as many as the
  // x86-64 backend has allocatable general registers.
  const IrBuffer b = many_live_values(6, IrType::k_int);
  RegAllocResult ra;
  ASSERT_TRUE(regalloc(b, x64_regfile(), &ra));
  check_allocation(b, x64_regfile(), ra);
  ASSERT_EQ(x64_regfile().gpr.size(), 12u);
  for (IrRef r = 0; r < b.size(); ++r) {
    if (needs_location(b, r)) {
      EXPECT_EQ(ra.locs[r].kind, Loc::kGpr) << r;
    }
  }
  EXPECT_EQ(ra.spills, 0);
}

TEST_F(RegAllocTest, TwoRegistersSpillTheRest) {
  const RegFile two{{3, 5}, {0, 1}};
  const IrBuffer b = many_live_values(10, IrType::k_int);
  RegAllocResult ra;
  ASSERT_TRUE(regalloc(b, two, &ra));
  check_allocation(b, two, ra);
  // The first two loop-carried values get the registers, the other eight spill, each to its
  // own slot; the ten body values, live with all of them, spill as well.
  EXPECT_EQ(ra.locs[0].kind, Loc::kGpr);
  EXPECT_EQ(ra.locs[1].kind, Loc::kGpr);
  EXPECT_NE(ra.locs[0].index, ra.locs[1].index);
  std::vector<int> slot_users(kMaxSpill, 0);
  for (IrRef r = 0; r < b.size(); ++r) {
    if (ra.locs[r].kind == Loc::kSpill) ++slot_users[ra.locs[r].index];
  }
  for (int s = 0; s < kMaxSpill; ++s) EXPECT_LE(slot_users[s], 1) << "spill slot " << s;
  EXPECT_EQ(ra.spills, 18);
}

// When registers run out, the value whose life ends last goes to memory: values from before
// the loop live to the trace's end, so the loop body's short-lived temporaries take their
// registers (and each invariant spilled keeps one slot for its whole life).
TEST_F(RegAllocTest, LoopTemporariesTakeRegistersFromInvariants) {
  const RegFile two{{3, 5}, {}};
  IrBuffer b;
  const IrRef s0 = b.append(IrOp::SLOAD, IrType::k_obj, kNoRef, kNoRef, 0);
  const IrRef s1 = b.append(IrOp::SLOAD, IrType::k_obj, kNoRef, kNoRef, 1);
  const IrRef s2 = b.append(IrOp::SLOAD, IrType::k_obj, kNoRef, kNoRef, 2);
  b.loop = b.append(IrOp::LOOP, IrType::k_void);
  const IrRef t0 = b.append(IrOp::LDFLD, IrType::k_int, s0, kNoRef, 16);
  const IrRef t1 = b.append(IrOp::LDFLD, IrType::k_int, s1, kNoRef, 16);
  const IrRef t2 = b.append(IrOp::ADD, IrType::k_int, t0, t1);
  b.append(IrOp::STFLD, IrType::k_void, s2, t2, 16);
  RegAllocResult ra;
  ASSERT_TRUE(regalloc(b, two, &ra));
  check_allocation(b, two, ra);
  EXPECT_EQ(ra.locs[t0].kind, Loc::kGpr);
  EXPECT_EQ(ra.locs[t1].kind, Loc::kGpr);
  EXPECT_EQ(ra.locs[t2].kind, Loc::kGpr);
  int spilled = 0;
  for (IrRef r : {s0, s1, s2}) spilled += ra.locs[r].kind == Loc::kSpill;
  EXPECT_EQ(spilled, 3);
  EXPECT_EQ(ra.spills, 3);
}

TEST_F(RegAllocTest, FloatsGetXmmRegisters) {
  const RegFile regs{{3, 5}, {0, 1, 2}};
  IrBuffer b = many_live_values(4, IrType::k_flt);
  RegAllocResult ra;
  ASSERT_TRUE(regalloc(b, regs, &ra));
  check_allocation(b, regs, ra);
  EXPECT_EQ(ra.locs[0].kind, Loc::kXmm);
  EXPECT_EQ(ra.locs[1].kind, Loc::kXmm);
  EXPECT_EQ(ra.locs[2].kind, Loc::kXmm);
  EXPECT_EQ(ra.locs[3].kind, Loc::kSpill);  // only three xmm registers; gprs are no help
}

TEST_F(RegAllocTest, IntsAndFloatsUseSeparateFiles) {
  // One register of each class: an int and a float live together both stay in registers.
  const RegFile regs{{3}, {3}};
  IrBuffer b;
  const IrRef i = b.append(IrOp::ADD, IrType::k_int, b.kint(1), b.kint(2));
  const IrRef f = b.append(IrOp::ITOF, IrType::k_flt, i);
  const IrRef g = b.append(IrOp::FADD, IrType::k_flt, f, b.kflt(1.0));
  b.add_snapshot(0, 2, nullptr, 0);
  const SnapEntry e[] = {{0, i}, {1, g}};
  b.add_snapshot(0, 2, e, 2);
  b.loop = b.append(IrOp::LOOP, IrType::k_void);
  b.append(IrOp::GTRUE, IrType::k_void, b.kbool(false), kNoRef, 1);
  RegAllocResult ra;
  ASSERT_TRUE(regalloc(b, regs, &ra));
  check_allocation(b, regs, ra);
  EXPECT_EQ(ra.locs[i].kind, Loc::kGpr);
  EXPECT_EQ(ra.locs[f].kind, Loc::kXmm);
  // f dies at g, which takes its register over.
  EXPECT_EQ(ra.last_use[f], g);
  EXPECT_EQ(ra.locs[g].kind, Loc::kXmm);
  EXPECT_EQ(ra.locs[g].index, 3);
  EXPECT_EQ(ra.spills, 0);
}

TEST_F(RegAllocTest, ADyingOperandHandsItsRegisterToTheResult) {
  // A chain in one register: each value dies at the next.
  const RegFile one{{3}, {}};
  IrBuffer b;
  IrRef v = b.append(IrOp::ADD, IrType::k_int, b.kint(1), b.kint(2));
  for (int k = 0; k < 5; ++k) v = b.append(IrOp::ADD, IrType::k_int, v, b.kint(1));
  const SnapEntry e[] = {{0, v}};
  b.add_snapshot(0, 1, e, 1);
  b.loop = b.append(IrOp::LOOP, IrType::k_void);
  b.append(IrOp::GTRUE, IrType::k_void, b.kbool(false), kNoRef, 0);
  RegAllocResult ra;
  ASSERT_TRUE(regalloc(b, one, &ra));
  check_allocation(b, one, ra);
  for (IrRef r = 0; r <= v; ++r) {
    EXPECT_EQ(ra.locs[r].kind, Loc::kGpr) << r;
    EXPECT_EQ(ra.last_use[r], r == v ? b.size() : r + 1) << r;
  }
  EXPECT_EQ(ra.spills, 0);
}

TEST_F(RegAllocTest, ValuesWithoutUsesOrResultsGetNoLocation) {
  IrBuffer b;
  const IrRef s = b.append(IrOp::SLOAD, IrType::k_obj, kNoRef, kNoRef, 0);
  const IrRef unused = b.append(IrOp::ADD, IrType::k_int, b.kint(1), b.kint(2));
  const IrRef idx = b.append(IrOp::ADD, IrType::k_int, b.kint(0), b.kint(0));
  const IrRef val = b.append(IrOp::ADD, IrType::k_int, b.kint(7), b.kint(0));
  b.add_snapshot(0, 1, nullptr, 0);
  b.loop = b.append(IrOp::LOOP, IrType::k_void);
  const IrRef args = b.append(IrOp::CARG, IrType::k_void, s, idx);
  const IrRef st = b.append(IrOp::STLIST, IrType::k_void, args, val, 0);
  RegAllocResult ra;
  ASSERT_TRUE(regalloc(b, x64_regfile(), &ra));
  check_allocation(b, x64_regfile(), ra);
  EXPECT_EQ(ra.locs[unused].kind, Loc::kNone);
  EXPECT_EQ(ra.locs[args].kind, Loc::kNone);  // a CARG is only its operands
  EXPECT_EQ(ra.locs[st].kind, Loc::kNone);
  EXPECT_EQ(ra.locs[b.loop].kind, Loc::kNone);
  // The pair's operands are used by the helper call, and the call is in the loop body.
  EXPECT_EQ(ra.last_use[s], b.size());
  EXPECT_EQ(ra.last_use[idx], b.size());
  EXPECT_NE(ra.locs[s].kind, Loc::kNone);
  EXPECT_NE(ra.locs[idx].kind, Loc::kNone);
  EXPECT_FALSE(same_loc(ra.locs[s], ra.locs[idx]));
}

TEST_F(RegAllocTest, TooManySpillsFail) {
  const RegFile none{{}, {}};
  RegAllocResult ra;
  EXPECT_TRUE(regalloc(many_live_values(kMaxSpill / 2, IrType::k_int), none, &ra));
  EXPECT_EQ(ra.spills, kMaxSpill);  // each loop-carried value and its body successor
  EXPECT_FALSE(regalloc(many_live_values(kMaxSpill / 2 + 1, IrType::k_int), none, &ra));
}

}  // namespace
}  // namespace krait::jit
