// The emission-time fold engine: every instruction the recorder or the peeling pass emits goes
// through Emitter::emit, which folds constants, simplifies algebra, removes guards that are
// already known to hold (or reports those that can never hold), forwards stored fields to
// later loads and CSEs pure instructions and loads, so most redundant IR is never appended.
#include <cmath>
#include <cstring>

#include "opt.h"
#include "pylayout.h"
#include "target.h"  // krait_jit_fpow: constant operands fold with the helper traces call

namespace krait::jit {
namespace {

bool is_int_const(const IrBuffer& buf, IrRef r) {
  return is_const(r) && (buf.konst(r).type == IrType::k_int || buf.konst(r).type == IrType::k_bool);
}
std::int64_t ival(const IrBuffer& buf, IrRef r) { return buf.konst(r).i; }
bool is_flt_const(const IrBuffer& buf, IrRef r) {
  return is_const(r) && buf.konst(r).type == IrType::k_flt;
}
double fval(const IrBuffer& buf, IrRef r) { return buf.konst(r).f; }

// What fold() returns when it leaves the instruction alone. Distinct from kNoRef (a redundant
// guard) and kFailRef (a guard that can never pass).
constexpr IrRef kNotFolded = kNoRef - 2;
static_assert(kNotFolded != kFailRef);

// Python's floor division and modulo on int64 (b != 0, no overflow).
std::int64_t py_floordiv(std::int64_t a, std::int64_t b) {
  std::int64_t q = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
  return q;
}
std::int64_t py_mod(std::int64_t a, std::int64_t b) {
  std::int64_t m = a % b;
  if (m != 0 && ((m < 0) != (b < 0))) m += b;
  return m;
}

}  // namespace

const PyTypeObject* known_pytype(const IrBuffer& buf, IrRef r) {
  if (r == kNoRef) return nullptr;
  switch (buf.type_of(r)) {
    case IrType::k_int:
      return &PyLong_Type;
    case IrType::k_flt:
      return &PyFloat_Type;
    case IrType::k_bool:
      return &PyBool_Type;
    case IrType::k_obj:
      break;
    default:
      return nullptr;
  }
  if (is_const(r)) {
    auto* o = static_cast<PyObject*>(buf.konst(r).p);
    return o ? Py_TYPE(o) : nullptr;
  }
  if (buf.at(r).op == IrOp::NEWLIST) return &PyList_Type;
  // A type guard on r earlier in the trace (guards dominate everything after them).
  for (IrRef i = buf.size(); i-- > r;) {
    const IrIns& in = buf.at(i);
    if (in.op == IrOp::GTYPE && in.a == r) {
      return static_cast<const PyTypeObject*>(buf.konst(in.b).p);
    }
  }
  return nullptr;
}

IrRef Emitter::fold(IrIns& in) {
  IrBuffer& b = buf_;
  // Commutative ops keep a constant on the right, so CSE and the identities below see one
  // spelling.
  if (op_has(in.op, kIrComm) && is_const(in.a) && !is_const(in.b)) std::swap(in.a, in.b);
  const bool ka = is_int_const(b, in.a), kb = is_int_const(b, in.b);
  switch (in.op) {
    case IrOp::GTYPE: {
      const PyTypeObject* t = known_pytype(b, in.a);
      if (t == nullptr) return kNotFolded;
      return t == b.konst(in.b).p ? kNoRef : kFailRef;
    }
    case IrOp::UNBOXI: {
      if (b.type_of(in.a) == IrType::k_int) return in.a;
      if (is_const(in.a) && b.type_of(in.a) == IrType::k_obj) {
        auto* o = static_cast<PyObject*>(b.konst(in.a).p);
        if (PyLong_CheckExact(o)) {
          int overflow = 0;
          long long v = PyLong_AsLongLongAndOverflow(o, &overflow);
          if (!overflow) return b.kint(v);
          return kFailRef;
        }
      }
      break;
    }
    case IrOp::UNBOXF:
      if (b.type_of(in.a) == IrType::k_flt) return in.a;
      if (is_const(in.a) && b.type_of(in.a) == IrType::k_obj) {
        auto* o = static_cast<PyObject*>(b.konst(in.a).p);
        if (PyFloat_CheckExact(o)) return b.kflt(PyFloat_AS_DOUBLE(o));
      }
      break;
    case IrOp::GTRUE:
    case IrOp::GFALSE:
      if (ka) return ((ival(b, in.a) != 0) == (in.op == IrOp::GTRUE)) ? kNoRef : kFailRef;
      break;
    case IrOp::GEQ:
    case IrOp::GNE:
      if (b.type_of(in.a) != b.type_of(in.b)) {
        // An unboxed value (peeled loop: the slot's value from the previous iteration) is
        // never a NULL object; any other mixed comparison is not something we can decide.
        const bool null_b =
            is_const(in.b) && b.type_of(in.b) == IrType::k_obj && b.konst(in.b).p == nullptr;
        if (null_b) return in.op == IrOp::GNE ? kNoRef : kFailRef;
        return kFailRef;
      }
      if (is_const(in.a) && is_const(in.b)) {
        bool eq = b.konst(in.a).i == b.konst(in.b).i;
        return (eq == (in.op == IrOp::GEQ)) ? kNoRef : kFailRef;
      }
      if (in.a == in.b) return in.op == IrOp::GEQ ? kNoRef : kFailRef;
      break;
    case IrOp::GLT:
      if (ka && kb) return ival(b, in.a) < ival(b, in.b) ? kNoRef : kFailRef;
      break;
    case IrOp::GULT:
      if (ka && kb) {
        return static_cast<std::uint64_t>(ival(b, in.a)) < static_cast<std::uint64_t>(ival(b, in.b))
                   ? kNoRef
                   : kFailRef;
      }
      break;
    case IrOp::ADDOV:
    case IrOp::SUBOV:
    case IrOp::MULOV: {
      if (ka && kb) {
        long long r;
        bool ov = in.op == IrOp::ADDOV   ? __builtin_add_overflow(ival(b, in.a), ival(b, in.b), &r)
                  : in.op == IrOp::SUBOV ? __builtin_sub_overflow(ival(b, in.a), ival(b, in.b), &r)
                                         : __builtin_mul_overflow(ival(b, in.a), ival(b, in.b), &r);
        return ov ? kFailRef : b.kint(r);
      }
      if (kb && ival(b, in.b) == 0 && in.op != IrOp::MULOV) return in.a;
      if (kb && ival(b, in.b) == 1 && in.op == IrOp::MULOV) return in.a;
      if (kb && ival(b, in.b) == 0 && in.op == IrOp::MULOV) return b.kint(0);
      break;
    }
    case IrOp::NEGOV:
      if (ka) return ival(b, in.a) == INT64_MIN ? kFailRef : b.kint(-ival(b, in.a));
      break;
    case IrOp::FLOORDIV:
    case IrOp::MOD:
      if (kb && ival(b, in.b) == 0) return kFailRef;
      if (ka && kb) {
        if (ival(b, in.a) == INT64_MIN && ival(b, in.b) == -1)  // C's / and % trap on it
          return in.op == IrOp::FLOORDIV ? kFailRef : b.kint(0);
        return b.kint(in.op == IrOp::FLOORDIV ? py_floordiv(ival(b, in.a), ival(b, in.b))
                                              : py_mod(ival(b, in.a), ival(b, in.b)));
      }
      // By a positive power of two, Python's floor division is an arithmetic shift and its
      // modulo (the divisor's sign) the low bits: no division, and nothing left to guard.
      if (kb && ival(b, in.b) > 0 && (ival(b, in.b) & (ival(b, in.b) - 1)) == 0) {
        const std::int64_t c = ival(b, in.b);
        if (in.op == IrOp::MOD) return emit(IrOp::BAND, IrType::k_int, in.a, b.kint(c - 1));
        return emit(IrOp::SAR, IrType::k_int, in.a, b.kint(__builtin_ctzll(c)));
      }
      break;
    case IrOp::SAR:
      if (kb && ival(b, in.b) == 0) return in.a;
      if (ka && kb) return b.kint(ival(b, in.a) >> ival(b, in.b));
      break;
    case IrOp::ADD:
    case IrOp::SUB:
    case IrOp::MUL:
    case IrOp::BAND:
    case IrOp::BOR:
    case IrOp::BXOR:
      if (ka && kb) {
        auto x = static_cast<std::uint64_t>(ival(b, in.a)),
             y = static_cast<std::uint64_t>(ival(b, in.b));
        std::uint64_t r = in.op == IrOp::ADD    ? x + y
                          : in.op == IrOp::SUB  ? x - y
                          : in.op == IrOp::MUL  ? x * y
                          : in.op == IrOp::BAND ? (x & y)
                          : in.op == IrOp::BOR  ? (x | y)
                                                : (x ^ y);
        return b.kint(static_cast<std::int64_t>(r));
      }
      if (kb && ival(b, in.b) == 0 &&
          (in.op == IrOp::ADD || in.op == IrOp::SUB || in.op == IrOp::BOR || in.op == IrOp::BXOR)) {
        return in.a;
      }
      if (kb && in.op == IrOp::BAND && ival(b, in.b) == 0) return b.kint(0);
      if (kb && in.op == IrOp::BAND && ival(b, in.b) == -1) return in.a;
      break;
    case IrOp::LT:
    case IrOp::LE:
    case IrOp::GT:
    case IrOp::GE:
    case IrOp::EQ:
    case IrOp::NE:
      if (is_const(in.a) && is_const(in.b)) {
        std::int64_t x = b.konst(in.a).i, y = b.konst(in.b).i;
        bool r = in.op == IrOp::LT   ? x < y
                 : in.op == IrOp::LE ? x <= y
                 : in.op == IrOp::GT ? x > y
                 : in.op == IrOp::GE ? x >= y
                 : in.op == IrOp::EQ ? x == y
                                     : x != y;
        return b.kbool(r);
      }
      if (in.a == in.b) {
        return b.kbool(in.op == IrOp::LE || in.op == IrOp::GE || in.op == IrOp::EQ);
      }
      break;
    case IrOp::NOT:
      if (ka) return b.kbool(ival(b, in.a) == 0);
      break;
    case IrOp::ITOF:
      if (ka) return b.kflt(static_cast<double>(ival(b, in.a)));
      break;
    case IrOp::FTOI:
      if (is_flt_const(b, in.a)) {
        const double d = fval(b, in.a);
        if (!(d > -9223372036854775808.0 && d < 9223372036854775808.0)) return kFailRef;
        return b.kint(static_cast<std::int64_t>(d));
      }
      break;
    case IrOp::FADD:
    case IrOp::FSUB:
    case IrOp::FMUL:
      if (is_flt_const(b, in.a) && is_flt_const(b, in.b)) {
        double x = fval(b, in.a), y = fval(b, in.b);
        return b.kflt(in.op == IrOp::FADD ? x + y : in.op == IrOp::FSUB ? x - y : x * y);
      }
      break;
    case IrOp::FDIV:
      if (is_flt_const(b, in.b) && fval(b, in.b) == 0.0) return kFailRef;
      if (is_flt_const(b, in.a) && is_flt_const(b, in.b))
        return b.kflt(fval(b, in.a) / fval(b, in.b));
      break;
    case IrOp::FMOD:
    case IrOp::FFLOORDIV:
      if (is_flt_const(b, in.b) && fval(b, in.b) == 0.0) return kFailRef;
      break;
    case IrOp::FPOW:
      if (is_flt_const(b, in.a) && is_flt_const(b, in.b)) {
        double r;
        if (krait_jit_fpow(fval(b, in.a), fval(b, in.b), &r) != 0) return kFailRef;
        return b.kflt(r);
      }
      break;
    case IrOp::FNEG:
      if (is_flt_const(b, in.a)) return b.kflt(-fval(b, in.a));
      break;
    case IrOp::FLT:
    case IrOp::FLE:
    case IrOp::FGT:
    case IrOp::FGE:
    case IrOp::FEQ:
    case IrOp::FNE:
      if (is_flt_const(b, in.a) && is_flt_const(b, in.b)) {
        double x = fval(b, in.a), y = fval(b, in.b);
        bool r = in.op == IrOp::FLT   ? x < y
                 : in.op == IrOp::FLE ? x <= y
                 : in.op == IrOp::FGT ? x > y
                 : in.op == IrOp::FGE ? x >= y
                 : in.op == IrOp::FEQ ? x == y
                                      : x != y;
        return b.kbool(r);
      }
      break;
    default:
      break;
  }
  return kNotFolded;
}

IrRef Emitter::forward_load(const IrIns& in) const {
  // Scan back for the same load or a store that decides it; stop at a possible alias.
  for (IrRef i = buf_.size(); i-- > 0;) {
    const IrIns& x = buf_.at(i);
    if (x.op == IrOp::LITER || x.op == IrOp::RITER) return kNoRef;  // rewrite an iterator
    if (in.op == IrOp::LDFLD) {
      if (x.op == IrOp::LDFLD && x.a == in.a && x.lit == in.lit && x.type == in.type) return i;
      // A new list is empty until an append (met first on the way back) changes it.
      if (x.op == IrOp::NEWLIST && i == in.a && in.lit == kOffObSize && in.type == IrType::k_int)
        return buf_.kint(0);
      // An append changes a list's size and may move its items array.
      if (x.op == IrOp::LAPPEND && (in.lit == kOffObSize || in.lit == kOffListItems)) {
        const PyTypeObject* tl = known_pytype(buf_, in.a);
        if (tl == nullptr || tl == &PyList_Type) return kNoRef;
      }
      if (x.op == IrOp::STFLD && x.lit == in.lit) {
        if (x.a == in.a && buf_.type_of(x.b) == in.type) return x.b;
        // Objects of different known types are different objects (a range iterator's index
        // and a list's size share an offset but never memory).
        const PyTypeObject* ts = known_pytype(buf_, x.a);
        const PyTypeObject* tl = known_pytype(buf_, in.a);
        if (x.a != in.a && ts != nullptr && tl != nullptr && ts != tl) continue;
        // Traces store only into Python objects, never into the frame (f_globals, f_builtins).
        if (!is_const(in.a) && buf_.at(in.a).op == IrOp::FRAME) continue;
        return kNoRef;  // the same field of a possibly-same object
      }
    } else {  // LDELEM
      if (x.op == IrOp::LDELEM && x.a == in.a && x.b == in.b && x.lit == in.lit) return i;
      if (x.op == IrOp::STLIST || x.op == IrOp::LAPPEND) return kNoRef;
    }
  }
  return kNoRef;
}

IrRef Emitter::cse(const IrIns& in) const {
  const bool guard = op_has(in.op, kIrGuard);
  for (IrRef i = buf_.size(); i-- > 0;) {
    const IrIns& x = buf_.at(i);
    if (x.op == in.op && x.a == in.a && x.b == in.b && x.type == in.type &&
        (guard || x.lit == in.lit)) {
      return i;
    }
  }
  return kNoRef;
}

IrRef Emitter::emit(IrOp op, IrType type, IrRef a, IrRef b, std::uint16_t lit) {
  IrIns in{op, type, lit, a, b};
  if (a == kFailRef || b == kFailRef) return kFailRef;
  const bool guard = op_has(op, kIrGuard);
  if (fold_enabled) {
    IrRef f = fold(in);
    if (f != kNotFolded) return f;
    if (op_has(op, kIrLoad)) {
      IrRef r = forward_load(in);
      if (r != kNoRef) return r;
    } else if (!op_has(op, kIrEffect) && (op_has(op, kIrPure) || guard)) {
      IrRef r = cse(in);
      if (r != kNoRef) return (guard && type == IrType::k_void) ? kNoRef : r;
    }
  }
  return buf_.append(in.op, in.type, in.a, in.b, in.lit);
}

}  // namespace krait::jit
