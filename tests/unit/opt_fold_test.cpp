// The emission-time fold engine (jit/opt_fold.cpp, Emitter::emit): one test per rule —
// constant folding of int and float ops (overflow and zero divisors report kFailRef, floor
// division and modulo follow Python, checked against CPython itself), algebraic identities,
// constants kept on the right of commutative ops, CSE of pure ops, redundant and impossible
// guards, type guards and unboxing of already-unboxed values, store-to-load forwarding and
// its alias limits.
#include <Python.h>
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <limits>

#include "jit_test_util.h"
#include "opt.h"

namespace krait::jit {
namespace {

class OptFoldTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { test::ensure_python(); }
  void SetUp() override {
    // Values the engine knows nothing about (appended raw, as a recording would load them).
    o = b.append(IrOp::SLOAD, IrType::k_obj, kNoRef, kNoRef, 0);
    o2 = b.append(IrOp::SLOAD, IrType::k_obj, kNoRef, kNoRef, 1);
    x = b.append(IrOp::LDFLD, IrType::k_int, o, kNoRef, 16);
    y = b.append(IrOp::LDFLD, IrType::k_int, o, kNoRef, 24);
    f = b.append(IrOp::LDFLD, IrType::k_flt, o, kNoRef, 32);
    g = b.append(IrOp::LDFLD, IrType::k_flt, o, kNoRef, 40);
    c = b.append(IrOp::LT, IrType::k_bool, x, y);
    b.add_snapshot(0, 2, nullptr, 0);
  }
  IrRef emit(IrOp op, IrType t, IrRef a = kNoRef, IrRef x2 = kNoRef, std::uint16_t lit = 0) {
    return em.emit(op, t, a, x2, lit);
  }
  IrRef ki(std::int64_t v) { return b.kint(v); }
  IrRef kf(double v) { return b.kflt(v); }
  std::int64_t ival(IrRef r) {
    EXPECT_TRUE(is_const(r) && r != kFailRef) << "not a constant: " << r;
    return is_const(r) && r != kFailRef ? b.konst(r).i : -424242;
  }
  double fval(IrRef r) {
    EXPECT_TRUE(is_const(r) && r != kFailRef && b.type_of(r) == IrType::k_flt);
    return is_const(r) && r != kFailRef ? b.konst(r).f : -424242.0;
  }
  bool bval(IrRef r) {
    EXPECT_TRUE(is_const(r) && r != kFailRef && b.type_of(r) == IrType::k_bool);
    return is_const(r) && r != kFailRef && b.konst(r).i != 0;
  }

  IrBuffer b;
  Emitter em{b};
  IrRef o, o2, x, y, f, g, c;
};

constexpr std::int64_t kMin = std::numeric_limits<std::int64_t>::min();
constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();
constexpr double kInf = std::numeric_limits<double>::infinity();

TEST_F(OptFoldTest, IntConstantsFold) {
  const IrRef n = b.size();
  EXPECT_EQ(ival(emit(IrOp::ADD, IrType::k_int, ki(2), ki(3))), 5);
  EXPECT_EQ(ival(emit(IrOp::SUB, IrType::k_int, ki(2), ki(3))), -1);
  EXPECT_EQ(ival(emit(IrOp::MUL, IrType::k_int, ki(-4), ki(3))), -12);
  EXPECT_EQ(ival(emit(IrOp::BAND, IrType::k_int, ki(12), ki(10))), 8);
  EXPECT_EQ(ival(emit(IrOp::BOR, IrType::k_int, ki(12), ki(10))), 14);
  EXPECT_EQ(ival(emit(IrOp::BXOR, IrType::k_int, ki(12), ki(10))), 6);
  // The wrapping ops wrap (they are only emitted where overflow cannot happen).
  EXPECT_EQ(ival(emit(IrOp::ADD, IrType::k_int, ki(kMax), ki(1))), kMin);
  EXPECT_EQ(ival(emit(IrOp::MUL, IrType::k_int, ki(kMin), ki(-1))), kMin);
  EXPECT_EQ(ival(emit(IrOp::ADDOV, IrType::k_int, ki(40), ki(2))), 42);
  EXPECT_EQ(ival(emit(IrOp::SUBOV, IrType::k_int, ki(40), ki(42))), -2);
  EXPECT_EQ(ival(emit(IrOp::MULOV, IrType::k_int, ki(-6), ki(7))), -42);
  EXPECT_EQ(ival(emit(IrOp::NEGOV, IrType::k_int, ki(42))), -42);
  EXPECT_EQ(ival(emit(IrOp::ADDOV, IrType::k_int, ki(kMax - 1), ki(1))), kMax);
  EXPECT_EQ(ival(emit(IrOp::MULOV, IrType::k_int, ki(-(std::int64_t{1} << 62)), ki(2))), kMin);
  EXPECT_EQ(ival(emit(IrOp::NEGOV, IrType::k_int, ki(kMax))), -kMax);
  EXPECT_TRUE(bval(emit(IrOp::LT, IrType::k_bool, ki(-1), ki(0))));
  EXPECT_FALSE(bval(emit(IrOp::LE, IrType::k_bool, ki(1), ki(0))));
  EXPECT_TRUE(bval(emit(IrOp::GT, IrType::k_bool, ki(1), ki(0))));
  EXPECT_TRUE(bval(emit(IrOp::GE, IrType::k_bool, ki(0), ki(0))));
  EXPECT_FALSE(bval(emit(IrOp::EQ, IrType::k_bool, ki(0), ki(1))));
  EXPECT_TRUE(bval(emit(IrOp::NE, IrType::k_bool, ki(0), ki(1))));
  EXPECT_FALSE(bval(emit(IrOp::NOT, IrType::k_bool, b.kbool(true))));
  EXPECT_TRUE(bval(emit(IrOp::NOT, IrType::k_bool, b.kbool(false))));
  // Comparing a value with itself needs no constant.
  EXPECT_FALSE(bval(emit(IrOp::LT, IrType::k_bool, x, x)));
  EXPECT_TRUE(bval(emit(IrOp::GE, IrType::k_bool, x, x)));
  EXPECT_TRUE(bval(emit(IrOp::EQ, IrType::k_bool, x, x)));
  EXPECT_FALSE(bval(emit(IrOp::NE, IrType::k_bool, x, x)));
  EXPECT_EQ(b.size(), n);  // nothing was appended
}

TEST_F(OptFoldTest, GuardedIntOverflowFails) {
  const IrRef n = b.size();
  EXPECT_EQ(emit(IrOp::ADDOV, IrType::k_int, ki(kMax), ki(1)), kFailRef);
  EXPECT_EQ(emit(IrOp::ADDOV, IrType::k_int, ki(kMin), ki(-1)), kFailRef);
  EXPECT_EQ(emit(IrOp::SUBOV, IrType::k_int, ki(kMin), ki(1)), kFailRef);
  EXPECT_EQ(emit(IrOp::SUBOV, IrType::k_int, ki(0), ki(kMin)), kFailRef);
  EXPECT_EQ(emit(IrOp::MULOV, IrType::k_int, ki(std::int64_t{1} << 62), ki(2)), kFailRef);
  EXPECT_EQ(emit(IrOp::MULOV, IrType::k_int, ki(kMin), ki(-1)), kFailRef);
  EXPECT_EQ(emit(IrOp::NEGOV, IrType::k_int, ki(kMin)), kFailRef);
  EXPECT_EQ(b.size(), n);
  // A failed operand makes everything built on it fail (the recording aborts).
  EXPECT_EQ(emit(IrOp::ADD, IrType::k_int, kFailRef, x), kFailRef);
  EXPECT_EQ(emit(IrOp::GLT, IrType::k_void, x, kFailRef), kFailRef);
}

TEST_F(OptFoldTest, FloorDivAndModByZeroFail) {
  EXPECT_EQ(emit(IrOp::FLOORDIV, IrType::k_int, ki(7), ki(0)), kFailRef);
  EXPECT_EQ(emit(IrOp::MOD, IrType::k_int, ki(7), ki(0)), kFailRef);
  // Known zero divisor, unknown dividend: the interpreter raises ZeroDivisionError every time.
  EXPECT_EQ(emit(IrOp::FLOORDIV, IrType::k_int, x, ki(0)), kFailRef);
  EXPECT_EQ(emit(IrOp::MOD, IrType::k_int, x, ki(0)), kFailRef);
  // INT64_MIN // -1 does not fit in int64 (Python makes it a big int).
  EXPECT_EQ(emit(IrOp::FLOORDIV, IrType::k_int, ki(kMin), ki(-1)), kFailRef);
  // Unknown divisor: the guard stays.
  const IrRef d = emit(IrOp::FLOORDIV, IrType::k_int, x, y, 0);
  EXPECT_FALSE(is_const(d));
  EXPECT_EQ(b.at(d).op, IrOp::FLOORDIV);
}

// // and % by a positive power of two need no division (and no zero-divisor guard): an
// arithmetic shift and a mask, which are Python's floor semantics for either sign.
TEST_F(OptFoldTest, PowerOfTwoDivisorsBecomeShiftAndMask) {
  const IrRef q = emit(IrOp::FLOORDIV, IrType::k_int, x, ki(8), 0);
  ASSERT_FALSE(is_const(q));
  EXPECT_EQ(b.at(q).op, IrOp::SAR);
  EXPECT_EQ(b.at(q).b, ki(3));
  const IrRef m = emit(IrOp::MOD, IrType::k_int, x, ki(16), 0);
  ASSERT_FALSE(is_const(m));
  EXPECT_EQ(b.at(m).op, IrOp::BAND);
  EXPECT_EQ(b.at(m).b, ki(15));
  EXPECT_EQ(emit(IrOp::FLOORDIV, IrType::k_int, x, ki(1), 0), x);   // a shift by 0
  EXPECT_EQ(ival(emit(IrOp::MOD, IrType::k_int, x, ki(1), 0)), 0);  // x & 0
  // Negative or non-power-of-two divisors keep the guarded division.
  EXPECT_EQ(b.at(emit(IrOp::MOD, IrType::k_int, x, ki(-8), 0)).op, IrOp::MOD);
  EXPECT_EQ(b.at(emit(IrOp::FLOORDIV, IrType::k_int, x, ki(6), 0)).op, IrOp::FLOORDIV);
  // The rewritten forms are CSE'd with each other.
  EXPECT_EQ(emit(IrOp::SAR, IrType::k_int, x, ki(3)), q);
}

// Constant shifts fold to Python's >> (floor for negative values).
TEST_F(OptFoldTest, SarFoldsLikePythonRightShift) {
  const std::int64_t vals[] = {0, 1, -1, 7, -7, 1 << 20, -(1 << 20), kMax, kMin};
  for (std::int64_t a : vals) {
    for (int n : {0, 1, 3, 31, 62, 63}) {
      PyObject* pa = PyLong_FromLongLong(a);
      PyObject* pn = PyLong_FromLong(n);
      PyObject* r = PyNumber_Rshift(pa, pn);
      ASSERT_TRUE(r);
      EXPECT_EQ(ival(emit(IrOp::SAR, IrType::k_int, ki(a), ki(n))), PyLong_AsLongLong(r))
          << a << " >> " << n;
      Py_DECREF(pa);
      Py_DECREF(pn);
      Py_DECREF(r);
    }
  }
  EXPECT_EQ(emit(IrOp::SAR, IrType::k_int, x, ki(0)), x);
}

// Python's // and % on ints, folded, against CPython computing the same.
TEST_F(OptFoldTest, FloorDivAndModFollowPython) {
  const std::int64_t vals[] = {0, 1, -1, 2, -2, 3, -3, 7, -7, 10, -10, kMax, kMin, kMin + 1};
  for (std::int64_t a : vals) {
    for (std::int64_t d : vals) {
      if (d == 0) continue;
      PyObject* pa = PyLong_FromLongLong(a);
      PyObject* pd = PyLong_FromLongLong(d);
      PyObject* q = PyNumber_FloorDivide(pa, pd);
      PyObject* m = PyNumber_Remainder(pa, pd);
      ASSERT_TRUE(q && m);
      int overflow = 0;
      const long long qv = PyLong_AsLongLongAndOverflow(q, &overflow);
      const IrRef fq = emit(IrOp::FLOORDIV, IrType::k_int, ki(a), ki(d));
      if (overflow) {
        EXPECT_EQ(fq, kFailRef) << a << " // " << d;
      } else {
        EXPECT_EQ(ival(fq), qv) << a << " // " << d;
      }
      EXPECT_EQ(ival(emit(IrOp::MOD, IrType::k_int, ki(a), ki(d))), PyLong_AsLongLong(m))
          << a << " % " << d;
      Py_DECREF(pa);
      Py_DECREF(pd);
      Py_DECREF(q);
      Py_DECREF(m);
    }
  }
}

TEST_F(OptFoldTest, FloatConstantsFold) {
  const IrRef n = b.size();
  EXPECT_EQ(fval(emit(IrOp::FADD, IrType::k_flt, kf(0.5), kf(0.25))), 0.75);
  EXPECT_EQ(fval(emit(IrOp::FSUB, IrType::k_flt, kf(0.5), kf(0.25))), 0.25);
  EXPECT_EQ(fval(emit(IrOp::FMUL, IrType::k_flt, kf(-0.5), kf(4.0))), -2.0);
  EXPECT_EQ(fval(emit(IrOp::FDIV, IrType::k_flt, kf(1.0), kf(4.0))), 0.25);
  EXPECT_EQ(fval(emit(IrOp::FDIV, IrType::k_flt, kf(1.0), kf(-INFINITY))), 0.0);
  EXPECT_TRUE(std::signbit(fval(emit(IrOp::FDIV, IrType::k_flt, kf(1.0), kf(-INFINITY)))));
  // -0.0 survives: 0.0 - 0.0 is +0.0, -(0.0) is -0.0, and they are different constants.
  const IrRef neg0 = emit(IrOp::FNEG, IrType::k_flt, kf(0.0));
  EXPECT_TRUE(std::signbit(fval(neg0)));
  EXPECT_NE(neg0, kf(0.0));
  EXPECT_FALSE(std::signbit(fval(emit(IrOp::FSUB, IrType::k_flt, kf(0.0), kf(0.0)))));
  EXPECT_EQ(fval(emit(IrOp::ITOF, IrType::k_flt, ki(-3))), -3.0);
  // int64 -> double rounds to nearest (2**53 + 1 is not representable).
  const std::int64_t big = (std::int64_t{1} << 53) + 1;
  EXPECT_EQ(fval(emit(IrOp::ITOF, IrType::k_flt, ki(big))), static_cast<double>(big));
  const double nan = std::numeric_limits<double>::quiet_NaN();
  EXPECT_TRUE(std::isnan(fval(emit(IrOp::FMUL, IrType::k_flt, kf(0.0), kf(INFINITY)))));
  // Unordered compares are false, except !=.
  for (IrOp op : {IrOp::FLT, IrOp::FLE, IrOp::FGT, IrOp::FGE, IrOp::FEQ}) {
    EXPECT_FALSE(bval(emit(op, IrType::k_bool, kf(nan), kf(1.0)))) << op_info(op).name;
    EXPECT_FALSE(bval(emit(op, IrType::k_bool, kf(1.0), kf(nan)))) << op_info(op).name;
  }
  EXPECT_TRUE(bval(emit(IrOp::FNE, IrType::k_bool, kf(nan), kf(nan))));
  EXPECT_TRUE(bval(emit(IrOp::FLT, IrType::k_bool, kf(-1.0), kf(1.0))));
  EXPECT_TRUE(bval(emit(IrOp::FLE, IrType::k_bool, kf(1.0), kf(1.0))));
  EXPECT_TRUE(bval(emit(IrOp::FGT, IrType::k_bool, kf(2.0), kf(1.0))));
  EXPECT_TRUE(bval(emit(IrOp::FGE, IrType::k_bool, kf(1.0), kf(1.0))));
  EXPECT_TRUE(bval(emit(IrOp::FEQ, IrType::k_bool, kf(0.0), kf(-0.0))));  // numerically equal
  EXPECT_FALSE(bval(emit(IrOp::FNE, IrType::k_bool, kf(0.0), kf(-0.0))));
  EXPECT_EQ(b.size(), n);
}

TEST_F(OptFoldTest, FloatToIntFolds) {
  const IrRef n = b.size();
  EXPECT_EQ(ival(emit(IrOp::FTOI, IrType::k_int, kf(2.9))), 2);  // truncation, as int()
  EXPECT_EQ(ival(emit(IrOp::FTOI, IrType::k_int, kf(-2.9))), -2);
  EXPECT_EQ(ival(emit(IrOp::FTOI, IrType::k_int, kf(-0.0))), 0);
  EXPECT_EQ(ival(emit(IrOp::FTOI, IrType::k_int, kf(9223372036854774784.0))),  // 2**63 - 1024
            std::int64_t{9223372036854774784});
  const double nan = std::numeric_limits<double>::quiet_NaN();
  for (double d : {nan, kInf, -kInf, 9223372036854775808.0, 1e19}) {
    EXPECT_EQ(emit(IrOp::FTOI, IrType::k_int, kf(d)), kFailRef) << d;
  }
  EXPECT_EQ(b.size(), n);
  const IrRef t = emit(IrOp::FTOI, IrType::k_int, f, kNoRef, 0);
  EXPECT_EQ(b.at(t).op, IrOp::FTOI);
  EXPECT_EQ(emit(IrOp::FTOI, IrType::k_int, f, kNoRef, 0), t);  // a guard with a value: CSE
}

TEST_F(OptFoldTest, FloatZeroDivisorsFail) {
  for (double z : {0.0, -0.0}) {
    EXPECT_EQ(emit(IrOp::FDIV, IrType::k_flt, kf(1.0), kf(z)), kFailRef) << z;
    EXPECT_EQ(emit(IrOp::FDIV, IrType::k_flt, f, kf(z)), kFailRef) << z;
    EXPECT_EQ(emit(IrOp::FMOD, IrType::k_flt, f, kf(z)), kFailRef) << z;
    EXPECT_EQ(emit(IrOp::FFLOORDIV, IrType::k_flt, kf(1.0), kf(z)), kFailRef) << z;
  }
  // A non-zero constant divisor keeps FMOD/FFLOORDIV (computed by the helper at run time).
  const IrRef m = emit(IrOp::FMOD, IrType::k_flt, kf(5.5), kf(2.0), 0);
  EXPECT_FALSE(is_const(m));
  EXPECT_EQ(b.at(m).op, IrOp::FMOD);
}

TEST_F(OptFoldTest, FloatPowerOfConstantsFoldsAsFloatPow) {
  EXPECT_EQ(fval(emit(IrOp::FPOW, IrType::k_flt, kf(2.0), kf(10.0))), 1024.0);
  EXPECT_EQ(fval(emit(IrOp::FPOW, IrType::k_flt, kf(-8.0), kf(3.0))), -512.0);
  const double z = fval(emit(IrOp::FPOW, IrType::k_flt, kf(-0.0), kf(0.5)));
  EXPECT_EQ(z, 0.0);
  EXPECT_FALSE(std::signbit(z));  // float_pow: 0 ** positive non-odd is +0.0, unlike sqrt(-0.0)
  // What CPython raises for (or makes complex) can never pass: the recording aborts.
  EXPECT_EQ(emit(IrOp::FPOW, IrType::k_flt, kf(0.0), kf(-1.0)), kFailRef);
  EXPECT_EQ(emit(IrOp::FPOW, IrType::k_flt, kf(-8.0), kf(1.0 / 3)), kFailRef);
  EXPECT_EQ(emit(IrOp::FPOW, IrType::k_flt, kf(10.0), kf(400.0)), kFailRef);
  // A variable operand keeps the op (the helper runs at run time); equal ones CSE.
  const IrRef r = emit(IrOp::FPOW, IrType::k_flt, f, kf(0.5), 0);
  EXPECT_EQ(b.at(r).op, IrOp::FPOW);
  EXPECT_EQ(emit(IrOp::FPOW, IrType::k_flt, f, kf(0.5), 0), r);
}

TEST_F(OptFoldTest, AlgebraicIdentities) {
  const IrRef n = b.size();
  EXPECT_EQ(emit(IrOp::ADDOV, IrType::k_int, x, ki(0)), x);
  EXPECT_EQ(emit(IrOp::SUBOV, IrType::k_int, x, ki(0)), x);
  EXPECT_EQ(emit(IrOp::MULOV, IrType::k_int, x, ki(1)), x);
  EXPECT_EQ(ival(emit(IrOp::MULOV, IrType::k_int, x, ki(0))), 0);
  EXPECT_EQ(emit(IrOp::ADD, IrType::k_int, x, ki(0)), x);
  EXPECT_EQ(emit(IrOp::SUB, IrType::k_int, x, ki(0)), x);
  EXPECT_EQ(emit(IrOp::BOR, IrType::k_int, x, ki(0)), x);
  EXPECT_EQ(emit(IrOp::BXOR, IrType::k_int, x, ki(0)), x);
  EXPECT_EQ(b.size(), n);
  // The same identities with the constant written first (commutative ops only).
  EXPECT_EQ(emit(IrOp::ADDOV, IrType::k_int, ki(0), x), x);
  EXPECT_EQ(emit(IrOp::MULOV, IrType::k_int, ki(1), x), x);
  EXPECT_EQ(ival(emit(IrOp::MULOV, IrType::k_int, ki(0), x)), 0);
  EXPECT_EQ(emit(IrOp::ADD, IrType::k_int, ki(0), x), x);
  EXPECT_EQ(emit(IrOp::BOR, IrType::k_int, ki(0), x), x);
  EXPECT_EQ(emit(IrOp::BXOR, IrType::k_int, ki(0), x), x);
  EXPECT_EQ(b.size(), n);
  // Not identities: 0 - x, and x + 0.0 (which turns -0.0 into 0.0).
  const IrRef neg = emit(IrOp::SUBOV, IrType::k_int, ki(0), x, 0);
  EXPECT_NE(neg, x);
  EXPECT_FALSE(is_const(neg));
  const IrRef fz = emit(IrOp::FADD, IrType::k_flt, f, kf(0.0));
  EXPECT_NE(fz, f);
  EXPECT_EQ(b.at(fz).op, IrOp::FADD);
}

TEST_F(OptFoldTest, CommutativeOpsKeepConstantsOnTheRight) {
  const IrRef r = emit(IrOp::ADD, IrType::k_int, ki(5), x);
  ASSERT_FALSE(is_const(r));
  EXPECT_EQ(b.at(r).a, x);
  EXPECT_EQ(b.at(r).b, ki(5));
  // So both spellings are one instruction.
  EXPECT_EQ(emit(IrOp::ADD, IrType::k_int, x, ki(5)), r);
  const IrRef fm = emit(IrOp::FMUL, IrType::k_flt, kf(2.0), f);
  EXPECT_EQ(b.at(fm).a, f);
  EXPECT_EQ(emit(IrOp::FMUL, IrType::k_flt, f, kf(2.0)), fm);
  const IrRef eq = emit(IrOp::EQ, IrType::k_bool, ki(3), x);
  EXPECT_EQ(b.at(eq).a, x);
  const IrRef ov = emit(IrOp::ADDOV, IrType::k_int, ki(3), x, 0);
  EXPECT_EQ(b.at(ov).a, x);
  EXPECT_EQ(emit(IrOp::ADDOV, IrType::k_int, x, ki(3), 0), ov);
  // Non-commutative ops keep their order.
  const IrRef s = emit(IrOp::SUB, IrType::k_int, ki(5), x);
  EXPECT_EQ(b.at(s).a, ki(5));
  EXPECT_EQ(b.at(s).b, x);
  const IrRef lt = emit(IrOp::LT, IrType::k_bool, ki(5), x);
  EXPECT_EQ(b.at(lt).a, ki(5));
}

TEST_F(OptFoldTest, PureOpsAreCsed) {
  const IrRef a1 = emit(IrOp::ADD, IrType::k_int, x, y);
  EXPECT_EQ(emit(IrOp::ADD, IrType::k_int, x, y), a1);
  const IrRef i1 = emit(IrOp::ITOF, IrType::k_flt, x);
  emit(IrOp::MUL, IrType::k_int, x, y);  // something in between
  EXPECT_EQ(emit(IrOp::ITOF, IrType::k_flt, x), i1);
  EXPECT_EQ(emit(IrOp::FRAME, IrType::k_ptr), emit(IrOp::FRAME, IrType::k_ptr));
  // The literal is part of a pure instruction's identity (slot numbers).
  EXPECT_EQ(emit(IrOp::SLOAD, IrType::k_obj, kNoRef, kNoRef, 0), o);
  EXPECT_EQ(emit(IrOp::SLOAD, IrType::k_obj, kNoRef, kNoRef, 1), o2);
  EXPECT_NE(emit(IrOp::SLOAD, IrType::k_obj, kNoRef, kNoRef, 2), o);
  // Helper argument pairs CSE too (a CARG is void, but not a guard).
  const IrRef ca = emit(IrOp::CARG, IrType::k_void, o, x);
  EXPECT_NE(ca, kNoRef);
  EXPECT_EQ(emit(IrOp::CARG, IrType::k_void, o, x), ca);
  // Effects never merge.
  const IrRef n = b.size();
  emit(IrOp::STFLD, IrType::k_void, o, x, 16);
  emit(IrOp::STFLD, IrType::k_void, o, x, 16);
  EXPECT_EQ(b.size(), n + 2);
}

TEST_F(OptFoldTest, FoldingCanBeSwitchedOff) {
  em.fold_enabled = false;
  const IrRef n = b.size();
  const IrRef r = emit(IrOp::ADD, IrType::k_int, ki(2), ki(3));
  EXPECT_EQ(r, n);
  EXPECT_EQ(b.at(r).a, ki(2));  // verbatim: no folding, no canonicalisation
  EXPECT_EQ(emit(IrOp::ADD, IrType::k_int, ki(2), ki(3)), n + 1);
  EXPECT_EQ(emit(IrOp::GLT, IrType::k_void, x, y), n + 2);
  EXPECT_EQ(emit(IrOp::GLT, IrType::k_void, x, y), n + 3);
}

TEST_F(OptFoldTest, RedundantGuardsAreRemoved) {
  const IrRef g1 = emit(IrOp::GLT, IrType::k_void, x, y, 0);
  EXPECT_EQ(g1, b.size() - 1);
  const IrRef n = b.size();
  EXPECT_EQ(emit(IrOp::GLT, IrType::k_void, x, y, 0), kNoRef);
  // The snapshot does not matter: the earlier guard already established the fact.
  EXPECT_EQ(emit(IrOp::GLT, IrType::k_void, x, y, 3), kNoRef);
  emit(IrOp::GTRUE, IrType::k_void, c, kNoRef, 0);
  EXPECT_EQ(emit(IrOp::GTRUE, IrType::k_void, c, kNoRef, 0), kNoRef);
  EXPECT_EQ(b.size(), n + 1);
  // A guard that produces a value (UNBOXI) CSEs to that value.
  const IrRef u = emit(IrOp::UNBOXI, IrType::k_int, o2, kNoRef, 0);
  EXPECT_EQ(emit(IrOp::UNBOXI, IrType::k_int, o2, kNoRef, 0), u);
  const IrRef a = emit(IrOp::ADDOV, IrType::k_int, x, y, 0);
  EXPECT_EQ(emit(IrOp::ADDOV, IrType::k_int, x, y, 0), a);
}

TEST_F(OptFoldTest, GuardsOnConstantsAreDecided) {
  const IrRef n = b.size();
  EXPECT_EQ(emit(IrOp::GTRUE, IrType::k_void, b.kbool(true)), kNoRef);
  EXPECT_EQ(emit(IrOp::GTRUE, IrType::k_void, b.kbool(false)), kFailRef);
  EXPECT_EQ(emit(IrOp::GFALSE, IrType::k_void, b.kbool(false)), kNoRef);
  EXPECT_EQ(emit(IrOp::GFALSE, IrType::k_void, b.kbool(true)), kFailRef);
  EXPECT_EQ(emit(IrOp::GLT, IrType::k_void, ki(-1), ki(0)), kNoRef);
  EXPECT_EQ(emit(IrOp::GLT, IrType::k_void, ki(0), ki(0)), kFailRef);
  EXPECT_EQ(emit(IrOp::GULT, IrType::k_void, ki(0), ki(1)), kNoRef);
  EXPECT_EQ(emit(IrOp::GULT, IrType::k_void, ki(-1), ki(1)), kFailRef);  // unsigned: huge
  EXPECT_EQ(emit(IrOp::GEQ, IrType::k_void, ki(3), ki(3)), kNoRef);
  EXPECT_EQ(emit(IrOp::GEQ, IrType::k_void, ki(3), ki(4)), kFailRef);
  EXPECT_EQ(emit(IrOp::GNE, IrType::k_void, ki(3), ki(4)), kNoRef);
  EXPECT_EQ(emit(IrOp::GEQ, IrType::k_void, b.kobj(Py_None), b.kobj(Py_None)), kNoRef);
  EXPECT_EQ(emit(IrOp::GNE, IrType::k_void, b.kobj(Py_None), b.kobj(Py_True)), kNoRef);
  EXPECT_EQ(emit(IrOp::GEQ, IrType::k_void, x, x), kNoRef);
  EXPECT_EQ(emit(IrOp::GNE, IrType::k_void, x, x), kFailRef);
  // An unboxed value (what a slot holds after peeling) is never NULL, and never an object.
  EXPECT_EQ(emit(IrOp::GNE, IrType::k_void, x, b.kobj(nullptr)), kNoRef);
  EXPECT_EQ(emit(IrOp::GEQ, IrType::k_void, x, b.kobj(nullptr)), kFailRef);
  EXPECT_EQ(emit(IrOp::GEQ, IrType::k_void, c, b.kobj(Py_True)), kFailRef);
  EXPECT_EQ(b.size(), n);
}

TEST_F(OptFoldTest, TypeGuards) {
  const IrRef n = b.size();
  const IrRef tint = b.kobj(&PyLong_Type), tflt = b.kobj(&PyFloat_Type);
  // Unboxed values have their type by construction.
  EXPECT_EQ(emit(IrOp::GTYPE, IrType::k_void, x, tint), kNoRef);
  EXPECT_EQ(emit(IrOp::GTYPE, IrType::k_void, x, tflt), kFailRef);
  EXPECT_EQ(emit(IrOp::GTYPE, IrType::k_void, f, tflt), kNoRef);
  EXPECT_EQ(emit(IrOp::GTYPE, IrType::k_void, f, tint), kFailRef);
  EXPECT_EQ(emit(IrOp::GTYPE, IrType::k_void, c, b.kobj(&PyBool_Type)), kNoRef);
  EXPECT_EQ(emit(IrOp::GTYPE, IrType::k_void, c, tint), kFailRef);  // bool is exactly bool
  // Constants have the type of their object.
  PyObject* five = PyLong_FromLong(5);
  EXPECT_EQ(emit(IrOp::GTYPE, IrType::k_void, b.kobj(five), tint), kNoRef);
  EXPECT_EQ(emit(IrOp::GTYPE, IrType::k_void, b.kobj(five), tflt), kFailRef);
  EXPECT_EQ(b.size(), n);
  // An object of unknown type keeps its first guard; a second one is redundant, a
  // contradicting one can never pass.
  const IrRef g1 = emit(IrOp::GTYPE, IrType::k_void, o, tint, 0);
  EXPECT_EQ(g1, n);
  EXPECT_EQ(known_pytype(b, o), &PyLong_Type);
  EXPECT_EQ(emit(IrOp::GTYPE, IrType::k_void, o, tint, 0), kNoRef);
  EXPECT_EQ(emit(IrOp::GTYPE, IrType::k_void, o, tflt, 0), kFailRef);
  EXPECT_EQ(known_pytype(b, o2), nullptr);
  EXPECT_EQ(known_pytype(b, kNoRef), nullptr);
  EXPECT_EQ(known_pytype(b, f), &PyFloat_Type);
  Py_DECREF(five);
}

TEST_F(OptFoldTest, UnboxingFolds) {
  const IrRef n = b.size();
  EXPECT_EQ(emit(IrOp::UNBOXI, IrType::k_int, x), x);
  EXPECT_EQ(emit(IrOp::UNBOXF, IrType::k_flt, f), f);
  PyObject* seven = PyLong_FromLong(-7);
  PyObject* huge = PyLong_FromString("1180591620717411303424", nullptr, 10);  // 2**70
  PyObject* half = PyFloat_FromDouble(2.5);
  EXPECT_EQ(ival(emit(IrOp::UNBOXI, IrType::k_int, b.kobj(seven))), -7);
  EXPECT_EQ(emit(IrOp::UNBOXI, IrType::k_int, b.kobj(huge)), kFailRef);
  EXPECT_EQ(fval(emit(IrOp::UNBOXF, IrType::k_flt, b.kobj(half))), 2.5);
  EXPECT_EQ(b.size(), n);
  // Unknown objects are unboxed at run time.
  const IrRef u = emit(IrOp::UNBOXI, IrType::k_int, o, kNoRef, 0);
  EXPECT_EQ(b.at(u).op, IrOp::UNBOXI);
  const IrRef uf = emit(IrOp::UNBOXF, IrType::k_flt, o2);
  EXPECT_EQ(b.at(uf).op, IrOp::UNBOXF);
  Py_DECREF(seven);
  Py_DECREF(huge);
  Py_DECREF(half);
}

TEST_F(OptFoldTest, StoreForwardsToLoad) {
  const IrRef v = emit(IrOp::ADD, IrType::k_int, x, ki(1));
  emit(IrOp::STFLD, IrType::k_void, o, v, 16);
  const IrRef n = b.size();
  EXPECT_EQ(emit(IrOp::LDFLD, IrType::k_int, o, kNoRef, 16), v);
  EXPECT_EQ(b.size(), n);
  // Another field of the same object is not affected by the store: the earlier load stands.
  EXPECT_EQ(emit(IrOp::LDFLD, IrType::k_int, o, kNoRef, 24), y);
  // A load of another type from the stored field is a new load.
  const IrRef p = emit(IrOp::LDFLD, IrType::k_ptr, o, kNoRef, 16);
  EXPECT_EQ(p, n);
  EXPECT_EQ(b.at(p).op, IrOp::LDFLD);
}

TEST_F(OptFoldTest, StoreToPossibleAliasBlocksForwarding) {
  const IrRef l1 = emit(IrOp::LDFLD, IrType::k_int, o2, kNoRef, 48);
  EXPECT_EQ(emit(IrOp::LDFLD, IrType::k_int, o2, kNoRef, 48), l1);  // same load: CSE
  // A store to the same offset of another object of unknown type: o and o2 may be one object.
  const IrRef v = emit(IrOp::ADD, IrType::k_int, x, ki(1));
  emit(IrOp::STFLD, IrType::k_void, o, v, 48);
  const IrRef l2 = emit(IrOp::LDFLD, IrType::k_int, o2, kNoRef, 48);
  EXPECT_NE(l2, l1);
  EXPECT_NE(l2, v);
  EXPECT_EQ(b.at(l2).op, IrOp::LDFLD);
  EXPECT_EQ(b.at(l2).a, o2);
}

TEST_F(OptFoldTest, StoreToObjectOfOtherKnownTypeDoesNotAlias) {
  emit(IrOp::GTYPE, IrType::k_void, o, b.kobj(&PyRangeIter_Type), 0);
  emit(IrOp::GTYPE, IrType::k_void, o2, b.kobj(&PyList_Type), 0);
  const IrRef len = emit(IrOp::LDFLD, IrType::k_int, o2, kNoRef, 16);  // a list's ob_size
  emit(IrOp::STFLD, IrType::k_void, o, x, 16);                         // a range iterator's index
  EXPECT_EQ(emit(IrOp::LDFLD, IrType::k_int, o2, kNoRef, 16), len);
}

TEST_F(OptFoldTest, ListItemLoadsAreNotCsedAcrossListStores) {
  const IrRef items = emit(IrOp::LDFLD, IrType::k_ptr, o, kNoRef, 24);
  const IrRef e1 = emit(IrOp::LDELEM, IrType::k_obj, items, x, 0);
  EXPECT_EQ(emit(IrOp::LDELEM, IrType::k_obj, items, x, 0), e1);
  EXPECT_NE(emit(IrOp::LDELEM, IrType::k_obj, items, y, 0), e1);  // another index
  EXPECT_NE(emit(IrOp::LDELEM, IrType::k_obj, items, x, 8), e1);  // another base offset
  // A field store does not touch list items.
  emit(IrOp::STFLD, IrType::k_void, o2, x, 16);
  EXPECT_EQ(emit(IrOp::LDELEM, IrType::k_obj, items, x, 0), e1);
  // A list store may replace the very item: the next load reads memory again.
  const IrRef args = emit(IrOp::CARG, IrType::k_void, o, y);
  const IrRef st = emit(IrOp::STLIST, IrType::k_void, args, x, 0);
  EXPECT_EQ(b.at(st).op, IrOp::STLIST);
  const IrRef e2 = emit(IrOp::LDELEM, IrType::k_obj, items, x, 0);
  EXPECT_NE(e2, e1);
  EXPECT_EQ(b.at(e2).op, IrOp::LDELEM);
  EXPECT_EQ(emit(IrOp::LDELEM, IrType::k_obj, items, x, 0), e2);
  // List stores are effects: two identical ones both happen.
  const IrRef n = b.size();
  emit(IrOp::STLIST, IrType::k_void, args, x, 0);
  EXPECT_EQ(b.size(), n + 1);
}

}  // namespace
}  // namespace krait::jit
