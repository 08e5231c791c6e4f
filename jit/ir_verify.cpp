// IR invariants, checked after optimization (always: it is cheap next to compilation):
// operands defined before use, snapshot numbers and entries valid, operand types matching
// what each op computes on.
#include <string>

#include "ir.h"

namespace krait::jit {
bool ir_operand_accepts(char letter, IrType t, bool is_carg) {
  switch (letter) {
    case 'i':
      return t == IrType::k_int;
    case 'f':
      return t == IrType::k_flt;
    case 'b':
      return t == IrType::k_bool;
    case 'o':
      return t == IrType::k_obj;
    case 'p':
      return t == IrType::k_ptr;
    case 'a':
      return t == IrType::k_obj || t == IrType::k_ptr;
    case 'c':
      return is_carg;
    default:
      return true;
  }
}

std::string ir_verify(const IrBuffer& buf) {
  auto bad = [](IrRef i, const std::string& what) {
    return "ref " + std::to_string(i) + ": " + what;
  };
  for (IrRef i = 0; i < buf.size(); ++i) {
    const IrIns& in = buf.at(i);
    const char* want = op_info(in.op).operands;
    const IrRef ops[2] = {in.a, in.b};
    for (int k = 0; k < 2; ++k) {
      const IrRef r = ops[k];
      if (r == kNoRef) {
        if (want[k] != '-' && want[k] != '.') return bad(i, "missing operand");
        continue;
      }
      if (want[k] == '-') return bad(i, "unexpected operand");
      if (is_const(r)) {
        if ((r & ~kConstBit) >= buf.consts.size()) return bad(i, "bad constant");
      } else if (r >= buf.size() || (r >= i && in.op != IrOp::PHI)) {
        return bad(i, "operand not defined before use");
      }
      if (!ir_operand_accepts(want[k], buf.type_of(r),
                              !is_const(r) && buf.at(r).op == IrOp::CARG)) {
        return bad(i, std::string("operand of the wrong type for ") + op_info(in.op).name);
      }
    }
    // Operands the backends read as constants.
    auto konst = [&](IrRef r, IrType t) { return is_const(r) && buf.type_of(r) == t; };
    if ((in.op == IrOp::GTYPE && !konst(in.b, IrType::k_obj)) ||
        (in.op == IrOp::GKEYS && !konst(in.b, IrType::k_int)) ||
        ((in.op == IrOp::SSTORE || in.op == IrOp::NEWLIST) && !konst(in.a, IrType::k_int)) ||
        (in.op == IrOp::GBREAK && !konst(in.a, IrType::k_ptr)) ||
        (in.op == IrOp::SAR &&
         (!konst(in.b, IrType::k_int) || static_cast<std::uint64_t>(buf.konst(in.b).i) > 63))) {
      return bad(i, std::string(op_info(in.op).name) + " needs a constant operand");
    }
    if (op_has(in.op, kIrGuard)) {
      if (in.lit >= buf.snaps.size()) return bad(i, "guard without a snapshot");
      const Snapshot& s = buf.snaps[in.lit];
      for (std::uint32_t k = 0; k < s.count; ++k) {
        IrRef r = buf.snap_entries[s.start + k].ref;
        if (r == kNoRef) return bad(i, "snapshot entry without a value");
        if (!is_const(r) && r >= i) return bad(i, "snapshot names a later value");
        if (buf.snap_entries[s.start + k].slot >= s.depth)
          return bad(i, "snapshot slot above its depth");
      }
    }
    if (in.op == IrOp::PHI && (buf.loop == kNoRef || in.a >= buf.loop))
      return bad(i, "PHI of a body value");
  }
  return "";
}

}  // namespace krait::jit
