// Compiles one MFunc (codegen/ir.h) to a function body: structured control
// flow, operand-stack trees, locals shared by liveness, bytes and
// relocations. Thread-safe: functions are compiled in parallel, each with
// its own scratch state.
#pragma once
#include <cstdint>
#include <string>
#include <vector>
#include "codegen/ir.h"
#include "link/unit.h"

namespace toyc::codegen {

struct FuncCode {
  std::vector<uint8_t> body;          // locals header, instructions and the final `end`
  // Offsets are relative to body[0]. Indices are the MFunc's symbol
  // references (kExternBit for the frontend's own table), and for
  // TYPE_INDEX_LEB an index in MFunc::types.
  std::vector<link::Reloc> relocs;
};

// Compiles f into out (f is consumed: its instruction lists are rearranged).
void compileFunction(MFunc& f, FuncCode& out);

// The phi invariant of codegen/ir_copies.cpp: no instruction reads a phi
// on a path from a Copy that wrote it without passing through the phi's
// block. Returns what breaks it, or an empty string. compileFunction checks
// it after stackification when TOYC_VERIFY_MIR is set in the environment
// (for tests and fuzzing; the walk is quadratic in the worst case) and
// aborts with the function's name on a violation.
std::string checkPhiReads(const MFunc& f);

}  // namespace toyc::codegen
