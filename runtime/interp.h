// The baseline interpreter's interface (interp.cpp).
//
// Entering and resuming: interp_eval_frame runs a frame from where CPython's own state says it
// stands: the instruction after frame->prev_instr, with the value stack up to
// frame->stacktop. That one convention serves every entry: a new frame (prev_instr before the
// first instruction), a generator resumed after its YIELD_VALUE, and — for the tracing JIT —
// a frame whose compiled loop exited: a deoptimizing trace writes the boxed locals and stack
// into the frame, sets stacktop and prev_instr to (first EXTENDED_ARG of the resume
// instruction) - 1, and the interpreter continues there (the KRAIT_INTERP_CHAOS test mode
// does exactly this at random instructions). Loop headers count back-edges and call
// on_hot_loop() at the threshold; compiled code will be entered there.
#pragma once

#include <cstdint>

#include "code_info.h"
#include "cpython_internal.h"

#define KRAIT_UNLIKELY(x) __builtin_expect(!!(x), 0)

namespace krait {

PyObject* interp_eval_frame(PyThreadState* tstate, _PyInterpreterFrame* frame, CodeInfo* info);

// Whether the interpreter implements `opcode` (a base opcode) rather than handing it over.
bool interp_implements(int opcode);

// The hot-loop entry point: loop header `header` (an instruction index) of `info` passed
// KRAIT_HOT_LOOP back-edges. The tracing JIT starts recording here.
void on_hot_loop(_PyInterpreterFrame* frame, CodeInfo* info, std::int32_t header);

// Hand-offs to CPython, by the opcode at which they happened (reported by krait.stats()).
extern std::uint64_t g_handoffs_by_op[256];

void interp_set_chaos_seed(std::uint64_t seed);

}  // namespace krait
