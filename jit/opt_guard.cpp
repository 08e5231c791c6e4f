// Known values at failed guards: when GTRUE (GFALSE) on a bool fails, the bool is false
// (true). The recorder's snapshot for a branch lists the compare result on the stack, which
// would keep the compare materialised (setcc) only for the exit; its own guard's snapshot
// takes the constant instead, so the compare feeds only the guard and the backend emits one
// compare-and-branch. A snapshot shared with other guards keeps the value.
#include "opt.h"

namespace krait::jit {

void fold_guard_bools(IrBuffer& buf) {
  const IrRef n = buf.size();
  std::vector<std::uint32_t> guards_of_snap(buf.snaps.size(), 0);
  for (IrRef i = 0; i < n; ++i) {
    const IrIns& in = buf.at(i);
    if (op_info(in.op).flags & kIrGuard) ++guards_of_snap[in.lit];
  }
  for (IrRef i = 0; i < n; ++i) {
    const IrIns& in = buf.at(i);
    if ((in.op != IrOp::GTRUE && in.op != IrOp::GFALSE) || is_const(in.a)) continue;
    if (guards_of_snap[in.lit] != 1) continue;
    const Snapshot& s = buf.snaps[in.lit];
    const IrRef known = buf.kbool(in.op == IrOp::GFALSE);
    for (std::uint32_t k = 0; k < s.count; ++k) {
      SnapEntry& e = buf.snap_entries[s.start + k];
      if (e.ref == in.a) e.ref = known;
    }
  }
}

}  // namespace krait::jit
