// Pre-decoding of CPython 3.11 bytecode for the baseline interpreter (see code_info.h).
#include "code_info.h"
#include "record.h"

#include "cpython_internal.h"

#include <new>

#include "krait/stats.h"
#include "py_opcodes.h"

namespace krait {

namespace {

CodeInfo* g_all_infos = nullptr;

void free_extra(void* p) {
  if (p != nullptr && !is_call_count(p)) free_code_info(static_cast<CodeInfo*>(p));
}

bool request_extra_index() {
  if (g_code_extra_index < 0) g_code_extra_index = _PyEval_RequestCodeExtraIndex(free_extra);
  return g_code_extra_index >= 0;
}

// Sets Krait's slot of `code` to `value`. As _PyCode_SetExtra, but when the code has no
// co_extra yet the array is sized for our index only: _PyCode_SetExtra would size it for
// every registered user, and code_dealloc calls each user's free function for every slot
// (NULL included), so other co_extra users would see calls for every code object Krait
// touched, which stock CPython does not make.
bool set_extra_slot(PyCodeObject* code, void* value) {
  if (code->co_extra == nullptr) {
    auto* extra = static_cast<CoExtraLayout*>(
        PyMem_Malloc(sizeof(CoExtraLayout) + g_code_extra_index * sizeof(void*)));
    if (extra == nullptr) return false;
    extra->ce_size = g_code_extra_index + 1;
    for (Py_ssize_t i = 0; i <= g_code_extra_index; ++i) extra->ce_extras[i] = nullptr;
    extra->ce_extras[g_code_extra_index] = value;
    code->co_extra = extra;
    return true;
  }
  if (_PyCode_SetExtra(reinterpret_cast<PyObject*>(code), g_code_extra_index, value) < 0) {
    PyErr_Clear();
    return false;
  }
  return true;
}

#define XOP(xname, number)                                       \
  static_assert(kPyOps[number].name == nullptr && number != 255, \
                "xop " xname " takes a number CPython 3.11 uses");
#define XOP_PAIR(xname, number, first, second) XOP(#xname, number)
#define XOP_BINARY(xname, number, operator) XOP(#xname, number)
#define XOP_COMPARE(xname, number, operator, jump_if) XOP(#xname, number)
#define XOP_TRIPLE(xname, number, first, second, third) XOP(#xname, number)
#include "interp_xops.def"
#undef XOP_PAIR
#undef XOP_BINARY
#undef XOP_COMPARE
#undef XOP_TRIPLE
#undef XOP

// Chooses each instruction's dispatch form (Instr::xop): a BINARY_OP handler per operator, a
// COMPARE_OP handler per operator and following conditional jump, and a super-instruction where a
// local/constant load or local store is followed by another.
void assign_xops(CodeInfo* info) {
  auto& ins = info->instrs;
  for (std::size_t i = 0; i < ins.size(); ++i) {
    Instr& in = ins[i];
    in.xop = in.op;
    if (in.op == BINARY_OP) {
#define XOP_PAIR(name, number, first, second)
#define XOP_BINARY(name, number, operator) \
  if (in.arg == NB_##operator|| in.arg == NB_INPLACE_##operator) in.xop = kXOp_##name;
#include "interp_xops.def"
#undef XOP_PAIR
#undef XOP_BINARY
      continue;
    }
    if (i + 1 >= ins.size()) continue;
    const int next = ins[i + 1].op;
    if (in.op == COMPARE_OP) {
#define XOP_PAIR(name, number, first, second)
#define XOP_BINARY(name, number, operator)
#define XOP_COMPARE(name, number, operator, jump_if)                          \
  if ((in.arg == (Py_##operator)) &&                                          \
      (next == ((jump_if) ? POP_JUMP_FORWARD_IF_TRUE : POP_JUMP_FORWARD_IF_FALSE))) \
    in.xop = kXOp_##name;
#include "interp_xops.def"
#undef XOP_PAIR
#undef XOP_BINARY
#undef XOP_COMPARE
      continue;
    }
#define XOP_PAIR(name, number, first, second) \
  if (in.op == (first) && next == (second)) in.xop = kXOp_##name;
#define XOP_BINARY(name, number, operator)
#define XOP_TRIPLE(name, number, first, second, third)                          \
  if (in.op == (first) && next == (second) && i + 2 < ins.size() && ins[i + 2].op == (third)) \
    in.xop = kXOp_##name;
#include "interp_xops.def"
#undef XOP_PAIR
#undef XOP_BINARY
#undef XOP_TRIPLE
  }
}

}  // namespace

Py_ssize_t g_code_extra_index = -1;

CodeInfo* decode_code(PyCodeObject* code) {
  // PyCode_GetCode gives the un-specialized bytes: CPython quickens co_code_adaptive in
  // place, and specialized forms must not leak into our decoding.
  PyObject* bytes = PyCode_GetCode(code);
  if (!bytes) {
    PyErr_Clear();
    return nullptr;
  }
  const auto* units = reinterpret_cast<const std::uint16_t*>(PyBytes_AS_STRING(bytes));
  Py_ssize_t n = PyBytes_GET_SIZE(bytes) / 2;
  auto* info = new (mem_alloc(sizeof(CodeInfo))) CodeInfo();
  info->next = g_all_infos;
  if (g_all_infos) g_all_infos->prev = info;
  g_all_infos = info;
  info->index_of_unit.assign(static_cast<std::size_t>(n), -1);
  std::uint32_t ext = 0;
  Py_ssize_t start = 0;
  for (Py_ssize_t i = 0; i < n;) {
    int op = units[i] & 0xff;  // little-endian code units: opcode in the low byte
    std::uint32_t arg = units[i] >> 8;
    if (op == EXTENDED_ARG) {
      ext = (ext | arg) << 8;
      ++i;
      continue;
    }
    Instr ins{};
    ins.op = kPyOps[op].base;
    ins.arg = static_cast<std::int32_t>(ext | arg);
    ins.offset = static_cast<std::uint32_t>(i);
    ins.start = static_cast<std::uint32_t>(start);
    ins.target = -1;
    ins.cache = kNoCache;
    const int ways = ins.op == LOAD_GLOBAL || ins.op == CALL ? 1
                     : (ins.op == LOAD_ATTR || ins.op == LOAD_METHOD || ins.op == STORE_ATTR)
                         ? kCacheWays
                         : 0;
    if (ways > 0 && info->caches.size() + ways <= kNoCache) {
      ins.cache = static_cast<std::uint16_t>(info->caches.size());
      info->caches.resize(info->caches.size() + ways, KraitCache{});
    }
    std::int32_t index = static_cast<std::int32_t>(info->instrs.size());
    info->index_of_unit[start] = index;
    info->index_of_unit[i] = index;
    info->instrs.push_back(ins);
    i += 1 + kPyOps[ins.op].caches;
    ext = 0;
    start = i;
  }
  Py_DECREF(bytes);
  // Jumps are relative to the unit after the instruction (jumping instructions have no
  // caches in 3.11); a target may be the first EXTENDED_ARG of its instruction group.
  for (Instr& ins : info->instrs) {
    JumpKind kind = kPyOps[ins.op].jump;
    if (kind == kJumpNone) continue;
    std::int64_t to = static_cast<std::int64_t>(ins.offset) + 1 +
                      (kind == kJumpForward ? ins.arg : -static_cast<std::int64_t>(ins.arg));
    std::int32_t target = info->index_at(to);
    if (target < 0) {
      // Malformed bytecode: never guess, leave the code to CPython.
      free_code_info(info);
      return nullptr;
    }
    ins.target = target;
    if (kind == kJumpBackward) {
      info->instrs[target].flags |= kInstrLoopHeader;
      info->has_loop = true;
    }
  }
  assign_xops(info);
  // co_exceptiontable: entries of four varints (start, size, target, depth << 1 | lasti),
  // 6 value bits per byte, 0x40 = more bytes follow, 0x80 marks an entry's first byte.
  {
    const auto* p =
        reinterpret_cast<const unsigned char*>(PyBytes_AS_STRING(code->co_exceptiontable));
    const unsigned char* end = p + PyBytes_GET_SIZE(code->co_exceptiontable);
    auto varint = [&](std::uint32_t* out) {
      if (p >= end) return false;
      std::uint32_t v = *p & 63;
      while (*p++ & 64) {
        if (p >= end) return false;
        v = (v << 6) | (*p & 63);
      }
      *out = v;
      return true;
    };
    while (p < end) {
      std::uint32_t start_unit, size, target, depth_lasti;
      if (!varint(&start_unit) || !varint(&size) || !varint(&target) || !varint(&depth_lasti)) {
        free_code_info(info);
        return nullptr;
      }
      std::int32_t handler = info->index_at(target);
      if (handler < 0) {
        free_code_info(info);
        return nullptr;
      }
      info->exception_table.push_back(ExceptionEntry{start_unit, start_unit + size, handler,
                                                     static_cast<std::uint16_t>(depth_lasti >> 1),
                                                     static_cast<std::uint8_t>(depth_lasti & 1)});
    }
  }
  bump(Stat::k_interp_codes_decoded);
  return info;
}

namespace {
bool g_finalized = false;
}

void free_code_info(CodeInfo* info) {
  if (!info) return;
  if (!info->traces.empty()) jit::free_traces(info, g_finalized);
  if (info->prev)
    info->prev->next = info->next;
  else
    g_all_infos = info->next;
  if (info->next) info->next->prev = info->prev;
  info->~CodeInfo();
  mem_free(info);
}

void for_each_code_info(void (*fn)(CodeInfo*, void*), void* ctx) {
  for (CodeInfo* i = g_all_infos; i != nullptr; i = i->next) fn(i, ctx);
}

void free_all_code_infos() {
  g_finalized = true;  // after Python's finalization: no decrefs any more
  while (g_all_infos) free_code_info(g_all_infos);
}

CodeInfo* code_info_slow(PyCodeObject* code) {
  if (!request_extra_index()) return nullptr;
  void* slot = code_extra_slot(code);
  if (slot != nullptr && !is_call_count(slot)) return static_cast<CodeInfo*>(slot);
  CodeInfo* info = decode_code(code);
  if (!info) return nullptr;
  if (!set_extra_slot(code, info)) {
    free_code_info(info);
    return nullptr;
  }
  return info;
}

bool code_has_backward_jump(PyCodeObject* code) {
  // co_code_adaptive may be quickened: map every unit to its base opcode and skip caches.
  const _Py_CODEUNIT* units = _PyCode_CODE(code);
  const Py_ssize_t n = Py_SIZE(code);
  for (Py_ssize_t i = 0; i < n; i += 1 + kPyOps[kPyOps[_Py_OPCODE(units[i])].base].caches) {
    if (kPyOps[kPyOps[_Py_OPCODE(units[i])].base].jump == kJumpBackward) return true;
  }
  return false;
}

bool count_call(PyCodeObject* code, std::uint32_t threshold) {
  if (!request_extra_index()) return false;
  void* slot = code_extra_slot(code);
  std::uintptr_t calls = slot == nullptr ? 0 : reinterpret_cast<std::uintptr_t>(slot) >> 1;
  if (++calls > threshold) return true;
  set_extra_slot(code, reinterpret_cast<void*>(calls << 1 | 1));
  return false;
}

}  // namespace krait
