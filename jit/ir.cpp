// IrBuffer: constant interning, raw instruction append and snapshot storage.
#include "ir.h"

#include <cstring>

namespace krait::jit {
namespace {
IrRef intern(IrBuffer& buf, IrConst c) {
  for (std::size_t i = 0; i < buf.consts.size(); ++i) {
    const IrConst& k = buf.consts[i];
    // Bitwise comparison: 0.0 and -0.0 (and NaNs of different payloads) stay distinct.
    if (k.type == c.type && std::memcmp(&k.i, &c.i, sizeof k.i) == 0) {
      return static_cast<IrRef>(i) | kConstBit;
    }
  }
  buf.consts.push_back(c);
  return static_cast<IrRef>(buf.consts.size() - 1) | kConstBit;
}
}  // namespace

IrRef IrBuffer::kint(std::int64_t v) {
  IrConst c{IrType::k_int, {}};
  c.i = v;
  return intern(*this, c);
}
IrRef IrBuffer::kflt(double v) {
  IrConst c{IrType::k_flt, {}};
  c.i = 0;
  c.f = v;
  return intern(*this, c);
}
IrRef IrBuffer::kbool(bool v) {
  IrConst c{IrType::k_bool, {}};
  c.i = v ? 1 : 0;
  return intern(*this, c);
}
IrRef IrBuffer::kobj(const void* p) {
  IrConst c{IrType::k_obj, {}};
  c.i = 0;
  c.p = const_cast<void*>(p);
  return intern(*this, c);
}
IrRef IrBuffer::kptr(const void* p) {
  IrConst c{IrType::k_ptr, {}};
  c.i = 0;
  c.p = const_cast<void*>(p);
  return intern(*this, c);
}

IrRef IrBuffer::append(IrOp op, IrType type, IrRef a, IrRef b, std::uint16_t lit) {
  ins.push_back(IrIns{op, type, lit, a, b});
  return static_cast<IrRef>(ins.size() - 1);
}

std::uint16_t IrBuffer::add_snapshot(std::int32_t pc, std::uint16_t depth, const SnapEntry* e,
                                     std::uint32_t n, std::uint8_t flags) {
  Snapshot s;
  s.ins = size();
  s.pc = pc;
  s.depth = depth;
  s.flags = flags;
  s.start = static_cast<std::uint32_t>(snap_entries.size());
  s.count = n;
  snap_entries.insert(snap_entries.end(), e, e + n);
  snaps.push_back(s);
  return static_cast<std::uint16_t>(snaps.size() - 1);
}

void IrBuffer::clear() {
  ins.clear();
  consts.clear();
  snaps.clear();
  snap_entries.clear();
  loop = kNoRef;
}

}  // namespace krait::jit
