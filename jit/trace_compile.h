// The trace lifecycle behind the recorder (jit/trace.cpp): compile a closed recording
// (peel → DCE → register allocation → assemble), register it on its loop header, count
// aborts with backoff and blacklisting, retire traces whose exits keep firing.
#pragma once

#include <vector>

#include "code_info.h"
#include "opt.h"
#include "trace.h"

namespace krait::jit {

bool jit_usable();
volatile int* jit_eval_breaker_addr();
bool compile_trace(Trace& t, Emitter& em, const std::vector<IrRef>& end_slots, CodeInfo* info,
                   AbortReason* fail, const char** why);
void register_trace(CodeInfo* info, Trace* t);
void register_side_trace(Trace* t);
void note_side_abort(Trace* parent, std::uint32_t exit, AbortReason why, int op);
void note_abort(CodeInfo* info, std::int32_t header, AbortReason why, int op, PyCodeObject* code);
bool loop_blacklisted(CodeInfo* info, std::int32_t header);
// Drops the trace of `header` (its exits fire instead of its loop running); the loop may be
// recorded again after its counter passes the threshold anew, a few times at most.
void retire_trace(CodeInfo* info, std::int32_t header);
void delete_trace(Trace* t, bool finalized);
// krait.traces(): a list with one dict per live trace (root and side), or nullptr with an
// exception set.
PyObject* traces_info();

}  // namespace krait::jit
