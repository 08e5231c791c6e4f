// Both backends (jit/x64/emit.cpp, jit/arm64/emit.cpp) on the same hand-built traces: each
// program is allocated, assembled into the code cache and, by the backend of the machine the
// tests run on, called as a TraceFn on a TraceState whose slots hold real Python objects; the exit
// taken and the values the exit's snapshot names (read from the saved registers and spill slots as
// deoptimization reads them) are checked. Covered: every guard kind failing (on the first or a
// later iteration), the arithmetic against CPython's own results, list item loads, stores and
// appends, frame-slot stores and new lists with their reference counts, the peeled range loop end
// to end, the back-edge moves of PHIs, and exits right after a helper call. Programs run under the
// real register file and under tiny ones, so the spill paths run too. The other architecture's
// backend assembles every program as well (asmjit encodes either on either host), so an encoding
// mistake fails the native test run; the AArch64 build runs the same programs under qemu-aarch64.
#include <Python.h>
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <string>
#include <utility>
#include <vector>

#include "cpython_shim.h"
#include "jit_test_util.h"
#include "opt.h"
#include "regalloc.h"
#include "target.h"

namespace krait::jit {
namespace {

constexpr std::int64_t kMin = std::numeric_limits<std::int64_t>::min();
constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();
constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr std::int64_t kSafety = 1000;  // iterations after which a loop stops regardless

// The backend under test, with register files besides its own: no registers at all (every
// value spilled, the same for both), two general registers, and the one register the backend
// clobbers itself (rdx for idiv on x86-64; x0/d0, the helper argument and result, on AArch64).
struct Backend {
  const char* name;
  const Target& (*target)();
  RegFile two_regs;
  RegFile clobbered;
  std::vector<int> caller_saved_gpr;  // allocatable registers a helper call clobbers
  int callee_saved_gpr;               // how many allocatable registers survive calls
};
const Backend kBackends[] = {
    {"x86_64", x64_target, {{3, 5}, {0, 1}}, {{2}, {0}}, {1, 2, 6, 7, 8, 9, 10}, 5},
    {"aarch64",
     arm64_target,
     {{19, 0}, {8, 0}},
     {{0}, {0}},
     {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14},
     9},
};
const Backend* g_backend = &kBackends[0];
const RegFile kAllSpilled{{}, {}};
const RegFile& regs() { return g_backend->target().regfile(); }
const RegFile& two_regs() { return g_backend->two_regs; }
const RegFile& clobbered() { return g_backend->clobbered; }
// Whether the backend under test runs on this machine; otherwise its programs are assembled
// only (the encoding tests of the other architecture) and each test ends after assembling.
bool runs_here() { return host_target() == &g_backend->target(); }
#define KRAIT_ASSEMBLE(p, ...)           \
  ASSERT_TRUE((p).compile(__VA_ARGS__)); \
  if (!runs_here()) return
#define KRAIT_ASSEMBLE_NEXT(p, ...)      \
  ASSERT_TRUE((p).compile(__VA_ARGS__)); \
  if (!runs_here()) continue

// A hand-built trace. The pre-roll is whatever comes before loop(); after it the body sees
// `iter`, the number of back-edges taken so far (0 in the first body iteration), and a safety
// guard ends a program whose guard under test never fails. close() ends the body.
class Prog {
 public:
  Prog() = default;
  Prog(const Prog&) = delete;
  Prog& operator=(const Prog&) = delete;
  ~Prog() { mcode_free(MCode{t.mcode, t.mcode_size}); }

  Trace t;  // what the backend's assemble fills in (its code fields)
  IrBuffer& b = t.ir;
  IrRef iter = kNoRef;
  std::uint16_t safety = 0;
  TraceState ts{};

  IrRef ins(IrOp op, IrType type, IrRef a = kNoRef, IrRef x = kNoRef, std::uint16_t lit = 0) {
    return b.append(op, type, a, x, lit);
  }
  void guard(IrOp op, IrRef a, IrRef x, std::uint16_t sn) { ins(op, IrType::k_void, a, x, sn); }
  IrRef ki(std::int64_t v) { return b.kint(v); }
  IrRef kf(double v) { return b.kflt(v); }
  // A value computed at run time (so it has a location), as opposed to a constant operand.
  IrRef int_val(std::int64_t v) { return ins(IrOp::ADD, IrType::k_int, ki(v), ki(0)); }
  IrRef flt_val(double v) { return ins(IrOp::FADD, IrType::k_flt, kf(v), kf(-0.0)); }
  IrRef sload(std::uint16_t slot) { return ins(IrOp::SLOAD, IrType::k_obj, kNoRef, kNoRef, slot); }
  // A snapshot whose slot k holds refs[k]: keeps those values live up to its guards, and
  // is how a test reads them after the exit.
  std::uint16_t snap(const std::vector<IrRef>& refs) {
    std::vector<SnapEntry> e;
    for (std::size_t k = 0; k < refs.size(); ++k)
      e.push_back(SnapEntry{static_cast<std::uint16_t>(k), refs[k]});
    return b.add_snapshot(static_cast<std::int32_t>(b.snaps.size()),
                          static_cast<std::uint16_t>(refs.size()), e.data(),
                          static_cast<std::uint32_t>(e.size()));
  }
  void loop() {
    iter = int_val(0);
    b.loop = ins(IrOp::LOOP, IrType::k_void);
    safety = snap({iter});
    guard(IrOp::GLT, iter, ki(kSafety), safety);
  }
  void close() {
    const IrRef next = ins(IrOp::ADD, IrType::k_int, iter, ki(1));
    ins(IrOp::PHI, IrType::k_void, iter, next);
  }

  bool compile(const RegFile& regs = krait::jit::regs(),
               const RegConstraints& rc = RegConstraints{}) {
    const std::string bad = ir_verify(b);
    EXPECT_EQ(bad, "") << dump();
    if (!bad.empty()) return false;
    EXPECT_TRUE(regalloc(b, regs, &ra_, rc)) << dump();
    const bool ok = g_backend->target().assemble(t, ra_, nullptr);
    EXPECT_TRUE(ok) << dump();
    return ok;
  }
  std::uint32_t run(std::vector<PyObject*>& slots, _PyInterpreterFrame* frame = nullptr) {
    ts = TraceState{};
    ts.slots = slots.data();
    ts.frame = frame;
    return t.entry(&ts);
  }

  // A value at the exit, as runtime/deopt.cpp's raw_value reads it.
  std::uint64_t raw(IrRef r) const {
    if (!is_const(r) && ra_.locs[r].kind == Loc::kNone) {
      ADD_FAILURE() << "ref " << r << " has no location\n" << dump();
      return 0;
    }
    return exit_value_bits(b, ra_.locs, ts, r);
  }

  std::int64_t ival(IrRef r) const { return static_cast<std::int64_t>(raw(r)); }
  double fval(IrRef r) const {
    const std::uint64_t bits = raw(r);
    double d;
    std::memcpy(&d, &bits, sizeof d);
    return d;
  }
  PyObject* obj(IrRef r) const { return reinterpret_cast<PyObject*>(raw(r)); }
  const Loc& loc(IrRef r) const { return ra_.locs[r]; }
  const RegAllocResult& allocation() const { return ra_; }

  std::string dump() const {
    std::vector<std::string> notes(b.size());
    for (IrRef r = 0; r < b.size() && r < ra_.locs.size(); ++r) {
      const Loc& l = ra_.locs[r];
      if (l.kind == Loc::kGpr) notes[r] = "r" + std::to_string(l.index);
      if (l.kind == Loc::kXmm) notes[r] = "xmm" + std::to_string(l.index);
      if (l.kind == Loc::kSpill) notes[r] = "spill" + std::to_string(l.index);
    }
    return ir_dump(b, true, nullptr, &notes);
  }

 private:
  RegAllocResult ra_;
};

class EmitTest : public ::testing::TestWithParam<const Backend*> {
 protected:
  static void SetUpTestSuite() { test::ensure_python(); }
  void SetUp() override { g_backend = GetParam(); }
  // A new reference to the value of a Python expression.
  static PyObject* py(const char* expr) {
    PyObject* globals = PyDict_New();
    PyDict_SetItemString(globals, "__builtins__", PyEval_GetBuiltins());
    PyObject* r = PyRun_String(expr, Py_eval_input, globals, globals);
    Py_DECREF(globals);
    if (r == nullptr) PyErr_Print();
    EXPECT_NE(r, nullptr) << expr;
    return r;
  }
  static std::string repr(PyObject* o) {
    PyObject* r = PyObject_Repr(o);
    std::string s = r ? PyUnicode_AsUTF8(r) : "<error>";
    Py_XDECREF(r);
    return s;
  }
  // The items an iterator has left, as a list's repr (consumes them).
  static std::string contents(PyObject* it) {
    PyObject* l = PySequence_List(it);
    std::string r = repr(l);
    Py_DECREF(l);
    return r;
  }
};

// Holds the slot objects of a run (new references) and releases them.
struct Slots {
  std::vector<PyObject*> v;
  Slots() = default;
  explicit Slots(std::vector<PyObject*> objs) : v(std::move(objs)) {}
  ~Slots() {
    for (PyObject* o : v) Py_XDECREF(o);
  }
};

// --- guards --------------------------------------------------------------------------------

// A program walking a list: the body loads item `iter` and applies `check` to it.
template <class F>
void walk_list(Prog& p, F check) {
  const IrRef list = p.sload(0);
  const IrRef items = p.ins(IrOp::LDFLD, IrType::k_ptr, list, kNoRef, kOffListItems);
  p.loop();
  const IrRef item = p.ins(IrOp::LDELEM, IrType::k_obj, items, p.iter, 0);
  check(item);
  p.close();
}

TEST_P(EmitTest, GtypeExits) {
  Prog p;
  std::uint16_t sn = 0;
  IrRef item = kNoRef;
  walk_list(p, [&](IrRef it) {
    item = it;
    sn = p.snap({it, p.iter});
    p.guard(IrOp::GTYPE, it, p.b.kobj(&PyLong_Type), sn);
  });
  KRAIT_ASSEMBLE(p);
  Slots s({py("[1, 2, 'x', 4]")});
  EXPECT_EQ(p.run(s.v), sn);
  EXPECT_EQ(p.ts.iterations, 2u);
  EXPECT_EQ(p.obj(item), PyList_GET_ITEM(s.v[0], 2));
  EXPECT_EQ(p.ival(p.iter), 2);
}

TEST_P(EmitTest, GtypeExitsInThePreRoll) {
  Prog p;
  const IrRef x = p.sload(0);
  const std::uint16_t sn = p.snap({x});
  p.guard(IrOp::GTYPE, x, p.b.kobj(&PyLong_Type), sn);
  p.loop();
  p.close();
  KRAIT_ASSEMBLE(p);
  Slots f({py("1.5")});
  EXPECT_EQ(p.run(f.v), sn);
  EXPECT_EQ(p.ts.iterations, 0u);
  EXPECT_EQ(p.obj(x), f.v[0]);
  Slots i({py("1")});
  EXPECT_EQ(p.run(i.v), p.safety);  // an int passes every time
  EXPECT_EQ(p.ts.iterations, static_cast<std::uint64_t>(kSafety));
}

TEST_P(EmitTest, GeqAndGneExit) {
  Prog eq;
  std::uint16_t sn_eq = 0;
  walk_list(eq, [&](IrRef it) {
    sn_eq = eq.snap({it});
    eq.guard(IrOp::GEQ, it, eq.b.kobj(Py_None), sn_eq);
  });
  KRAIT_ASSEMBLE(eq);
  Slots l1({py("[None, None, None, 0]")});
  EXPECT_EQ(eq.run(l1.v), sn_eq);
  EXPECT_EQ(eq.ts.iterations, 3u);

  Prog ne;
  std::uint16_t sn_ne = 0;
  walk_list(ne, [&](IrRef it) {
    sn_ne = ne.snap({it});
    ne.guard(IrOp::GNE, it, ne.b.kobj(Py_None), sn_ne);
  });
  KRAIT_ASSEMBLE(ne);
  Slots l2({py("[1, 'a', None, 0]")});
  EXPECT_EQ(ne.run(l2.v), sn_ne);
  EXPECT_EQ(ne.ts.iterations, 2u);

  // On ints: the loop counter against constants.
  Prog ints;
  ints.loop();
  const std::uint16_t s1 = ints.snap({ints.iter});
  ints.guard(IrOp::GNE, ints.iter, ints.ki(4), s1);
  const std::uint16_t s2 = ints.snap({ints.iter});
  ints.guard(IrOp::GEQ, ints.iter, ints.iter, s2);
  ints.close();
  KRAIT_ASSEMBLE(ints);
  Slots none;
  EXPECT_EQ(ints.run(none.v), s1);
  EXPECT_EQ(ints.ts.iterations, 4u);
}

TEST_P(EmitTest, GtrueAndGfalseExit) {
  Prog p;
  p.loop();
  const IrRef lt = p.ins(IrOp::LT, IrType::k_bool, p.iter, p.ki(3));
  const std::uint16_t st = p.snap({p.iter, lt});
  p.guard(IrOp::GTRUE, lt, kNoRef, st);
  p.close();
  KRAIT_ASSEMBLE(p);
  Slots none;
  EXPECT_EQ(p.run(none.v), st);
  EXPECT_EQ(p.ts.iterations, 3u);
  EXPECT_EQ(p.raw(lt), 0u);

  Prog q;
  q.loop();
  const IrRef ge = q.ins(IrOp::GE, IrType::k_bool, q.iter, q.ki(2));
  const std::uint16_t sf = q.snap({q.iter, ge});
  q.guard(IrOp::GFALSE, ge, kNoRef, sf);
  q.close();
  KRAIT_ASSEMBLE(q);
  EXPECT_EQ(q.run(none.v), sf);
  EXPECT_EQ(q.ts.iterations, 2u);
  EXPECT_EQ(q.raw(ge), 1u);
}

TEST_P(EmitTest, GltIsSigned) {
  // -1 < 2 - iter holds for iter = 0..2 and fails at 3; an unsigned compare would fail at once.
  Prog p;
  p.loop();
  const IrRef v = p.ins(IrOp::SUB, IrType::k_int, p.ki(2), p.iter);
  const std::uint16_t sn = p.snap({v});
  p.guard(IrOp::GLT, p.ki(-1), v, sn);
  p.close();
  KRAIT_ASSEMBLE(p);
  Slots none;
  EXPECT_EQ(p.run(none.v), sn);
  EXPECT_EQ(p.ts.iterations, 3u);
  EXPECT_EQ(p.ival(v), -1);
}

TEST_P(EmitTest, GultIsUnsigned) {
  // 1 - iter < 3 as unsigned: 1 and 0 pass, -1 is huge; a signed compare would never fail.
  Prog p;
  p.loop();
  const IrRef v = p.ins(IrOp::SUB, IrType::k_int, p.ki(1), p.iter);
  const std::uint16_t sn = p.snap({v});
  p.guard(IrOp::GULT, v, p.ki(3), sn);
  p.close();
  KRAIT_ASSEMBLE(p);
  Slots none;
  EXPECT_EQ(p.run(none.v), sn);
  EXPECT_EQ(p.ts.iterations, 2u);
  EXPECT_EQ(p.ival(v), -1);
}

TEST_P(EmitTest, GkeysReadsTheCurrentKeysVersion) {
  PyObject* d = py("{'a': 1, 'b': 2}");
  int ma_keys = 0, dk_version = 0;
  krait_dict_keys_offsets(&ma_keys, &dk_version);
  char* keys = *reinterpret_cast<char**>(reinterpret_cast<char*>(d) + ma_keys);
  auto* version = reinterpret_cast<std::uint32_t*>(keys + dk_version);
  const std::uint32_t saved = *version;

  Prog p;
  const IrRef dict = p.sload(0);
  p.loop();
  const std::uint16_t sk = p.snap({dict});
  p.guard(IrOp::GKEYS, dict, p.ki(0x7eadbeef), sk);
  const std::uint16_t send = p.snap({p.iter});
  p.guard(IrOp::GLT, p.iter, p.ki(2), send);
  p.close();
  KRAIT_ASSEMBLE(p);
  Slots s({d});
  // The version the guard was compiled for: the keys pass, the loop ends at the counter.
  *version = 0x7eadbeef;
  EXPECT_EQ(p.run(s.v), send);
  EXPECT_EQ(p.ts.iterations, 2u);
  // Another version (the dict's keys changed): the guard exits before the first iteration.
  *version = 0x7eadbef0;
  EXPECT_EQ(p.run(s.v), sk);
  EXPECT_EQ(p.ts.iterations, 0u);
  *version = saved;
}

TEST_P(EmitTest, GbreakExitsWhenTheFlagIsSet) {
  int flag = 0;
  Prog p;
  p.loop();
  const std::uint16_t sb = p.snap({p.iter});
  p.guard(IrOp::GBREAK, p.b.kptr(&flag), kNoRef, sb);
  const std::uint16_t send = p.snap({p.iter});
  p.guard(IrOp::GLT, p.iter, p.ki(3), send);
  p.close();
  KRAIT_ASSEMBLE(p);
  Slots none;
  EXPECT_EQ(p.run(none.v), send);
  EXPECT_EQ(p.ts.iterations, 3u);
  flag = 1;
  EXPECT_EQ(p.run(none.v), sb);
  EXPECT_EQ(p.ts.iterations, 0u);
}

TEST_P(EmitTest, ExitOpEndsASideTrace) {
  // A side trace has no loop: it ends in an EXIT to the root's loop header.
  Prog p;
  const IrRef x = p.sload(0);
  const IrRef v = p.int_val(41);
  const std::uint16_t sn = p.snap({x, v});
  p.ins(IrOp::EXIT, IrType::k_void, kNoRef, kNoRef, sn);
  KRAIT_ASSEMBLE(p);
  Slots s({py("'side'")});
  EXPECT_EQ(p.run(s.v), sn);
  EXPECT_EQ(p.obj(x), s.v[0]);
  EXPECT_EQ(p.ival(v), 41);
}

TEST_P(EmitTest, UnboxiFastAndSlowPathsAndOverflowExit) {
  // Each item is unboxed and compared with the expected int64 (read from a plain array with
  // LDELEM); the last one does not fit and exits.
  // Zero and one 30-bit digit (either sign), two digits, three and more.
  constexpr std::int64_t d1 = (std::int64_t{1} << 30) - 1, d2 = (std::int64_t{1} << 60) - 1;
  static const std::int64_t expected[] = {
      0,    -5,  d1, -d1, d1 + 1, -(d1 + 1), d2, -d2, d2 + 1, -(d2 + 1), -(std::int64_t{1} << 62),
      kMin, kMax};
  const char* items =
      "[0, -5, 2**30 - 1, -(2**30 - 1), 2**30, -2**30, 2**60 - 1, -(2**60 - 1), 2**60, -2**60,"
      " -2**62, -2**63, 2**63 - 1, 2**63]";
  for (const RegFile* regs : {&regs(), &kAllSpilled, &clobbered()}) {
    Prog p;
    std::uint16_t su = 0, sbad = 0;
    IrRef item = kNoRef, u = kNoRef;
    walk_list(p, [&](IrRef it) {
      item = it;
      su = p.snap({it, p.iter});
      u = p.ins(IrOp::UNBOXI, IrType::k_int, it, kNoRef, su);
      const IrRef want = p.ins(IrOp::LDELEM, IrType::k_int, p.b.kptr(expected), p.iter, 0);
      sbad = p.snap({u, want});
      p.guard(IrOp::GEQ, u, want, sbad);
    });
    KRAIT_ASSEMBLE_NEXT(p, *regs);
    Slots s({py(items)});
    const std::uint64_t n = sizeof expected / sizeof expected[0];
    ASSERT_EQ(p.run(s.v), su) << "iteration " << p.ts.iterations << " unboxed " << p.ival(u) << "\n"
                              << p.dump();
    EXPECT_EQ(p.ts.iterations, n);
    EXPECT_EQ(p.obj(item), PyList_GET_ITEM(s.v[0], n));
  }
}

// An op whose second operand is the loop counter, starting from the value in slot 0.
std::uint16_t counter_op(Prog& p, IrOp op, IrRef* start, IrRef* result) {
  const IrRef x = p.sload(0);
  const std::uint16_t s0 = p.snap({x});
  *start = p.ins(IrOp::UNBOXI, IrType::k_int, x, kNoRef, s0);
  p.loop();
  const std::uint16_t sn = p.snap({*start, p.iter});
  *result = p.ins(op, IrType::k_int, *start, p.iter, sn);
  p.close();
  return sn;
}

TEST_P(EmitTest, IntOverflowExits) {
  struct Case {
    IrOp op;
    const char* start;
    std::uint64_t exit_iteration;
  } cases[] = {
      {IrOp::ADDOV, "2**63 - 3", 3},   // max - 2 + 2 = max fits, + 3 does not
      {IrOp::SUBOV, "-2**63 + 2", 3},  // min + 2 - 2 = min fits, - 3 does not
      {IrOp::MULOV, "2**62", 2},       // 2**62 * 2 = 2**63 does not fit
      {IrOp::MULOV, "-2**62", 3},      // -2**62 * 2 = -2**63 fits, * 3 does not
  };
  for (const auto& c : cases) {
    for (const RegFile* regs : {&regs(), &kAllSpilled}) {
      Prog p;
      IrRef start, result;
      const std::uint16_t sn = counter_op(p, c.op, &start, &result);
      KRAIT_ASSEMBLE_NEXT(p, *regs);
      Slots s({py(c.start)});
      EXPECT_EQ(p.run(s.v), sn) << op_info(c.op).name << " " << c.start;
      EXPECT_EQ(p.ts.iterations, c.exit_iteration) << op_info(c.op).name << " " << c.start;
      EXPECT_EQ(p.ival(p.iter), static_cast<std::int64_t>(c.exit_iteration));
      EXPECT_EQ(p.ival(start), PyLong_AsLongLong(s.v[0]));
    }
  }
}

TEST_P(EmitTest, NegovExits) {
  Prog p;
  p.loop();
  const IrRef v = p.ins(IrOp::SUB, IrType::k_int, p.ki(kMin + 2), p.iter);
  const std::uint16_t sn = p.snap({v});
  const IrRef neg = p.ins(IrOp::NEGOV, IrType::k_int, v, kNoRef, sn);
  const std::uint16_t s2 = p.snap({neg});
  p.guard(IrOp::GLT, p.ki(0), neg, s2);  // -v is positive while it fits
  p.close();
  KRAIT_ASSEMBLE(p);
  Slots none;
  EXPECT_EQ(p.run(none.v), sn);
  EXPECT_EQ(p.ts.iterations, 2u);
  EXPECT_EQ(p.ival(v), kMin);
}

TEST_P(EmitTest, IntDivisionByZeroAndOverflowExit) {
  for (IrOp op : {IrOp::FLOORDIV, IrOp::MOD}) {
    // 7 op (2 - iter): the divisor reaches zero at iteration 2.
    Prog p;
    p.loop();
    const IrRef d = p.ins(IrOp::SUB, IrType::k_int, p.ki(2), p.iter);
    const std::uint16_t sn = p.snap({d});
    p.ins(op, IrType::k_int, p.int_val(7), d, sn);
    p.close();
    KRAIT_ASSEMBLE_NEXT(p);
    Slots none;
    EXPECT_EQ(p.run(none.v), sn) << op_info(op).name;
    EXPECT_EQ(p.ts.iterations, 2u) << op_info(op).name;
    EXPECT_EQ(p.ival(d), 0);
  }
  // (min + 1 - iter) // -1: min + 1 gives max, min overflows (Python makes it 2**63).
  Prog p;
  p.loop();
  const IrRef a = p.ins(IrOp::SUB, IrType::k_int, p.ki(kMin + 1), p.iter);
  const std::uint16_t sn = p.snap({a});
  const IrRef q = p.ins(IrOp::FLOORDIV, IrType::k_int, a, p.int_val(-1), sn);
  // min % -1 is 0 (no exit): the MOD runs first and its result is checked at the exit.
  const IrRef m = p.ins(IrOp::MOD, IrType::k_int, a, p.ki(-1), sn);
  const std::uint16_t s2 = p.snap({q, m});
  p.guard(IrOp::GLT, p.ki(0), q, s2);
  p.close();
  KRAIT_ASSEMBLE(p);
  Slots none;
  EXPECT_EQ(p.run(none.v), sn);
  EXPECT_EQ(p.ts.iterations, 1u);
  EXPECT_EQ(p.ival(a), kMin);

  Prog pm;  // MOD alone on min, -1: no exit
  pm.loop();
  const IrRef am = pm.int_val(kMin);
  const std::uint16_t smod = pm.snap({am});
  const IrRef mm = pm.ins(IrOp::MOD, IrType::k_int, am, pm.int_val(-1), smod);
  const std::uint16_t sfin = pm.snap({mm});
  pm.guard(IrOp::GTRUE, pm.b.kbool(false), kNoRef, sfin);
  pm.close();
  KRAIT_ASSEMBLE(pm);
  EXPECT_EQ(pm.run(none.v), sfin);
  EXPECT_EQ(pm.ival(mm), 0);
}

TEST_P(EmitTest, FloatDivisionByZeroExits) {
  for (IrOp op : {IrOp::FDIV, IrOp::FMOD, IrOp::FFLOORDIV}) {
    for (double sign : {1.0, -1.0}) {
      // x op (2 - iter) * sign: the divisor reaches +0.0 or -0.0 at iteration 2.
      Prog p;
      p.loop();
      const IrRef d =
          p.ins(IrOp::FMUL, IrType::k_flt,
                p.ins(IrOp::ITOF, IrType::k_flt, p.ins(IrOp::SUB, IrType::k_int, p.ki(2), p.iter)),
                p.kf(sign));
      const std::uint16_t sn = p.snap({d});
      p.ins(op, IrType::k_flt, p.flt_val(7.5), d, sn);
      p.close();
      KRAIT_ASSEMBLE_NEXT(p);
      Slots none;
      EXPECT_EQ(p.run(none.v), sn) << op_info(op).name << " sign " << sign;
      EXPECT_EQ(p.ts.iterations, 2u) << op_info(op).name << " sign " << sign;
      EXPECT_EQ(p.fval(d), 0.0);
      EXPECT_EQ(std::signbit(p.fval(d)), sign < 0);
    }
  }
}

// A constant divisor: a non-zero one is read in place and cannot exit; +0.0 and -0.0 (whose
// bits are not all zero) still exit before dividing.
TEST_P(EmitTest, FloatDivisionByConstants) {
  for (double c : {0.0, -0.0, 0.25, -4.0}) {
    Prog p;
    p.loop();
    const IrRef x = p.ins(IrOp::ITOF, IrType::k_flt, p.iter);
    const std::uint16_t sn = p.snap({x});
    const IrRef q = p.ins(IrOp::FDIV, IrType::k_flt, x, p.kf(c), sn);
    const std::uint16_t s2 = p.snap({x, q});
    p.guard(IrOp::GLT, p.iter, p.ki(3), s2);
    p.close();
    KRAIT_ASSEMBLE_NEXT(p);
    Slots none;
    if (c == 0.0) {
      EXPECT_EQ(p.run(none.v), sn) << c;
      EXPECT_EQ(p.ts.iterations, 0u) << c;
    } else {
      EXPECT_EQ(p.run(none.v), s2) << c;
      EXPECT_EQ(p.fval(q), 3.0 / c) << c;
    }
  }
}

TEST_P(EmitTest, StlistRefusesAnItemWhoseDeathCouldRunCode) {
  // list[iter] = iter * 1000 + 1000: an int and a float are replaced, a str is not (its
  // deallocation is harmless, but in general an object's may run Python code).
  PyObject* old0 = py("10**12");
  PyObject* old1 = py("2.5");
  PyObject* old2 = py("''.join(['ke', 'ep'])");  // not the interned 'keep' other tests use
  PyObject* list = PyList_New(3);
  for (PyObject* o : {old0, old1, old2}) Py_INCREF(o);
  // The test's own references and the list, released also when the program is only
  // assembled (a leaked str would be another test's object).
  Slots own({old0, old1, old2});
  Slots s({list});
  PyList_SET_ITEM(list, 0, old0);
  PyList_SET_ITEM(list, 1, old1);
  PyList_SET_ITEM(list, 2, old2);
  const Py_ssize_t rc2 = Py_REFCNT(old2);

  Prog p;
  const IrRef l = p.sload(0);
  p.loop();
  const IrRef v = p.ins(IrOp::ADD, IrType::k_int,
                        p.ins(IrOp::MUL, IrType::k_int, p.iter, p.ki(1000)), p.ki(1000));
  const IrRef args = p.ins(IrOp::CARG, IrType::k_void, l, p.iter);
  const std::uint16_t sn = p.snap({l, p.iter, v});
  p.ins(IrOp::STLIST, IrType::k_void, args, v, sn);
  p.close();
  KRAIT_ASSEMBLE(p);
  EXPECT_EQ(p.run(s.v), sn);
  EXPECT_EQ(p.ts.iterations, 2u);
  EXPECT_EQ(p.ival(v), 3000);
  EXPECT_EQ(repr(list), "[1000, 2000, 'keep']");
  EXPECT_EQ(Py_REFCNT(old0), 1);  // the list let go of the replaced items
  EXPECT_EQ(Py_REFCNT(old1), 1);
  EXPECT_EQ(Py_REFCNT(old2), rc2);  // untouched
  EXPECT_EQ(PyList_GET_ITEM(list, 2), old2);
}

TEST_P(EmitTest, FtoiTruncatesAndExitsOutsideInt64) {
  Prog p;
  const IrRef x = p.sload(0);
  const IrRef f = p.ins(IrOp::UNBOXF, IrType::k_flt, x);
  const std::uint16_t sn = p.snap({x});
  const IrRef r = p.ins(IrOp::FTOI, IrType::k_int, f, kNoRef, sn);
  p.loop();
  const std::uint16_t fin = p.snap({r});
  p.guard(IrOp::GTRUE, p.b.kbool(false), kNoRef, fin);
  p.close();
  KRAIT_ASSEMBLE(p);
  const double nan = std::numeric_limits<double>::quiet_NaN();
  for (double d : {0.0, -0.0, 2.9, -2.9, 1e18, -1e18, 9223372036854774784.0}) {
    Slots s({PyFloat_FromDouble(d)});
    ASSERT_EQ(p.run(s.v), fin) << d;
    PyObject* want = PyNumber_Long(s.v[0]);
    EXPECT_EQ(p.ival(r), PyLong_AsLongLong(want)) << d;
    Py_DECREF(want);
  }
  // NaN and infinities raise in int(); 2**63 and beyond are big ints; -2**63 fits but shares
  // cvttsd2si's out-of-range answer, so it exits too (correct, only slower).
  for (double d : {nan, kInf, -kInf, 9223372036854775808.0, -1e19, -9223372036854775808.0}) {
    Slots s({PyFloat_FromDouble(d)});
    EXPECT_EQ(p.run(s.v), sn) << d;
  }
}

TEST_P(EmitTest, SstoreReplacesHarmlessSlotValuesOnly) {
  // Slot k = box(iter * 1000 + 1000) for k = 0 (an int), 1 (None) and 2 (a str: refused).
  PyObject* old0 = py("10**12");
  Slots own({old0});  // the test's reference, released also when the program is only assembled
  Slots s({Py_NewRef(old0), Py_NewRef(Py_None), py("''.join(['ke', 'ep'])")});
  PyObject* old2 = s.v[2];
  const Py_ssize_t rc0 = Py_REFCNT(old0), rc2 = Py_REFCNT(old2);
  Prog p;
  p.loop();
  const IrRef v = p.ins(IrOp::ADD, IrType::k_int,
                        p.ins(IrOp::MUL, IrType::k_int, p.iter, p.ki(1000)), p.ki(1000));
  const std::uint16_t s0 = p.snap({v});
  p.ins(IrOp::SSTORE, IrType::k_void, p.ki(0), v, s0);
  const IrRef f = p.ins(IrOp::ITOF, IrType::k_flt, v);
  const std::uint16_t s1 = p.snap({v});
  p.ins(IrOp::SSTORE, IrType::k_void, p.ki(1), f, s1);
  const std::uint16_t s2 = p.snap({v});
  p.ins(IrOp::SSTORE, IrType::k_void, p.ki(2), v, s2);
  p.close();
  KRAIT_ASSEMBLE(p);
  EXPECT_EQ(p.run(s.v), s2);
  EXPECT_EQ(p.ts.iterations, 0u);
  EXPECT_EQ(repr(s.v[0]), "1000");
  EXPECT_EQ(repr(s.v[1]), "1000.0");
  EXPECT_EQ(s.v[2], old2);
  EXPECT_EQ(Py_REFCNT(old2), rc2);
  EXPECT_EQ(Py_REFCNT(old0), rc0 - 1);  // the slot's reference was released
}

TEST_P(EmitTest, LappendBoxesEachKind) {
  // Three iterations of ints.append(v); flts.append(float(v)); objs.append(o);
  // bools.append(iter < 1).
  PyObject* o = py("object()");
  Slots own({o});  // the test's reference, released also when the program is only assembled
  const Py_ssize_t rco = Py_REFCNT(o);
  Slots s({py("[]"), py("[]"), py("[]"), py("[]"), Py_NewRef(o)});
  Prog p;
  const IrRef li = p.sload(0), lf = p.sload(1), lo = p.sload(2), lb = p.sload(3), obj = p.sload(4);
  p.loop();
  const IrRef v = p.ins(IrOp::ADD, IrType::k_int,
                        p.ins(IrOp::MUL, IrType::k_int, p.iter, p.ki(1000)), p.ki(1000));
  const std::uint16_t sn = p.snap({v});
  p.ins(IrOp::LAPPEND, IrType::k_void, li, v, sn);
  p.ins(IrOp::LAPPEND, IrType::k_void, lf, p.ins(IrOp::ITOF, IrType::k_flt, v), sn);
  p.ins(IrOp::LAPPEND, IrType::k_void, lo, obj, sn);
  p.ins(IrOp::LAPPEND, IrType::k_void, lb, p.ins(IrOp::LT, IrType::k_bool, p.iter, p.ki(1)), sn);
  const std::uint16_t send = p.snap({v});
  p.guard(IrOp::GLT, p.iter, p.ki(2), send);
  p.close();
  KRAIT_ASSEMBLE(p);
  EXPECT_EQ(p.run(s.v), send);
  EXPECT_EQ(repr(s.v[0]), "[1000, 2000, 3000]");
  EXPECT_EQ(repr(s.v[1]), "[1000.0, 2000.0, 3000.0]");
  EXPECT_EQ(PyList_GET_SIZE(s.v[2]), 3);
  EXPECT_EQ(repr(s.v[3]), "[True, False, False]");
  EXPECT_EQ(Py_REFCNT(o), rco + 1 + 3);  // the slot's reference and one per append
}

TEST_P(EmitTest, NewlistPutsAFreshListIntoTheSlot) {
  // Three iterations of `x = []; x.append(iter)` with x in slot 0, then `y = []` with y in
  // slot 1, whose old value (a str only the slot holds) could run code when freed: refused.
  PyObject* o = py("object()");
  Slots own({o});  // the test's reference, released also when the program is only assembled
  PyObject* first = PyList_New(0);
  PyList_Append(first, o);
  Slots s({first, py("'x' * 40")});
  PyObject* old1 = s.v[1];
  const Py_ssize_t rco = Py_REFCNT(o);
  for (const RegFile* rf : {&regs(), &kAllSpilled}) {
    Prog p;
    p.loop();
    const std::uint16_t s0 = p.snap({p.iter});
    const IrRef l = p.ins(IrOp::NEWLIST, IrType::k_obj, p.ki(0), kNoRef, s0);
    p.ins(IrOp::LAPPEND, IrType::k_void, l, p.iter, s0);
    const std::uint16_t s1 = p.snap({l, p.iter});
    p.guard(IrOp::GLT, p.iter, p.ki(2), s1);
    p.close();
    KRAIT_ASSEMBLE_NEXT(p, *rf);
    EXPECT_EQ(p.run(s.v), s1);
    EXPECT_EQ(p.ts.iterations, 2u);
    EXPECT_EQ(p.obj(l), s.v[0]);  // the trace's value is the slot's list
    EXPECT_EQ(repr(s.v[0]), "[2]");
    EXPECT_EQ(Py_REFCNT(s.v[0]), 1);   // owned by the slot alone
    EXPECT_EQ(Py_REFCNT(o), rco - 1);  // the first list was freed with its item
    // A NEWLIST that meets the str exits, nothing changed.
    Prog q;
    const std::uint16_t t0 = q.snap({});
    q.ins(IrOp::NEWLIST, IrType::k_obj, q.ki(1), kNoRef, t0);
    q.loop();
    q.close();
    KRAIT_ASSEMBLE_NEXT(q, *rf);
    EXPECT_EQ(q.run(s.v), t0);
    EXPECT_EQ(s.v[1], old1);
    EXPECT_EQ(Py_REFCNT(old1), 1);
  }
}

// GET_ITER by reuse: an exhausted list iterator held by one reference (the frame slot) becomes
// iter(list); anything else exits before touching it (more references, not exhausted, not a list
// iterator, or an old list that releasing would free).
TEST_P(EmitTest, LiterReusesOnlyAnExhaustedUniqueListIterator) {
  Prog p;
  const IrRef it = p.sload(0), list = p.sload(1);
  const std::uint16_t sn = p.snap({it, list});
  p.ins(IrOp::LITER, IrType::k_void, it, list, sn);
  p.loop();
  const std::uint16_t send = p.snap({it});
  p.guard(IrOp::GTRUE, p.b.kbool(false), kNoRef, send);
  p.close();
  KRAIT_ASSEMBLE(p);
  auto setstate = [](PyObject* o, long n) {
    PyObject* r = PyObject_CallMethod(o, "__setstate__", "l", n);
    ASSERT_NE(r, nullptr);
    Py_DECREF(r);
  };
  {  // exhausted by the interpreter (its list already released): reused
    Slots s({py("iter([1, 2])"), py("[7, 8]")});
    Py_XDECREF(PyIter_Next(s.v[0]));
    Py_XDECREF(PyIter_Next(s.v[0]));
    Py_XDECREF(PyIter_Next(s.v[0]));
    const Py_ssize_t rcl = Py_REFCNT(s.v[1]);
    EXPECT_EQ(p.run(s.v), send);
    EXPECT_EQ(Py_REFCNT(s.v[1]), rcl + 1);
    EXPECT_EQ(contents(s.v[0]), "[7, 8]");
  }
  {  // exhausted in a trace (index at the end, the list still held): the old list released
    PyObject* old = py("[1, 2]");
    Slots s({PyObject_GetIter(old), py("[9]")});
    setstate(s.v[0], 2);
    const Py_ssize_t rco = Py_REFCNT(old);
    EXPECT_EQ(p.run(s.v), send);
    EXPECT_EQ(Py_REFCNT(old), rco - 1);
    EXPECT_EQ(contents(s.v[0]), "[9]");
    Py_DECREF(old);
  }
  {  // not exhausted
    Slots s({py("iter([1, 2])"), py("[9]")});
    EXPECT_EQ(p.run(s.v), sn);
    EXPECT_EQ(contents(s.v[0]), "[1, 2]");
  }
  {  // another reference
    Slots s({py("iter([])"), py("[9]")});
    PyObject* extra = Py_NewRef(s.v[0]);
    EXPECT_EQ(p.run(s.v), sn);
    EXPECT_EQ(contents(s.v[0]), "[]");
    Py_DECREF(extra);
  }
  {  // the old list only the iterator holds: releasing it would free it (and its items)
    Slots s({py("iter([object()])"), py("[9]")});
    setstate(s.v[0], 1);
    EXPECT_EQ(p.run(s.v), sn);
  }
  {  // a tuple iterator
    Slots s({py("iter(())"), py("[9]")});
    EXPECT_EQ(p.run(s.v), sn);
  }
}

// iter(range(start, stop)) by reuse: a range iterator one reference holds takes range_iter's
// state for step 1 (length 0 for an empty range); more references or a length past LONG_MAX
// (CPython's long range iterator) exit with the iterator untouched.
TEST_P(EmitTest, RiterReusesOnlyAUniqueRangeIterator) {
  Prog p;
  const IrRef it = p.sload(0), sa = p.sload(1), sb = p.sload(2);
  const std::uint16_t s0 = p.snap({it, sa, sb});
  const IrRef start = p.ins(IrOp::UNBOXI, IrType::k_int, sa, kNoRef, s0);
  const IrRef stop = p.ins(IrOp::UNBOXI, IrType::k_int, sb, kNoRef, s0);
  const std::uint16_t sn = p.snap({it, start, stop});
  p.ins(IrOp::RITER, IrType::k_void, p.ins(IrOp::CARG, IrType::k_void, it, start), stop, sn);
  p.loop();
  const std::uint16_t send = p.snap({it});
  p.guard(IrOp::GTRUE, p.b.kbool(false), kNoRef, send);
  p.close();
  KRAIT_ASSEMBLE(p);
  {
    Slots s({py("iter(range(0))"), py("3"), py("7")});
    EXPECT_EQ(p.run(s.v), send);
    EXPECT_EQ(contents(s.v[0]), "[3, 4, 5, 6]");
  }
  {
    Slots s({py("iter(range(2))"), py("-3"), py("-5")});
    EXPECT_EQ(p.run(s.v), send);
    EXPECT_EQ(contents(s.v[0]), "[]");
  }
  {
    Slots s({py("iter(range(2))"), py("-2**63"), py("2**63 - 1")});
    EXPECT_EQ(p.run(s.v), sn);
    EXPECT_EQ(contents(s.v[0]), "[0, 1]");
  }
  {
    Slots s({py("iter(range(2))"), py("0"), py("3")});
    PyObject* extra = Py_NewRef(s.v[0]);
    EXPECT_EQ(p.run(s.v), sn);
    EXPECT_EQ(contents(s.v[0]), "[0, 1]");
    Py_DECREF(extra);
  }
}

// --- arithmetic ------------------------------------------------------------------------------

// // and % by constant divisors (the x86-64 backend multiplies by a reciprocal instead of
// dividing): Python's floor semantics for every sign and the extremes of int64, with the
// operands in registers, spilled, or in registers a call or the multiply clobbers.
TEST_P(EmitTest, IntDivisionByConstantsMatchPython) {
  const std::int64_t divisors[] = {
      2, 3, 5, 6, 7, 10, 16, 100, 641, 1000, 12345, 1 << 20, (1 << 30) + 1, 2147483647};
  const std::int64_t vals[] = {0,
                               1,
                               -1,
                               2,
                               -2,
                               9,
                               -9,
                               10,
                               -10,
                               11,
                               -11,
                               99,
                               -99,
                               1 << 20,
                               -(1 << 20),
                               123456789012345,
                               -123456789012345,
                               kMax,
                               kMax - 1,
                               kMin,
                               kMin + 1};
  for (const RegFile* regs : {&regs(), &kAllSpilled, &clobbered(), &two_regs()}) {
    for (std::int64_t dv : divisors) {
      Prog p;
      const IrRef sa = p.sload(0);
      const std::uint16_t s0 = p.snap({sa});
      const IrRef a = p.ins(IrOp::UNBOXI, IrType::k_int, sa, kNoRef, s0);
      const std::uint16_t s1 = p.snap({a});
      const IrRef q = p.ins(IrOp::FLOORDIV, IrType::k_int, a, p.ki(dv), s1);
      const IrRef r = p.ins(IrOp::MOD, IrType::k_int, a, p.ki(dv), s1);
      p.loop();
      const std::uint16_t s_end = p.snap({a, q, r});
      p.guard(IrOp::GTRUE, p.b.kbool(false), kNoRef, s_end);
      p.close();
      ASSERT_TRUE(p.compile(*regs));
      if (!runs_here()) continue;
      for (std::int64_t x : vals) {
        Slots s({PyLong_FromLongLong(x)});
        ASSERT_EQ(p.run(s.v), s_end);
        std::int64_t wq = x / dv, wr = x % dv;
        if (wr != 0 && ((wr < 0) != (dv < 0))) {
          wq -= 1;
          wr += dv;
        }
        const std::string what = std::to_string(x) + " by " + std::to_string(dv);
        EXPECT_EQ(p.ival(q), wq) << what;
        EXPECT_EQ(p.ival(r), wr) << what;
        EXPECT_EQ(p.ival(a), x) << what;
      }
    }
  }
}

// Every int op on two int64s from slots 0 and 1, results read at a final exit; FLOORDIV and
// MOD exit on a zero divisor (and // on min // -1) with the values computed before them.
struct IntOps {
  Prog p;
  IrRef a, d, add, sub, mul, band, bor, bxor, lt, le, gt, ge, eq, ne, nt, itof, mod, q;
  std::uint16_t s_mod, s_div, s_end;
  explicit IntOps(const RegFile& regs) {
    const IrRef sa = p.sload(0), sd = p.sload(1);
    const std::uint16_t s0 = p.snap({sa, sd});
    a = p.ins(IrOp::UNBOXI, IrType::k_int, sa, kNoRef, s0);
    d = p.ins(IrOp::UNBOXI, IrType::k_int, sd, kNoRef, s0);
    add = p.ins(IrOp::ADD, IrType::k_int, a, d);
    sub = p.ins(IrOp::SUB, IrType::k_int, a, d);
    mul = p.ins(IrOp::MUL, IrType::k_int, a, d);
    band = p.ins(IrOp::BAND, IrType::k_int, a, d);
    bor = p.ins(IrOp::BOR, IrType::k_int, a, d);
    bxor = p.ins(IrOp::BXOR, IrType::k_int, a, d);
    lt = p.ins(IrOp::LT, IrType::k_bool, a, d);
    le = p.ins(IrOp::LE, IrType::k_bool, a, d);
    gt = p.ins(IrOp::GT, IrType::k_bool, a, d);
    ge = p.ins(IrOp::GE, IrType::k_bool, a, d);
    eq = p.ins(IrOp::EQ, IrType::k_bool, a, d);
    ne = p.ins(IrOp::NE, IrType::k_bool, a, d);
    nt = p.ins(IrOp::NOT, IrType::k_bool, lt);
    itof = p.ins(IrOp::ITOF, IrType::k_flt, a);
    std::vector<IrRef> all = {a,  d,  add, sub, mul, band, bor, bxor,
                              lt, le, gt,  ge,  eq,  ne,   nt,  itof};
    s_mod = p.snap(all);
    mod = p.ins(IrOp::MOD, IrType::k_int, a, d, s_mod);
    all.push_back(mod);
    s_div = p.snap(all);
    q = p.ins(IrOp::FLOORDIV, IrType::k_int, a, d, s_div);
    all.push_back(q);
    p.loop();
    s_end = p.snap(all);
    p.guard(IrOp::GTRUE, p.b.kbool(false), kNoRef, s_end);
    p.close();
    EXPECT_TRUE(p.compile(regs));
  }
};

TEST_P(EmitTest, IntOpsMatchPython) {
  const std::int64_t vals[] = {0, 1, -1, 2, -2, 3, -3, 7, -7, 1 << 20, -(1 << 20), kMax, kMin};
  for (const RegFile* regs : {&regs(), &kAllSpilled, &clobbered(), &two_regs()}) {
    IntOps t(*regs);
    if (!runs_here()) continue;
    Prog& p = t.p;
    for (std::int64_t a : vals) {
      for (std::int64_t d : vals) {
        Slots s({PyLong_FromLongLong(a), PyLong_FromLongLong(d)});
        const std::uint32_t exit = p.run(s.v);
        const std::string what = std::to_string(a) + ", " + std::to_string(d);
        const auto ua = static_cast<std::uint64_t>(a), ud = static_cast<std::uint64_t>(d);
        EXPECT_EQ(p.raw(t.add), ua + ud) << what;
        EXPECT_EQ(p.raw(t.sub), ua - ud) << what;
        EXPECT_EQ(p.raw(t.mul), ua * ud) << what;
        EXPECT_EQ(p.ival(t.band), a & d) << what;
        EXPECT_EQ(p.ival(t.bor), a | d) << what;
        EXPECT_EQ(p.ival(t.bxor), a ^ d) << what;
        EXPECT_EQ(p.raw(t.lt), a < d ? 1u : 0u) << what;
        EXPECT_EQ(p.raw(t.le), a <= d ? 1u : 0u) << what;
        EXPECT_EQ(p.raw(t.gt), a > d ? 1u : 0u) << what;
        EXPECT_EQ(p.raw(t.ge), a >= d ? 1u : 0u) << what;
        EXPECT_EQ(p.raw(t.eq), a == d ? 1u : 0u) << what;
        EXPECT_EQ(p.raw(t.ne), a != d ? 1u : 0u) << what;
        EXPECT_EQ(p.raw(t.nt), a < d ? 0u : 1u) << what;
        EXPECT_EQ(p.fval(t.itof), static_cast<double>(a)) << what;  // round to nearest
        if (d == 0) {
          EXPECT_EQ(exit, t.s_mod) << what;
          continue;
        }
        ASSERT_NE(exit, t.s_mod) << what;
        PyObject* m = PyNumber_Remainder(s.v[0], s.v[1]);
        EXPECT_EQ(p.ival(t.mod), PyLong_AsLongLong(m)) << what;
        Py_DECREF(m);
        if (a == kMin && d == -1) {
          EXPECT_EQ(exit, t.s_div) << what;  // 2**63
          continue;
        }
        EXPECT_EQ(exit, t.s_end) << what;
        PyObject* q = PyNumber_FloorDivide(s.v[0], s.v[1]);
        EXPECT_EQ(p.ival(t.q), PyLong_AsLongLong(q)) << what;
        Py_DECREF(q);
      }
    }
  }
}

// SAR by each constant count, on the value of slot 0, against Python's >>.
TEST_P(EmitTest, SarMatchesPythonRightShift) {
  const int counts[] = {0, 1, 3, 31, 62, 63};
  for (const RegFile* regs : {&krait::jit::regs(), &kAllSpilled, &two_regs()}) {
    Prog p;
    const IrRef sa = p.sload(0);
    const std::uint16_t s0 = p.snap({sa});
    const IrRef a = p.ins(IrOp::UNBOXI, IrType::k_int, sa, kNoRef, s0);
    std::vector<IrRef> all = {a};
    for (int n : counts) all.push_back(p.ins(IrOp::SAR, IrType::k_int, a, p.b.kint(n)));
    p.loop();
    const std::uint16_t s_end = p.snap(all);
    p.guard(IrOp::GTRUE, p.b.kbool(false), kNoRef, s_end);
    p.close();
    KRAIT_ASSEMBLE_NEXT(p, *regs);
    for (std::int64_t v : {std::int64_t{0}, std::int64_t{1}, std::int64_t{-1}, std::int64_t{-7},
                           std::int64_t{1} << 40, -(std::int64_t{1} << 40), kMax, kMin}) {
      Slots s({PyLong_FromLongLong(v)});
      EXPECT_EQ(p.run(s.v), s_end);
      for (std::size_t k = 0; k < std::size(counts); ++k) {
        PyObject* pn = PyLong_FromLong(counts[k]);
        PyObject* r = PyNumber_Rshift(s.v[0], pn);
        EXPECT_EQ(p.ival(all[k + 1]), PyLong_AsLongLong(r)) << v << " >> " << counts[k];
        Py_DECREF(r);
        Py_DECREF(pn);
      }
    }
  }
}

bool same_double(double x, double y) {
  if (std::isnan(x) || std::isnan(y)) return std::isnan(x) && std::isnan(y);
  return std::memcmp(&x, &y, sizeof x) == 0;  // tells 0.0 from -0.0
}

// Every float op on two doubles from slots 0 and 1; the divisions exit on a zero divisor.
struct FloatOps {
  Prog p;
  IrRef a, d, add, sub, mul, neg, flt, fle, fgt, fge, feq, fne, div, mod, fdiv;
  std::uint16_t s_div, s_end;
  explicit FloatOps(const RegFile& regs) {
    const IrRef sa = p.sload(0), sd = p.sload(1);
    a = p.ins(IrOp::UNBOXF, IrType::k_flt, sa);
    d = p.ins(IrOp::UNBOXF, IrType::k_flt, sd);
    add = p.ins(IrOp::FADD, IrType::k_flt, a, d);
    sub = p.ins(IrOp::FSUB, IrType::k_flt, a, d);
    mul = p.ins(IrOp::FMUL, IrType::k_flt, a, d);
    neg = p.ins(IrOp::FNEG, IrType::k_flt, a);
    flt = p.ins(IrOp::FLT, IrType::k_bool, a, d);
    fle = p.ins(IrOp::FLE, IrType::k_bool, a, d);
    fgt = p.ins(IrOp::FGT, IrType::k_bool, a, d);
    fge = p.ins(IrOp::FGE, IrType::k_bool, a, d);
    feq = p.ins(IrOp::FEQ, IrType::k_bool, a, d);
    fne = p.ins(IrOp::FNE, IrType::k_bool, a, d);
    std::vector<IrRef> all = {a, d, add, sub, mul, neg, flt, fle, fgt, fge, feq, fne};
    s_div = p.snap(all);
    div = p.ins(IrOp::FDIV, IrType::k_flt, a, d, s_div);
    // The helper calls of % and // keep every earlier float (all in caller-saved xmm
    // registers) alive across them.
    mod = p.ins(IrOp::FMOD, IrType::k_flt, a, d, s_div);
    fdiv = p.ins(IrOp::FFLOORDIV, IrType::k_flt, a, d, s_div);
    all.insert(all.end(), {div, mod, fdiv});
    p.loop();
    s_end = p.snap(all);
    p.guard(IrOp::GTRUE, p.b.kbool(false), kNoRef, s_end);
    p.close();
    EXPECT_TRUE(p.compile(regs));
  }
};

TEST_P(EmitTest, FloatOpsMatchPython) {
  const double inf = std::numeric_limits<double>::infinity();
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const double vals[] = {0.0,  -0.0, 1.0,   -1.0,    2.5, -2.5, 7.0,
                         -7.0, 0.1,  1e300, -1e-300, inf, -inf, nan};
  for (const RegFile* regs : {&regs(), &kAllSpilled, &two_regs()}) {
    FloatOps t(*regs);
    if (!runs_here()) continue;
    Prog& p = t.p;
    for (double a : vals) {
      for (double d : vals) {
        Slots s({PyFloat_FromDouble(a), PyFloat_FromDouble(d)});
        const std::uint32_t exit = p.run(s.v);
        const std::string what = std::to_string(a) + ", " + std::to_string(d);
        EXPECT_TRUE(same_double(p.fval(t.a), a)) << what;
        EXPECT_TRUE(same_double(p.fval(t.add), a + d)) << what;
        EXPECT_TRUE(same_double(p.fval(t.sub), a - d)) << what;
        EXPECT_TRUE(same_double(p.fval(t.mul), a * d)) << what;
        EXPECT_TRUE(same_double(p.fval(t.neg), -a)) << what;
        // Unordered (NaN) compares are false except !=, as in CPython's float_richcompare.
        EXPECT_EQ(p.raw(t.flt), a < d ? 1u : 0u) << what;
        EXPECT_EQ(p.raw(t.fle), a <= d ? 1u : 0u) << what;
        EXPECT_EQ(p.raw(t.fgt), a > d ? 1u : 0u) << what;
        EXPECT_EQ(p.raw(t.fge), a >= d ? 1u : 0u) << what;
        EXPECT_EQ(p.raw(t.feq), a == d ? 1u : 0u) << what;
        EXPECT_EQ(p.raw(t.fne), a != d ? 1u : 0u) << what;
        if (d == 0.0) {
          EXPECT_EQ(exit, t.s_div) << what;  // ZeroDivisionError, raised by the interpreter
          continue;
        }
        ASSERT_EQ(exit, t.s_end) << what;
        PyObject* pd = PyNumber_TrueDivide(s.v[0], s.v[1]);
        PyObject* pm = PyNumber_Remainder(s.v[0], s.v[1]);
        PyObject* pq = PyNumber_FloorDivide(s.v[0], s.v[1]);
        ASSERT_TRUE(pd && pm && pq) << what;
        EXPECT_TRUE(same_double(p.fval(t.div), PyFloat_AS_DOUBLE(pd)))
            << what << ": / gave " << p.fval(t.div);
        EXPECT_TRUE(same_double(p.fval(t.mod), PyFloat_AS_DOUBLE(pm)))
            << what << ": % gave " << p.fval(t.mod) << ", Python " << PyFloat_AS_DOUBLE(pm);
        EXPECT_TRUE(same_double(p.fval(t.fdiv), PyFloat_AS_DOUBLE(pq)))
            << what << ": // gave " << p.fval(t.fdiv) << ", Python " << PyFloat_AS_DOUBLE(pq);
        Py_DECREF(pd);
        Py_DECREF(pm);
        Py_DECREF(pq);
      }
    }
  }
}

// a ** d through FPOW against CPython's float_pow on the special values of its case analysis:
// where CPython raises (ZeroDivisionError, OverflowError) or gives a complex, the trace must
// exit at the FPOW with its operands intact; otherwise the result must be CPython's to the bit.
// Floats computed before the call stay live across it (caller-saved registers).
TEST_P(EmitTest, FpowMatchesPythonAndExitsWhereItRaises) {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const double vals[] = {0.0,  -0.0,    1.0,  -1.0,  0.5,  -0.5,  2.0,    -2.0,    3.0,
                         -3.0, 0.1,     10.0, 400.0, -8.0, 1e300, 1e-300, -1e-300, 1e308,
                         1.5,  1.0 / 3, 9e15, -9e15, 1e20, -1e20, kInf,   -kInf,   nan};
  for (const RegFile* regs : {&regs(), &kAllSpilled, &two_regs()}) {
    Prog p;
    const IrRef a = p.ins(IrOp::UNBOXF, IrType::k_flt, p.sload(0));
    const IrRef d = p.ins(IrOp::UNBOXF, IrType::k_flt, p.sload(1));
    const IrRef sum = p.ins(IrOp::FADD, IrType::k_flt, a, d);
    const std::uint16_t s_pow = p.snap({a, d, sum});
    const IrRef pw = p.ins(IrOp::FPOW, IrType::k_flt, a, d, s_pow);
    p.loop();
    const std::uint16_t s_end = p.snap({a, d, sum, pw});
    p.guard(IrOp::GTRUE, p.b.kbool(false), kNoRef, s_end);
    p.close();
    KRAIT_ASSEMBLE_NEXT(p, *regs);
    for (double x : vals) {
      for (double y : vals) {
        Slots s({PyFloat_FromDouble(x), PyFloat_FromDouble(y)});
        const std::uint32_t exit = p.run(s.v);
        const std::string what = std::to_string(x) + " ** " + std::to_string(y);
        EXPECT_TRUE(same_double(p.fval(a), x)) << what;
        EXPECT_TRUE(same_double(p.fval(d), y)) << what;
        EXPECT_TRUE(same_double(p.fval(sum), x + y)) << what;
        PyObject* r = PyNumber_Power(s.v[0], s.v[1], Py_None);
        if (r == nullptr || !PyFloat_CheckExact(r)) {
          PyErr_Clear();
          Py_XDECREF(r);
          EXPECT_EQ(exit, s_pow) << what << " must leave the trace";
          continue;
        }
        ASSERT_EQ(exit, s_end) << what;
        EXPECT_TRUE(same_double(p.fval(pw), PyFloat_AS_DOUBLE(r)))
            << what << " gave " << p.fval(pw) << ", Python " << PyFloat_AS_DOUBLE(r);
        Py_DECREF(r);
      }
    }
  }
}

// --- memory ----------------------------------------------------------------------------------

TEST_P(EmitTest, ListAndTupleItemLoadsAreBorrowed) {
  Prog p;
  const IrRef l = p.sload(0), t = p.sload(1);
  const IrRef items = p.ins(IrOp::LDFLD, IrType::k_ptr, l, kNoRef, kOffListItems);
  const IrRef n = p.ins(IrOp::LDFLD, IrType::k_int, l, kNoRef, kOffObSize);
  p.loop();
  const IrRef li = p.ins(IrOp::LDELEM, IrType::k_obj, items, p.iter, 0);
  const IrRef ti = p.ins(IrOp::LDELEM, IrType::k_obj, t, p.iter, kOffTupleItems);
  const IrRef last = p.ins(IrOp::SUB, IrType::k_int, n, p.ki(1));
  const std::uint16_t sn = p.snap({li, ti, n});
  p.guard(IrOp::GLT, p.iter, last, sn);
  p.close();
  KRAIT_ASSEMBLE(p);
  Slots s({py("['a', 'b', 'c']"), py("('x', 'y', 'z')")});
  std::vector<Py_ssize_t> before;
  for (int k = 0; k < 3; ++k) {
    before.push_back(Py_REFCNT(PyList_GET_ITEM(s.v[0], k)));
    before.push_back(Py_REFCNT(PyTuple_GET_ITEM(s.v[1], k)));
  }
  EXPECT_EQ(p.run(s.v), sn);
  EXPECT_EQ(p.ts.iterations, 2u);
  EXPECT_EQ(p.obj(li), PyList_GET_ITEM(s.v[0], 2));
  EXPECT_EQ(p.obj(ti), PyTuple_GET_ITEM(s.v[1], 2));
  EXPECT_EQ(p.ival(n), 3);
  for (int k = 0; k < 3; ++k) {
    EXPECT_EQ(Py_REFCNT(PyList_GET_ITEM(s.v[0], k)), before[2 * k]);
    EXPECT_EQ(Py_REFCNT(PyTuple_GET_ITEM(s.v[1], k)), before[2 * k + 1]);
  }
}

// The store helpers give the new value to an item only the list references (same object,
// same digit count), and otherwise box a new object: small ints come from CPython's cache,
// items referenced elsewhere keep their value.
TEST_P(EmitTest, ListStoreHelpersReuseUniqueItemsInPlace) {
  PyObject* list = PyList_New(4);
  PyList_SET_ITEM(list, 0, PyLong_FromLong(1000));
  PyList_SET_ITEM(list, 1, PyLong_FromLong(1001));
  PyList_SET_ITEM(list, 2, PyFloat_FromDouble(1.5));
  PyList_SET_ITEM(list, 3, PyLong_FromLongLong(std::int64_t{1} << 40));
  PyObject* unique = PyList_GET_ITEM(list, 0);
  ASSERT_EQ(krait_jit_list_store_int(list, 0, -123456), 0);
  EXPECT_EQ(PyList_GET_ITEM(list, 0), unique);
  EXPECT_EQ(PyLong_AsLongLong(unique), -123456);
  ASSERT_EQ(krait_jit_list_store_int(list, 0, std::int64_t{1} << 31), 0);  // two digits now
  EXPECT_NE(PyList_GET_ITEM(list, 0), unique);
  EXPECT_EQ(PyLong_AsLongLong(PyList_GET_ITEM(list, 0)), std::int64_t{1} << 31);
  PyObject* small = PyLong_FromLong(7);
  ASSERT_EQ(krait_jit_list_store_int(list, 0, 7), 0);
  EXPECT_EQ(PyList_GET_ITEM(list, 0), small);  // the cached 7
  Py_DECREF(small);
  PyObject* shared = PyList_GET_ITEM(list, 1);
  Py_INCREF(shared);
  ASSERT_EQ(krait_jit_list_store_int(list, 1, 5000), 0);
  EXPECT_EQ(PyLong_AsLongLong(shared), 1001);
  EXPECT_EQ(PyLong_AsLongLong(PyList_GET_ITEM(list, 1)), 5000);
  EXPECT_EQ(Py_REFCNT(shared), 1);
  Py_DECREF(shared);
  PyObject* two = PyList_GET_ITEM(list, 3);
  ASSERT_EQ(krait_jit_list_store_int(list, 3, -((std::int64_t{1} << 45) + 3)), 0);
  EXPECT_EQ(PyList_GET_ITEM(list, 3), two);
  EXPECT_EQ(PyLong_AsLongLong(two), -((std::int64_t{1} << 45) + 3));
  PyObject* f = PyList_GET_ITEM(list, 2);
  ASSERT_EQ(krait_jit_list_store_flt(list, 2, -0.25), 0);
  EXPECT_EQ(PyList_GET_ITEM(list, 2), f);
  EXPECT_EQ(PyFloat_AS_DOUBLE(f), -0.25);
  Py_DECREF(list);
}

// Compiled float stores: the inline path writes a unique float item in place, a shared float,
// an int and a str go to the helper (replaced, replaced, exit), under every register file.
TEST_P(EmitTest, FloatListStoresInPlaceInlineOtherwiseThroughTheHelper) {
  for (const RegFile* regs : {&regs(), &kAllSpilled, &two_regs()}) {
    Prog p;
    const IrRef l = p.sload(0);
    p.loop();
    const IrRef f =
        p.ins(IrOp::FMUL, IrType::k_flt, p.ins(IrOp::ITOF, IrType::k_flt, p.iter), p.kf(-1.5));
    const std::uint16_t sn = p.snap({l, f});
    p.ins(IrOp::STLIST, IrType::k_void, p.ins(IrOp::CARG, IrType::k_void, l, p.iter), f, sn);
    p.close();
    KRAIT_ASSEMBLE_NEXT(p, *regs);
    PyObject* shared = py("2.5");
    PyObject* list = py("[0.125, None, 7, 'keep']");
    Py_INCREF(shared);
    PyList_SetItem(list, 1, shared);  // steals one of the two references
    PyObject* unique = PyList_GET_ITEM(list, 0);
    Slots s({list});
    EXPECT_EQ(p.run(s.v), sn);
    EXPECT_EQ(p.ts.iterations, 3u);
    EXPECT_EQ(PyList_GET_ITEM(list, 0), unique);  // rewritten in place
    EXPECT_EQ(repr(list), "[-0.0, -1.5, -3.0, 'keep']");
    EXPECT_NE(PyList_GET_ITEM(list, 1), shared);
    EXPECT_EQ(PyFloat_AS_DOUBLE(shared), 2.5);
    EXPECT_EQ(Py_REFCNT(shared), 1);
    EXPECT_EQ(p.fval(f), -4.5);
    Py_DECREF(shared);
  }
}

TEST_P(EmitTest, ListStoresBoxAndReleaseTheOldItem) {
  // ints[iter] = iter * 1000003 + 1000 and floats[iter] = float(that), for iter = 0..2.
  PyObject* ints = py("[10**12, 10**13, 10**14, 10**15]");
  PyObject* flts = py("[0.25, 0.5, 10**16, 7]");
  std::vector<PyObject*> old;
  for (int k = 0; k < 4; ++k) {
    old.push_back(PyList_GET_ITEM(ints, k));
    old.push_back(PyList_GET_ITEM(flts, k));
  }
  for (PyObject* o : old) Py_INCREF(o);
  std::vector<Py_ssize_t> rc;
  for (PyObject* o : old) rc.push_back(Py_REFCNT(o));

  Prog p;
  const IrRef li = p.sload(0), lf = p.sload(1);
  p.loop();
  const IrRef v = p.ins(IrOp::ADD, IrType::k_int,
                        p.ins(IrOp::MUL, IrType::k_int, p.iter, p.ki(1000003)), p.ki(1000));
  const std::uint16_t s1 = p.snap({v});
  p.ins(IrOp::STLIST, IrType::k_void, p.ins(IrOp::CARG, IrType::k_void, li, p.iter), v, s1);
  const IrRef f = p.ins(IrOp::ITOF, IrType::k_flt, v);
  const std::uint16_t s2 = p.snap({f});
  p.ins(IrOp::STLIST, IrType::k_void, p.ins(IrOp::CARG, IrType::k_void, lf, p.iter), f, s2);
  const std::uint16_t send = p.snap({v, f});
  p.guard(IrOp::GLT, p.iter, p.ki(2), send);
  p.close();
  KRAIT_ASSEMBLE(p);
  Slots s({ints, flts});
  EXPECT_EQ(p.run(s.v), send);
  EXPECT_EQ(p.ts.iterations, 2u);
  EXPECT_EQ(repr(ints), "[1000, 1001003, 2001006, 1000000000000000]");
  EXPECT_EQ(repr(flts), "[1000.0, 1001003.0, 2001006.0, 7]");
  for (int k = 0; k < 3; ++k) {
    // The new items belong to the lists alone; the replaced ones lost the list's reference.
    EXPECT_EQ(Py_REFCNT(PyList_GET_ITEM(ints, k)), 1) << k;
    EXPECT_EQ(Py_REFCNT(PyList_GET_ITEM(flts, k)), 1) << k;
    EXPECT_EQ(Py_REFCNT(old[2 * k]), rc[2 * k] - 1) << k;
    EXPECT_EQ(Py_REFCNT(old[2 * k + 1]), rc[2 * k + 1] - 1) << k;
  }
  EXPECT_EQ(Py_REFCNT(old[6]), rc[6]);  // item 3 was not stored to
  EXPECT_EQ(Py_REFCNT(old[7]), rc[7]);
  for (PyObject* o : old) Py_DECREF(o);
}

// --- side traces ------------------------------------------------------------------------------

TEST_P(EmitTest, FrameIsTheRunningFrame) {
  Prog p;
  const IrRef f = p.ins(IrOp::FRAME, IrType::k_ptr);
  const std::uint16_t sn = p.snap({f});
  p.guard(IrOp::GTRUE, p.b.kbool(false), kNoRef, sn);
  p.loop();
  p.close();
  KRAIT_ASSEMBLE(p);
  Slots none;
  auto* frame = reinterpret_cast<_PyInterpreterFrame*>(&none);  // only its address is read
  EXPECT_EQ(p.run(none.v, frame), sn);
  EXPECT_EQ(p.raw(f), reinterpret_cast<std::uint64_t>(frame));
}

// A root loop counting `iter` to the safety limit whose exit at iter == 3 is patched to a
// side trace entered with the root's registers (PVAL), which adds 10 to the counter and
// continues in the root's loop (LINK): the patched stub, the side trace without a prologue
// and the jump back into the loop all run, and code run before the patch does not linger
// (the instruction-cache flush; qemu-user's translated-code cache).
TEST_P(EmitTest, PatchedExitRunsASideTraceThatLinksBack) {
  for (const RegFile* rf : {&regs(), &two_regs(), &kAllSpilled}) {
    Prog root;
    const IrRef lim_obj = root.sload(0);
    const std::uint16_t s0 = root.snap({lim_obj});
    const IrRef lim = root.ins(IrOp::UNBOXI, IrType::k_int, lim_obj, kNoRef, s0);
    root.loop();
    const std::uint16_t s_side = root.snap({root.iter, lim});
    root.guard(IrOp::GNE, root.iter, root.ki(3), s_side);
    const std::uint16_t s_lim = root.snap({root.iter});
    root.guard(IrOp::GLT, root.iter, lim, s_lim);
    root.close();
    ASSERT_TRUE(root.compile(*rf));

    Prog side;
    side.t.patched = true;
    side.t.root = side.t.parent = &root.t;
    side.t.parent_exit = s_side;
    side.t.imports = {root.loc(root.iter)};
    const IrRef pv = side.ins(IrOp::PVAL, IrType::k_int, kNoRef, kNoRef, 0);
    const IrRef next = side.ins(IrOp::ADD, IrType::k_int, pv, side.ki(10));
    side.ins(IrOp::LINK, IrType::k_void);
    side.t.link_moves = {Trace::LinkMove{root.loc(root.iter), next}};
    // What jit/trace.cpp derives: the root's loop-carried registers are the side trace's to
    // leave alone, its spill slots start above the root's.
    RegConstraints rc;
    const RegAllocResult& ra = root.allocation();
    for (IrRef r = 0; r < root.b.loop; ++r) {
      const Loc& l = ra.locs[r];
      if (ra.last_use[r] != root.b.size()) continue;
      if (l.kind == Loc::kGpr) rc.avoid_gpr |= 1u << l.index;
      if (l.kind == Loc::kXmm) rc.avoid_fpr |= 1u << l.index;
    }
    rc.pinned = &side.t.imports;
    rc.spill_base = ra.spills;
    const std::vector<IrRef> link_uses = {next};
    rc.link_uses = &link_uses;
    KRAIT_ASSEMBLE_NEXT(side, *rf, rc);
    // Run before the patch (the stub exits), so that stale code would show after it.
    Slots s1({PyLong_FromLong(50)});
    EXPECT_EQ(root.run(s1.v), s_side);
    EXPECT_EQ(root.ival(root.iter), 3);
    ASSERT_TRUE(g_backend->target().patch_exit(root.t, s_side, side.t.mcode));

    // iter runs 0, 1, 2, 3 -> 13 (the side trace), ..., 50: 3 + 1 + 37 back-edges.
    Slots s({PyLong_FromLong(50)});
    EXPECT_EQ(root.run(s.v), s_lim);
    EXPECT_EQ(root.ts.iterations, 41u);
    EXPECT_EQ(root.ival(root.iter), 50);
    EXPECT_EQ(root.ts.exit_trace, &root.t);
    // A limit below 3: the root exits before ever reaching the patched stub.
    Slots s2({PyLong_FromLong(2)});
    EXPECT_EQ(root.run(s2.v), s_lim);
    EXPECT_EQ(root.ival(root.iter), 2);
  }
}

// --- whole loops -----------------------------------------------------------------------------

// The peeled `for i in range(n): s += i` run for real (see opt_loop_test.cpp for its IR).
struct RangeSum {
  Prog p;
  explicit RangeSum(const RegFile& regs) {
    std::vector<IrRef> end_slots;
    test::record_range_sum(p.b, &end_slots);
    const char* why = nullptr;
    EXPECT_TRUE(peel_loop(p.b, end_slots, test::kEntryDepth, test::kHeader, &why)) << why;
    dce(p.b);
    EXPECT_TRUE(p.compile(regs));
  }
  // The refs the golden dump shows: s and i at the body's range-exhausted exit (#3).
  static constexpr IrRef kS = 16, kI = 9, kSumBody = 23, kIBody = 20;
  static constexpr std::uint32_t kExitPreRoll = 0, kExitExhausted = 3, kExitOverflow = 5;
};

TEST_P(EmitTest, RangeSumRunsToTheEnd) {
  for (const RegFile* regs : {&regs(), &two_regs(), &kAllSpilled}) {
    RangeSum t(*regs);
    if (!runs_here()) continue;
    Prog& p = t.p;
    ASSERT_EQ(p.b.at(RangeSum::kS).op, IrOp::ADDOV) << p.dump();
    ASSERT_EQ(p.b.at(RangeSum::kSumBody).op, IrOp::ADDOV) << p.dump();
    for (long n : {0L, 1L, 2L, 100L}) {
      PyObject* it = py(("iter(range(" + std::to_string(n) + "))").c_str());
      Slots s({PyLong_FromLong(n), PyLong_FromLong(0), Py_NewRef(Py_None), it, nullptr, nullptr});
      const std::uint32_t exit = p.run(s.v);
      // The iterator advanced exactly as the interpreter would have advanced it.
      EXPECT_EQ(reinterpret_cast<RangeIterLayout*>(it)->index, n);
      if (n == 0) {
        EXPECT_EQ(exit, RangeSum::kExitPreRoll);
        continue;
      }
      EXPECT_EQ(exit, RangeSum::kExitExhausted) << "n = " << n;
      EXPECT_EQ(p.ts.iterations, static_cast<std::uint64_t>(n - 1));
      EXPECT_EQ(p.ival(RangeSum::kS), n * (n - 1) / 2) << "n = " << n;
      EXPECT_EQ(p.ival(RangeSum::kI), n - 1) << "n = " << n;
    }
  }
}

TEST_P(EmitTest, RangeSumExits) {
  RangeSum t(regs());
  if (!runs_here()) return;
  Prog& p = t.p;
  // s + i overflows when i reaches 5: four body iterations ran, the fifth exits at the
  // BINARY_OP with s still the previous sum and the iterator already advanced.
  PyObject* it = py("iter(range(100))");
  Slots s({PyLong_FromLong(100), PyLong_FromLongLong(kMax - 10), Py_NewRef(Py_None), it, nullptr,
           nullptr});
  EXPECT_EQ(p.run(s.v), RangeSum::kExitOverflow);
  EXPECT_EQ(p.ts.iterations, 4u);
  EXPECT_EQ(p.ival(RangeSum::kS), kMax);
  EXPECT_EQ(p.ival(RangeSum::kIBody), 5);
  EXPECT_EQ(reinterpret_cast<RangeIterLayout*>(it)->index, 6);
  // s is not an int, or one too big for int64: the pre-roll's guards at the BINARY_OP.
  for (const char* bad : {"0.5", "2**64"}) {
    Slots s2({PyLong_FromLong(100), py(bad), Py_NewRef(Py_None), py("iter(range(100))"), nullptr,
              nullptr});
    EXPECT_EQ(p.run(s2.v), 2u) << bad;
    EXPECT_EQ(p.ts.iterations, 0u) << bad;
  }
}

TEST_P(EmitTest, PhiMovesArePermutations) {
  // At the back-edge (x, y, z) = (y, z, x), (u, w) = (w, u) and the same 3-cycle in floats:
  // every PHI move reads a location another one writes.
  for (const RegFile* regs : {&regs(), &two_regs(), &kAllSpilled}) {
    Prog p;
    const IrRef lim_obj = p.sload(0);
    const std::uint16_t s0 = p.snap({lim_obj});
    const IrRef lim = p.ins(IrOp::UNBOXI, IrType::k_int, lim_obj, kNoRef, s0);
    const IrRef x = p.int_val(1), y = p.int_val(2), z = p.int_val(3);
    const IrRef u = p.int_val(10), w = p.int_val(20);
    const IrRef fx = p.flt_val(1.5), fy = p.flt_val(2.5), fz = p.flt_val(3.5);
    p.loop();
    const std::uint16_t sn = p.snap({x, y, z, u, w, fx, fy, fz, p.iter});
    p.guard(IrOp::GLT, p.iter, lim, sn);
    p.close();
    const std::pair<IrRef, IrRef> phis[] = {{x, y}, {y, z},   {z, x},   {u, w},
                                            {w, u}, {fx, fy}, {fy, fz}, {fz, fx}};
    for (const auto& [to, from] : phis) p.ins(IrOp::PHI, IrType::k_void, to, from);
    KRAIT_ASSEMBLE_NEXT(p, *regs);
    for (long k = 0; k < 5; ++k) {
      Slots s({PyLong_FromLong(k)});
      ASSERT_EQ(p.run(s.v), sn);
      ASSERT_EQ(p.ts.iterations, static_cast<std::uint64_t>(k));
      const std::int64_t ints[] = {1, 2, 3};
      const double flts[] = {1.5, 2.5, 3.5};
      const IrRef xyz[] = {x, y, z}, fxyz[] = {fx, fy, fz};
      for (int j = 0; j < 3; ++j) {
        EXPECT_EQ(p.ival(xyz[j]), ints[(j + k) % 3]) << "after " << k << " iterations\n"
                                                     << p.dump();
        EXPECT_EQ(p.fval(fxyz[j]), flts[(j + k) % 3]) << "after " << k << " iterations\n"
                                                      << p.dump();
      }
      EXPECT_EQ(p.ival(u), k % 2 ? 20 : 10) << "after " << k << " iterations";
      EXPECT_EQ(p.ival(w), k % 2 ? 10 : 20) << "after " << k << " iterations";
    }
  }
}

// Caller-saved registers (x86-64: rcx, rdx, rsi, rdi, r8-r10; AArch64: x0-x14) a value may
// live in.
bool caller_saved(const Loc& l) {
  if (l.kind != Loc::kGpr) return false;
  for (int r : g_backend->caller_saved_gpr) {
    if (l.index == r) return true;
  }
  return false;
}

// Enough values plus the guard's operand to fill the callee-saved registers and then six
// caller-saved ones; the guard's snapshot is their last use.
std::vector<IrRef> fill_registers(Prog& p, IrRef first) {
  std::vector<IrRef> vals = {first};
  for (int k = 1; k <= g_backend->callee_saved_gpr + 6; ++k) vals.push_back(p.int_val(k * 111));
  return vals;
}

TEST_P(EmitTest, UnboxiExitAfterTheHelperKeepsSnapshotValues) {
  Prog p;
  const IrRef x = p.sload(0);
  const std::vector<IrRef> vals = fill_registers(p, x);
  const std::uint16_t sn = p.snap(vals);
  p.ins(IrOp::UNBOXI, IrType::k_int, x, kNoRef, sn);
  p.loop();
  p.close();
  KRAIT_ASSEMBLE(p);
  int in_caller_saved = 0;
  for (IrRef v : vals) in_caller_saved += caller_saved(p.loc(v));
  ASSERT_GE(in_caller_saved, 4) << p.dump();
  // The helper call (krait_jit_unbox_int, its arguments in rdi/rsi or x0/x1) comes between the
  // values' last use and the exit that reads them.
  Slots s({py("2**64")});
  EXPECT_EQ(p.run(s.v), sn);
  EXPECT_EQ(p.obj(x), s.v[0]);
  for (std::size_t k = 1; k < vals.size(); ++k)
    EXPECT_EQ(p.ival(vals[k]), static_cast<std::int64_t>(k * 111)) << "ref " << vals[k] << "\n"
                                                                   << p.dump();
}

TEST_P(EmitTest, StlistExitAfterTheHelperKeepsSnapshotValues) {
  Prog p;
  const IrRef l = p.sload(0);
  const std::vector<IrRef> vals = fill_registers(p, l);
  const std::uint16_t sn = p.snap(vals);
  p.ins(IrOp::STLIST, IrType::k_void, p.ins(IrOp::CARG, IrType::k_void, l, p.ki(0)), p.ki(5), sn);
  p.loop();
  p.close();
  KRAIT_ASSEMBLE(p);
  Slots s({py("['refused']")});
  EXPECT_EQ(p.run(s.v), sn);
  EXPECT_EQ(p.obj(l), s.v[0]);
  for (std::size_t k = 1; k < vals.size(); ++k)
    EXPECT_EQ(p.ival(vals[k]), static_cast<std::int64_t>(k * 111)) << "ref " << vals[k] << "\n"
                                                                   << p.dump();
}

INSTANTIATE_TEST_SUITE_P(Backends, EmitTest, ::testing::Values(&kBackends[0], &kBackends[1]),
                         [](const ::testing::TestParamInfo<const Backend*>& info) {
                           return std::string(info.param->name);
                         });

}  // namespace
}  // namespace krait::jit
