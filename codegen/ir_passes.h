// State shared by the passes of codegen/ir_compile (not a public interface).
#pragma once
#include <cstdint>
#include <vector>
#include "codegen/ir.h"
#include "codegen/ir_compile.h"
#include "codegen/structurize.h"

namespace toyc::codegen {

struct FuncState {
  MFunc* f = nullptr;
  Structured st;
  std::vector<uint8_t> reachable;   // per block
  std::vector<uint32_t> useCount;   // per value: operand uses in reachable, live instructions
  std::vector<uint32_t> parent;     // per value in a tree: the instruction that consumes it
  std::vector<uint32_t> slot;       // ... and at which operand
  std::vector<uint32_t> pos;        // per instruction: position of its tree's root
  std::vector<uint32_t> local;      // per value: wasm local index, or kNoValue
  std::vector<link::ValType> localTypes;  // locals after the parameters
  uint32_t labelLocal = kNoValue;   // dispatch variable of irreducible regions

  bool inTree(uint32_t v) const { return parent[v] != kNoValue; }
  // Sources of a Copy are its first half of operands.
  static uint32_t usedOps(const MInst& i) { return i.op == OpCopy ? i.numOps / 2 : i.numOps; }
};

void removeDeadCode(FuncState& s);
// Edge copies into the branching block where no read can see them early
// (codegen/ir_copies.cpp), after removeDeadCode.
void mergeEdgeCopies(FuncState& s);
// Loop-invariant code motion and local common-subexpression elimination
// (codegen/ir_licm.cpp), after removeDeadCode.
void hoistAndCse(FuncState& s);
// Operand uses per value (FuncState::useCount), once the instructions are final.
void countUses(FuncState& s);
void stackify(FuncState& s);
void allocateLocals(FuncState& s);
void emitFunction(FuncState& s, FuncCode& out);

}  // namespace toyc::codegen
