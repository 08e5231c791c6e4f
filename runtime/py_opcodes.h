// CPython 3.11 opcode metadata, generated from py_opcodes.def (itself generated from
// CPython's `opcode` module by tools/gen_py_opcodes.py). Static asserts tie every row to the
// numbers in CPython's own opcode.h, so a mismatched Python fails the build.
#pragma once

#include <Python.h>
#include <opcode.h>

#include <cstdint>

namespace krait {

enum JumpKind : std::uint8_t { kJumpNone, kJumpForward, kJumpBackward };

struct PyOpInfo {
  const char* name;       // nullptr for unused numbers
  std::uint8_t has_arg;
  JumpKind jump;
  std::uint8_t caches;    // inline CACHE code units following the instruction
  std::uint8_t base;      // un-specialized opcode
};

inline constexpr PyOpInfo kPyOps[256] = {
#define X(name, num, has_arg, jump, caches, base) {#name, has_arg, jump, caches, base},
#define U(num) {nullptr, 0, kJumpNone, 0, num},
#include "py_opcodes.def"
#undef X
#undef U
};

#define X(name, num, has_arg, jump, caches, base) \
  static_assert(name == num, "py_opcodes.def disagrees with opcode.h about " #name);
#define U(num)
#include "py_opcodes.def"
#undef X
#undef U

inline const char* py_op_name(int op) {
  const char* n = kPyOps[op & 255].name;
  return n ? n : "<unused>";
}

}  // namespace krait
