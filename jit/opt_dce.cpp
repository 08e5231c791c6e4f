// Dead-code elimination: drops pure instructions and loads whose values nothing uses (no
// instruction, no snapshot of a live guard), then renumbers refs, snapshots and the LOOP mark.
#include "opt.h"

namespace krait::jit {

std::vector<IrRef> dce(IrBuffer& buf, std::vector<IrRef>* extra_live) {
  const IrRef n = buf.size();
  std::vector<std::uint8_t> live(n, 0);
  auto mark = [&](IrRef r) {
    if (r != kNoRef && !is_const(r)) live[r] = 1;
  };
  if (extra_live) {
    for (IrRef r : *extra_live) mark(r);
  }
  for (IrRef i = n; i-- > 0;) {
    const IrIns& in = buf.at(i);
    const std::uint8_t f = op_info(in.op).flags;
    if (f & (kIrGuard | kIrEffect | kIrStore)) live[i] = 1;
    if (!live[i]) continue;
    mark(in.a);
    mark(in.b);
    if (f & kIrGuard) {
      const Snapshot& s = buf.snaps[in.lit];
      for (std::uint32_t k = 0; k < s.count; ++k) mark(buf.snap_entries[s.start + k].ref);
    }
  }
  std::vector<IrRef> map(n, kNoRef);
  IrRef out = 0;
  for (IrRef i = 0; i < n; ++i) {
    if (live[i]) map[i] = out++;
  }
  if (out == n) return map;
  auto remap = [&](IrRef r) { return (r == kNoRef || is_const(r)) ? r : map[r]; };
  for (IrRef i = 0; i < n; ++i) {
    if (!live[i]) continue;
    IrIns in = buf.ins[i];
    in.a = remap(in.a);
    in.b = remap(in.b);
    buf.ins[map[i]] = in;
  }
  for (Snapshot& s : buf.snaps) {
    IrRef at = s.ins;
    while (at < n && !live[at]) ++at;
    s.ins = at < n ? map[at] : out;
    for (std::uint32_t k = 0; k < s.count; ++k) {
      SnapEntry& e = buf.snap_entries[s.start + k];
      e.ref = remap(e.ref);
    }
  }
  if (buf.loop != kNoRef) buf.loop = map[buf.loop];
  if (extra_live) {
    for (IrRef& r : *extra_live) r = remap(r);
  }
  buf.ins.resize(out);
  return map;
}

}  // namespace krait::jit
