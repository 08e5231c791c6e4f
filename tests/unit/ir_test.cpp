// The trace IR container (jit/ir.h, ir.cpp, ir_print.cpp, ir_verify.cpp): constant interning,
// raw appends and snapshots, the text dump that golden tests compare against, and the
// verifier accepting a well-formed buffer and rejecting each kind of malformed one (the
// operand-type cases are generated from ir_ops.def's operand column, so a new op is covered
// without touching this file).
#include <Python.h>
#include <gtest/gtest.h>

#include <cinttypes>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <limits>
#include <string>

#include "ir.h"
#include "jit_test_util.h"

namespace krait::jit {
namespace {

class IrTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { test::ensure_python(); }
};

TEST_F(IrTest, IntConstantsAreInterned) {
  IrBuffer b;
  const IrRef a = b.kint(42);
  EXPECT_TRUE(is_const(a));
  EXPECT_EQ(b.kint(42), a);
  EXPECT_NE(b.kint(43), a);
  EXPECT_EQ(b.konst(a).i, 42);
  EXPECT_EQ(b.type_of(a), IrType::k_int);
  EXPECT_EQ(b.konst(b.kint(INT64_MIN)).i, INT64_MIN);
  EXPECT_EQ(b.konst(b.kint(INT64_MAX)).i, INT64_MAX);
  // Same bits, different type: a bool constant is not the int 1 (the printer, deopt boxing and
  // the verifier all read the constant's type).
  EXPECT_NE(b.kint(1), b.kbool(true));
  EXPECT_EQ(b.kbool(true), b.kbool(true));
  EXPECT_EQ(b.type_of(b.kbool(false)), IrType::k_bool);
  EXPECT_EQ(b.consts.size(), 7u);  // 42, 43, MIN, MAX, 1, true, false
  EXPECT_FALSE(is_const(kNoRef));
}

TEST_F(IrTest, FloatConstantsCompareBitwise) {
  IrBuffer b;
  const IrRef z = b.kflt(0.0), nz = b.kflt(-0.0);
  // 0.0 == -0.0 as doubles, but 1/x and copysign tell them apart: folding must keep both.
  EXPECT_NE(z, nz);
  EXPECT_EQ(b.kflt(0.0), z);
  EXPECT_EQ(b.kflt(-0.0), nz);
  EXPECT_FALSE(std::signbit(b.konst(z).f));
  EXPECT_TRUE(std::signbit(b.konst(nz).f));
  // A NaN is one constant although NaN != NaN.
  const double nan = std::numeric_limits<double>::quiet_NaN();
  EXPECT_EQ(b.kflt(nan), b.kflt(nan));
  EXPECT_TRUE(std::isnan(b.konst(b.kflt(nan)).f));
  // The int with 1.0's bit pattern is another constant.
  EXPECT_NE(b.kflt(1.0), b.kint(0x3ff0000000000000));
  EXPECT_EQ(b.type_of(z), IrType::k_flt);
  EXPECT_EQ(b.consts.size(), 5u);
}

TEST_F(IrTest, ObjectAndPointerConstants) {
  IrBuffer b;
  PyObject* s = PyUnicode_FromString("krait");
  const IrRef o = b.kobj(s);
  EXPECT_EQ(b.kobj(s), o);
  EXPECT_EQ(b.konst(o).p, s);
  EXPECT_EQ(b.type_of(o), IrType::k_obj);
  // The same address as a raw pointer is a different constant (it is never boxed on exit).
  const IrRef p = b.kptr(s);
  EXPECT_NE(p, o);
  EXPECT_EQ(b.type_of(p), IrType::k_ptr);
  EXPECT_EQ(b.kptr(s), p);
  // NULL (the unbound-local guard's operand) is an object constant distinct from int 0.
  EXPECT_EQ(b.kobj(nullptr), b.kobj(nullptr));
  EXPECT_NE(b.kobj(nullptr), b.kint(0));
  EXPECT_NE(b.kobj(nullptr), b.kptr(nullptr));
  Py_DECREF(s);
}

TEST_F(IrTest, AppendAndSnapshots) {
  IrBuffer b;
  const IrRef s0 = b.append(IrOp::SLOAD, IrType::k_obj, kNoRef, kNoRef, 3);
  EXPECT_EQ(s0, 0u);
  EXPECT_FALSE(is_const(s0));
  SnapEntry e[] = {{3, s0}, {4, b.kint(7)}};
  EXPECT_EQ(b.add_snapshot(12, 5, e, 2), 0);
  e[0].slot = 99;  // entries are copied: the caller's array may go away
  const IrRef u = b.append(IrOp::UNBOXI, IrType::k_int, s0, kNoRef, 0);
  EXPECT_EQ(u, 1u);
  EXPECT_EQ(b.size(), 2u);
  EXPECT_EQ(b.type_of(u), IrType::k_int);
  EXPECT_EQ(b.at(u).op, IrOp::UNBOXI);
  EXPECT_EQ(b.at(u).a, s0);
  EXPECT_EQ(b.at(u).b, kNoRef);
  EXPECT_EQ(b.at(s0).lit, 3);

  EXPECT_EQ(b.add_snapshot(14, 6, nullptr, 0, kSnapBreaker), 1);
  ASSERT_EQ(b.snaps.size(), 2u);
  const Snapshot& s = b.snaps[0];
  EXPECT_EQ(s.ins, 1u);  // covers the instructions appended after it
  EXPECT_EQ(s.pc, 12);
  EXPECT_EQ(s.depth, 5);
  EXPECT_EQ(s.flags, 0);
  EXPECT_EQ(s.start, 0u);
  ASSERT_EQ(s.count, 2u);
  EXPECT_EQ(b.snap_entries[0].slot, 3);
  EXPECT_EQ(b.snap_entries[0].ref, s0);
  EXPECT_EQ(b.snap_entries[1].slot, 4);
  EXPECT_EQ(b.konst(b.snap_entries[1].ref).i, 7);
  EXPECT_EQ(b.snaps[1].ins, 2u);
  EXPECT_EQ(b.snaps[1].start, 2u);
  EXPECT_EQ(b.snaps[1].count, 0u);
  EXPECT_EQ(b.snaps[1].flags, kSnapBreaker);

  b.loop = 1;
  b.clear();
  EXPECT_EQ(b.size(), 0u);
  EXPECT_TRUE(b.consts.empty());
  EXPECT_TRUE(b.snaps.empty());
  EXPECT_TRUE(b.snap_entries.empty());
  EXPECT_EQ(b.loop, kNoRef);
}

// A small peeled-looking buffer touching every part of the dump format: snapshots (with the
// breaker flag and a -0.0 entry), guards with their snapshot, field offsets, named type and
// singleton constants, pointer constants, the LOOP marker and a PHI.
struct DumpFixture {
  IrBuffer b;
  int flag = 0;
  PyObject* str = PyUnicode_FromString("k");
  DumpFixture() {
    b.add_snapshot(3, 2, nullptr, 0);
    const IrRef s0 = b.append(IrOp::SLOAD, IrType::k_obj, kNoRef, kNoRef, 1);
    b.append(IrOp::GTYPE, IrType::k_void, s0, b.kobj(&PyLong_Type), 0);
    const IrRef u = b.append(IrOp::UNBOXI, IrType::k_int, s0, kNoRef, 0);
    const SnapEntry e1[] = {{1, u}, {0, b.kflt(-0.0)}};
    b.add_snapshot(5, 2, e1, 2, kSnapBreaker);
    const IrRef sum = b.append(IrOp::ADDOV, IrType::k_int, u, b.kint(-3), 1);
    const IrRef f = b.append(IrOp::ITOF, IrType::k_flt, sum);
    b.append(IrOp::FLT, IrType::k_bool, f, b.kflt(0.5));
    b.append(IrOp::GEQ, IrType::k_void, s0, b.kobj(Py_None), 1);
    b.append(IrOp::GNE, IrType::k_void, s0, b.kobj(str), 1);
    b.loop = b.append(IrOp::LOOP, IrType::k_void);
    b.append(IrOp::LDFLD, IrType::k_ptr, s0, kNoRef, 24);
    const IrRef next = b.append(IrOp::ADD, IrType::k_int, sum, b.kint(1));
    b.append(IrOp::GBREAK, IrType::k_void, b.kptr(&flag), kNoRef, 1);
    b.append(IrOp::PHI, IrType::k_void, sum, next);
  }
  ~DumpFixture() { Py_DECREF(str); }
};

TEST_F(IrTest, DumpFormat) {
  DumpFixture d;
  const char* expected =
      "---- TRACE test\n"
      ".... SNAP #0 pc=3 depth=2 []\n"
      "0000   o SLOAD       +1\n"
      "0001 > v GTYPE     0000  #type:int  @0\n"
      "0002 > i UNBOXI    0000  @0\n"
      ".... SNAP #1 pc=5 depth=2 breaker [1=0002 0=#-0.0]\n"
      "0003 > i ADDOV     0002  #-3  @1\n"
      "0004   f ITOF      0003\n"
      "0005   b FLT       0004  #0.5\n"
      "0006 > v GEQ       0000  #None  @1\n"
      "0007 > v GNE       0000  #<ptr>  @1\n"
      "---- LOOP ----\n"
      "0009   p LDFLD     0000  +24\n"
      "0010   i ADD       0003  #1\n"
      "0011 > v GBREAK    #<ptr>  @1\n"
      "0012   v PHI       0003  0010\n";
  EXPECT_EQ(ir_dump(d.b, true, "---- TRACE test"), expected);
}

TEST_F(IrTest, DumpUnstablePointersAndNotes) {
  DumpFixture d;
  std::vector<std::string> notes(d.b.size());
  notes[3] = "r12";
  notes[4] = "xmm0";
  const std::string out = ir_dump(d.b, false, nullptr, &notes);
  char ptr[64];
  std::snprintf(ptr, sizeof ptr, "#%p", static_cast<void*>(&d.flag));
  EXPECT_NE(out.find(std::string("0011 > v GBREAK    ") + ptr + "  @1\n"), std::string::npos)
      << out;
  std::snprintf(ptr, sizeof ptr, "#%p", static_cast<void*>(d.str));
  EXPECT_NE(out.find(std::string("0007 > v GNE       0000  ") + ptr + "  @1\n"), std::string::npos)
      << out;
  // Named objects stay named: their addresses differ between runs.
  EXPECT_NE(out.find("#type:int"), std::string::npos);
  EXPECT_NE(out.find("#None"), std::string::npos);
  EXPECT_EQ(out.find("<ptr>"), std::string::npos);
  EXPECT_NE(out.find("0003 > i ADDOV     0002  #-3  @1  ; r12\n"), std::string::npos) << out;
  EXPECT_NE(out.find("0004   f ITOF      0003  ; xmm0\n"), std::string::npos) << out;
  EXPECT_EQ(out.rfind(".... SNAP #0", 0), 0u);  // no header line
}

TEST_F(IrTest, RefText) {
  IrBuffer b;
  EXPECT_EQ(ir_ref_text(b, kNoRef, true), "-");
  EXPECT_EQ(ir_ref_text(b, 7, true), "0007");
  EXPECT_EQ(ir_ref_text(b, b.kint(INT64_MIN), true), "#-9223372036854775808");
  EXPECT_EQ(ir_ref_text(b, b.kflt(0.1), true), "#0.10000000000000001");  // round-trips
  EXPECT_EQ(ir_ref_text(b, b.kflt(-0.0), true), "#-0.0");
  EXPECT_EQ(ir_ref_text(b, b.kflt(2.0), true), "#2.0");  // a float, even when integral
  EXPECT_EQ(ir_ref_text(b, b.kbool(true), true), "#true");
  EXPECT_EQ(ir_ref_text(b, b.kobj(Py_True), true), "#True");
  EXPECT_EQ(ir_ref_text(b, b.kobj(Py_False), true), "#False");
  EXPECT_EQ(ir_ref_text(b, b.kobj(&PyRangeIter_Type), true), "#type:range_iterator");
  EXPECT_EQ(ir_ref_text(b, b.kobj(nullptr), true), "#NULL");
  EXPECT_EQ(ir_ref_text(b, b.kobj(nullptr), false), "#NULL");
  // Number objects print by value: their addresses differ between runs.
  PyObject* big = PyLong_FromLongLong(1234567890123);
  EXPECT_EQ(ir_ref_text(b, b.kobj(big), true), "#int:1234567890123");
  Py_DECREF(big);
  // A type as a raw pointer is not named: only object constants are.
  EXPECT_EQ(ir_ref_text(b, b.kptr(&PyLong_Type), true), "#<ptr>");
}

TEST_F(IrTest, VerifyAcceptsWellFormedBuffer) {
  DumpFixture d;
  EXPECT_EQ(ir_verify(d.b), "");
  EXPECT_EQ(ir_verify(IrBuffer{}), "");
}

TEST_F(IrTest, VerifyRejectsOperandDefinedLater) {
  IrBuffer b;
  b.append(IrOp::ADD, IrType::k_int, 1, b.kint(1));  // uses ref 1 before it exists
  b.append(IrOp::ADD, IrType::k_int, b.kint(2), b.kint(1));
  EXPECT_EQ(ir_verify(b), "ref 0: operand not defined before use");

  IrBuffer self;  // an instruction using itself
  self.append(IrOp::SLOAD, IrType::k_int, kNoRef, kNoRef, 0);
  self.append(IrOp::ADD, IrType::k_int, 1, 0);
  EXPECT_EQ(ir_verify(self), "ref 1: operand not defined before use");

  IrBuffer past_end;  // a ref beyond the buffer
  past_end.append(IrOp::NEGOV, IrType::k_int, 5);
  EXPECT_EQ(ir_verify(past_end), "ref 0: operand not defined before use");
}

TEST_F(IrTest, VerifyRejectsGuardWithoutSnapshot) {
  IrBuffer b;
  const IrRef s = b.append(IrOp::SLOAD, IrType::k_obj, kNoRef, kNoRef, 0);
  b.append(IrOp::GTYPE, IrType::k_void, s, b.kobj(&PyLong_Type), 0);
  EXPECT_EQ(ir_verify(b), "ref 1: guard without a snapshot");
  b.add_snapshot(0, 1, nullptr, 0);
  EXPECT_EQ(ir_verify(b), "");
  b.append(IrOp::UNBOXI, IrType::k_int, s, kNoRef, 1);  // snapshot #1 does not exist
  EXPECT_EQ(ir_verify(b), "ref 2: guard without a snapshot");
}

// The backends read these operands as constants: a computed one must not get through.
TEST_F(IrTest, VerifyRejectsComputedOperandsWhereConstantsBelong) {
  IrBuffer b;
  const IrRef s = b.append(IrOp::SLOAD, IrType::k_obj, kNoRef, kNoRef, 0);
  b.add_snapshot(0, 1, nullptr, 0);
  b.append(IrOp::GTYPE, IrType::k_void, s, s, 0);
  EXPECT_EQ(ir_verify(b), "ref 1: GTYPE needs a constant operand");

  IrBuffer keys;  // the dict may be computed, the version may not
  const IrRef d = keys.append(IrOp::SLOAD, IrType::k_obj, kNoRef, kNoRef, 0);
  const IrRef n = keys.append(IrOp::LDFLD, IrType::k_int, d, kNoRef, 16);
  keys.add_snapshot(0, 1, nullptr, 0);
  keys.append(IrOp::GKEYS, IrType::k_void, d, keys.kint(7), 0);
  EXPECT_EQ(ir_verify(keys), "");
  keys.append(IrOp::GKEYS, IrType::k_void, d, n, 0);
  EXPECT_EQ(ir_verify(keys), "ref 3: GKEYS needs a constant operand");

  IrBuffer brk;
  const IrRef p = brk.append(IrOp::FRAME, IrType::k_ptr);
  brk.add_snapshot(0, 1, nullptr, 0);
  brk.append(IrOp::GBREAK, IrType::k_void, p, kNoRef, 0);
  EXPECT_EQ(ir_verify(brk), "ref 1: GBREAK needs a constant operand");

  IrBuffer sh;  // a shift count is a constant in 0..63
  const IrRef x = sh.append(IrOp::SLOAD, IrType::k_obj, kNoRef, kNoRef, 0);
  const IrRef xi = sh.append(IrOp::LDFLD, IrType::k_int, x, kNoRef, 16);
  sh.append(IrOp::SAR, IrType::k_int, xi, sh.kint(63));
  EXPECT_EQ(ir_verify(sh), "");
  sh.append(IrOp::SAR, IrType::k_int, xi, xi);
  EXPECT_EQ(ir_verify(sh), "ref 3: SAR needs a constant operand");
  IrBuffer sh2;
  const IrRef y = sh2.append(IrOp::SLOAD, IrType::k_obj, kNoRef, kNoRef, 0);
  const IrRef yi = sh2.append(IrOp::LDFLD, IrType::k_int, y, kNoRef, 16);
  sh2.append(IrOp::SAR, IrType::k_int, yi, sh2.kint(64));
  EXPECT_EQ(ir_verify(sh2), "ref 2: SAR needs a constant operand");

  IrBuffer nl;  // the slot NEWLIST writes is a constant
  const IrRef z = nl.append(IrOp::SLOAD, IrType::k_obj, kNoRef, kNoRef, 0);
  const IrRef zi = nl.append(IrOp::LDFLD, IrType::k_int, z, kNoRef, 16);
  nl.add_snapshot(0, 1, nullptr, 0);
  nl.append(IrOp::NEWLIST, IrType::k_obj, nl.kint(3), kNoRef, 0);
  EXPECT_EQ(ir_verify(nl), "");
  nl.append(IrOp::NEWLIST, IrType::k_obj, zi, kNoRef, 0);
  EXPECT_EQ(ir_verify(nl), "ref 3: NEWLIST needs a constant operand");
}

TEST_F(IrTest, VerifyRejectsSnapshotNamingALaterValue) {
  IrBuffer b;
  const IrRef s = b.append(IrOp::SLOAD, IrType::k_obj, kNoRef, kNoRef, 0);
  const SnapEntry own[] = {{0, 1}};  // the guard's own result
  b.add_snapshot(0, 1, own, 1);
  b.append(IrOp::UNBOXI, IrType::k_int, s, kNoRef, 0);
  EXPECT_EQ(ir_verify(b), "ref 1: snapshot names a later value");

  IrBuffer later;
  const IrRef t = later.append(IrOp::SLOAD, IrType::k_obj, kNoRef, kNoRef, 0);
  const SnapEntry e[] = {{0, t}, {1, 2}};
  later.add_snapshot(0, 2, e, 2);
  later.append(IrOp::GTYPE, IrType::k_void, t, later.kobj(&PyLong_Type), 0);
  later.append(IrOp::UNBOXI, IrType::k_int, t, kNoRef, 0);
  EXPECT_EQ(ir_verify(later), "ref 1: snapshot names a later value");
}

TEST_F(IrTest, VerifyRejectsOtherMalformations) {
  {
    IrBuffer b;  // a required operand left out
    b.append(IrOp::ADD, IrType::k_int, b.kint(1));
    EXPECT_EQ(ir_verify(b), "ref 0: missing operand");
  }
  {
    IrBuffer b;  // an operand where the table has none
    b.append(IrOp::FRAME, IrType::k_ptr, b.kint(1));
    EXPECT_EQ(ir_verify(b), "ref 0: unexpected operand");
  }
  {
    IrBuffer b;  // a constant index past the table
    b.append(IrOp::NEGOV, IrType::k_int, kConstBit | 5);
    EXPECT_EQ(ir_verify(b), "ref 0: bad constant");
  }
  {
    IrBuffer b;  // a snapshot entry without a value
    const SnapEntry e[] = {{0, kNoRef}};
    b.add_snapshot(0, 1, e, 1);
    b.append(IrOp::GTRUE, IrType::k_void, b.kbool(true), kNoRef, 0);
    EXPECT_EQ(ir_verify(b), "ref 0: snapshot entry without a value");
  }
  {
    IrBuffer b;  // a snapshot slot above the stack depth it claims
    const SnapEntry e[] = {{2, b.kint(0)}};
    b.add_snapshot(0, 2, e, 1);
    b.append(IrOp::GTRUE, IrType::k_void, b.kbool(true), kNoRef, 0);
    EXPECT_EQ(ir_verify(b), "ref 0: snapshot slot above its depth");
  }
  {
    IrBuffer b;  // a PHI whose loop-entry value is defined inside the body
    b.loop = b.append(IrOp::LOOP, IrType::k_void);
    const IrRef x = b.append(IrOp::ADD, IrType::k_int, b.kint(1), b.kint(2));
    b.append(IrOp::PHI, IrType::k_void, x, x);
    EXPECT_EQ(ir_verify(b), "ref 2: PHI of a body value");
  }
  {
    IrBuffer b;  // a PHI in a buffer that was never peeled
    const IrRef x = b.append(IrOp::ADD, IrType::k_int, b.kint(1), b.kint(2));
    b.append(IrOp::PHI, IrType::k_void, x, x);
    EXPECT_EQ(ir_verify(b), "ref 1: PHI of a body value");
  }
}

// One value of each IR type, defined before the instruction under test, plus a CARG.
struct TypedValues {
  IrBuffer b;
  IrRef obj, i, f, bl, ptr, carg;
  TypedValues() {
    obj = b.append(IrOp::SLOAD, IrType::k_obj, kNoRef, kNoRef, 0);
    i = b.append(IrOp::LDFLD, IrType::k_int, obj, kNoRef, 16);
    f = b.append(IrOp::ITOF, IrType::k_flt, i);
    bl = b.append(IrOp::LT, IrType::k_bool, i, i);
    ptr = b.append(IrOp::LDFLD, IrType::k_ptr, obj, kNoRef, 24);
    carg = b.append(IrOp::CARG, IrType::k_void, obj, i);
    b.add_snapshot(0, 1, nullptr, 0);
  }
  // A value of the type operand letter `c` asks for.
  IrRef good(char c) const {
    switch (c) {
      case 'i':
        return i;
      case 'f':
        return f;
      case 'b':
        return bl;
      case 'o':
      case 'a':
        return obj;
      case 'p':
        return ptr;
      case 'c':
        return carg;
      case '.':
        return i;
      default:
        return kNoRef;
    }
  }
  // Appends `op` (after a LOOP for a PHI, whose first operand must come before it).
  std::string verify_with(IrOp op, IrRef a, IrRef x) {
    if (op == IrOp::PHI) b.loop = b.append(IrOp::LOOP, IrType::k_void);
    b.append(op, IrType::k_void, a, x, 0);
    return ir_verify(b);
  }
};

TEST_F(IrTest, VerifyChecksOperandTypesOfEveryOp) {
  int checked = 0;
  for (int k = 0; k < static_cast<int>(IrOp::kCount); ++k) {
    const IrOp op = static_cast<IrOp>(k);
    const std::string want = op_info(op).operands;
    ASSERT_EQ(want.size(), 2u) << op_info(op).name;
    // Operands that must be constants are checked by VerifyRejectsComputedOperands...
    if (op == IrOp::GTYPE || op == IrOp::GKEYS || op == IrOp::SSTORE || op == IrOp::GBREAK ||
        op == IrOp::SAR || op == IrOp::NEWLIST)
      continue;
    {
      TypedValues v;  // the right types verify
      EXPECT_EQ(v.verify_with(op, v.good(want[0]), v.good(want[1])), "") << op_info(op).name;
    }
    for (int pos = 0; pos < 2; ++pos) {
      if (want[pos] == '-' || want[pos] == '.') continue;
      TypedValues probe;
      const IrRef candidates[] = {probe.obj, probe.i, probe.f, probe.bl, probe.ptr, probe.carg};
      for (IrRef wrong : candidates) {
        TypedValues v;
        if (ir_operand_accepts(want[pos], v.b.type_of(wrong), wrong == v.carg)) continue;
        IrRef ops[2] = {v.good(want[0]), v.good(want[1])};
        ops[pos] = wrong;
        const std::string err = v.verify_with(op, ops[0], ops[1]);
        EXPECT_EQ(err, "ref 6: operand of the wrong type for " + std::string(op_info(op).name))
            << op_info(op).name << " operand " << pos << " given a "
            << kIrTypeLetters[static_cast<int>(v.b.type_of(wrong))];
        ++checked;
      }
      // A constant of a wrong type is rejected the same way.
      TypedValues v;
      IrRef ops[2] = {v.good(want[0]), v.good(want[1])};
      ops[pos] = want[pos] == 'i' ? v.b.kflt(1.0) : v.b.kint(1);
      EXPECT_NE(v.verify_with(op, ops[0], ops[1]), "") << op_info(op).name << " operand " << pos;
    }
  }
  EXPECT_GT(checked, 100);
}

}  // namespace
}  // namespace krait::jit
