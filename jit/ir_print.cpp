// The IR text dump (KRAIT_LOG=ir and the golden tests): one instruction per line,
//   NNNN [>] t OP        operands            ; note
// with `.... SNAP #n pc=P depth=D [slot=ref ...]` before the first guard a snapshot covers and
// `---- LOOP ----` at the loop marker. Pointer constants print as <ptr> in stable mode.
#include <cinttypes>
#include <cstdio>
#include <cstring>

#include "ir.h"

namespace krait::jit {

std::string ir_ref_text(const IrBuffer& buf, IrRef r, bool stable) {
  char tmp[64];
  if (r == kNoRef) return "-";
  if (!is_const(r)) {
    std::snprintf(tmp, sizeof tmp, "%04u", r);
    return tmp;
  }
  const IrConst& c = buf.konst(r);
  switch (c.type) {
    case IrType::k_int:
      std::snprintf(tmp, sizeof tmp, "#%" PRId64, c.i);
      break;
    case IrType::k_flt:
      std::snprintf(tmp, sizeof tmp, "#%.17g", c.f);
      if (std::strpbrk(tmp + 1, ".eni") == nullptr) std::strcat(tmp, ".0");  // 2.0, not 2
      break;
    case IrType::k_bool:
      std::snprintf(tmp, sizeof tmp, "#%s", c.i ? "true" : "false");
      break;
    case IrType::k_obj:
    case IrType::k_ptr: {
      // Named objects print by name: their addresses differ between runs.
      const auto* o = static_cast<PyObject*>(c.p);
      if (o == nullptr) return "#NULL";
      if (c.type == IrType::k_obj && o == Py_None) return "#None";
      if (c.type == IrType::k_obj && o == Py_True) return "#True";
      if (c.type == IrType::k_obj && o == Py_False) return "#False";
      if (c.type == IrType::k_obj && o != nullptr &&
          (PyLong_CheckExact(o) || PyFloat_CheckExact(o))) {
        // Number constants print by value (their addresses differ between runs).
        PyObject* r = PyObject_Repr(const_cast<PyObject*>(o));
        std::string text =
            std::string("#") + Py_TYPE(o)->tp_name + ":" + (r ? PyUnicode_AsUTF8(r) : "?");
        Py_XDECREF(r);
        return text;
      }
      if (c.type == IrType::k_obj && o != nullptr && PyType_Check(const_cast<PyObject*>(o))) {
        return std::string("#type:") + reinterpret_cast<const PyTypeObject*>(o)->tp_name;
      }
      if (stable) return "#<ptr>";
      std::snprintf(tmp, sizeof tmp, "#%p", c.p);
      break;
    }
    case IrType::k_void:
      return "#void";
  }
  return tmp;
}

std::string ir_dump(const IrBuffer& buf, bool stable, const char* header,
                    const std::vector<std::string>* notes) {
  std::string out;
  char line[256];
  if (header) {
    out += header;
    out += '\n';
  }
  std::size_t next_snap = 0;
  for (IrRef r = 0; r < buf.size(); ++r) {
    while (next_snap < buf.snaps.size() && buf.snaps[next_snap].ins <= r) {
      const Snapshot& s = buf.snaps[next_snap];
      std::snprintf(line, sizeof line, ".... SNAP #%zu pc=%d depth=%u%s [", next_snap, s.pc,
                    s.depth,
                    (s.flags & kSnapBreaker) ? " breaker"
                    : (s.flags & kSnapLink)  ? " link"
                                             : "");
      out += line;
      for (std::uint32_t i = 0; i < s.count; ++i) {
        const SnapEntry& e = buf.snap_entries[s.start + i];
        std::snprintf(line, sizeof line, "%s%u=%s", i ? " " : "", e.slot,
                      ir_ref_text(buf, e.ref, stable).c_str());
        out += line;
      }
      out += "]\n";
      ++next_snap;
    }
    const IrIns& in = buf.at(r);
    if (in.op == IrOp::LOOP) {
      out += "---- LOOP ----\n";
      continue;
    }
    const IrOpInfo& info = op_info(in.op);
    std::string ops;
    if (in.a != kNoRef) ops += ir_ref_text(buf, in.a, stable);
    if (in.b != kNoRef) ops += "  " + ir_ref_text(buf, in.b, stable);
    bool guard = (info.flags & kIrGuard) != 0;
    if (!guard && in.op != IrOp::PHI && in.op != IrOp::CARG) {
      if (in.op == IrOp::SLOAD || in.op == IrOp::LDFLD || in.op == IrOp::STFLD ||
          in.op == IrOp::LDELEM) {
        ops += "  +" + std::to_string(in.lit);
      }
    }
    std::snprintf(line, sizeof line, "%04u %c %c %-9s %s", r, guard ? '>' : ' ',
                  kIrTypeLetters[static_cast<int>(in.type)], info.name, ops.c_str());
    out += line;
    if (guard) out += "  @" + std::to_string(in.lit);
    if (notes && r < notes->size() && !(*notes)[r].empty()) out += "  ; " + (*notes)[r];
    out += '\n';
  }
  return out;
}

}  // namespace krait::jit
