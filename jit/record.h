// The recorder's interface to the baseline interpreter. When a loop header gets hot the
// interpreter starts a Recorder and then reports every instruction before executing it; the
// recorder emits IR specialised on the values it sees, with guards, until the loop's back-edge
// closes the trace (then it is optimized and compiled) or something unsupported aborts it.
#pragma once

#include <cstdint>

#include "code_info.h"
#include "cpython_internal.h"
#include "trace.h"

namespace krait::jit {

class Recorder;

// Starts recording the loop whose header is instruction `header` of `info`; the frame stands
// at the header with the value stack up to `sp`. nullptr when the loop must not be recorded
// (blacklisted, JIT disabled).
Recorder* record_start(PyThreadState* tstate, _PyInterpreterFrame* frame, CodeInfo* info,
                       std::int32_t header, PyObject** sp);

enum class RecordStep : std::uint8_t {
  kContinue,  // keep reporting instructions
  kStop,      // recording ended (trace compiled or aborted); the Recorder is gone
};

// Starts recording a side trace from exit `exit` of `parent`: the frame stands at instruction
// `start` (where the exit resumed) with the value stack up to `sp`. It ends at the loop header.
Recorder* record_side_start(PyThreadState* tstate, _PyInterpreterFrame* frame, CodeInfo* info,
                            Trace* parent, std::uint32_t exit, std::int32_t start, PyObject** sp);

// Reports the instruction `ip` about to execute in `frame` with the value stack up to `sp`.
RecordStep record_step(Recorder* rec, _PyInterpreterFrame* frame, const Instr* ip, PyObject** sp);

// Ends a recording that the interpreter cannot continue (the frame is leaving its loop).
void record_abort(Recorder* rec, AbortReason why);

// Runs the compiled trace of loop header `header` (which must have kInstrHasTrace) from the
// frame state at the header. On return the frame holds the exit's state; the result is the
// instruction index to resume at and *sp the new stack pointer. *breaker is set when the exit
// was the back-edge eval-breaker check (the caller must handle the eval breaker as the
// closing back-edge would).
// When an exit has become hot, *side_from is set to the trace and *side_exit to the exit to
// record a side trace from (the caller starts the recording at the returned instruction).
// *raised is set when leaving the trace ran out of memory (a number could not be boxed): the
// caller raises the pending MemoryError at the returned instruction.
std::int32_t trace_run(CodeInfo* info, std::int32_t header, _PyInterpreterFrame* frame,
                       PyObject*** sp, bool* breaker, std::int32_t* closing, Trace** side_from,
                       std::uint32_t* side_exit, bool* raised);

// Frees the traces of a code object (its CodeInfo is being freed). `finalized`: Python is
// gone, so held references are dropped without a decref.
void free_traces(CodeInfo* info, bool finalized);

}  // namespace krait::jit
