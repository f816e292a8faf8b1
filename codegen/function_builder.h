// Builds one function atom: the frontends (Toy, LLVM IR) emit instructions
// here and the builder records a relocation at every immediate that names a
// symbol (padded to 5 bytes, as tool-conventions requires of relocatable
// code), counts locals into compressed runs, and hands back a FuncAtom with
// its relocations relative to the body start. It knows the wasm encoding,
// not the frontends' languages.
#pragma once
#include <cstdint>
#include <optional>
#include <vector>
#include "link/unit.h"

namespace toyc::codegen {

using link::Reloc;
using link::RelocType;
using link::Unit;
using link::ValType;

class FunctionBuilder {
public:
  // `type` is a unit type index; parameters are locals 0..n-1.
  FunctionBuilder(Unit& unit, uint32_t type);

  uint32_t addLocal(ValType t);
  uint32_t numParams() const { return numParams_; }

  // Plain instructions (opcodes from link/opcodes.def) and immediates.
  void op(uint8_t opcode) { code_.push_back(opcode); }
  void opFC(uint32_t sub);
  void i32Const(int32_t v);
  void i64Const(int64_t v);
  void f32Const(float v);
  void f64Const(double v);
  void localGet(uint32_t i) { opU32(0x20, i); }
  void localSet(uint32_t i) { opU32(0x21, i); }
  void localTee(uint32_t i) { opU32(0x22, i); }
  // An i32.const whose value is known only later (a frame size): padded to
  // 5 bytes; returns its position for patchI32Const.
  uint32_t i32ConstLater();
  void patchI32Const(uint32_t at, int32_t v);
  // Bulk memory (dst, src/value, n on the stack) and the memory's size.
  void memoryCopy() { opFC(10), code_.push_back(0), code_.push_back(0); }
  void memoryFill() { opFC(11), code_.push_back(0); }
  void memorySize() { code_.push_back(0x3f), code_.push_back(0); }
  void memoryGrow() { code_.push_back(0x40), code_.push_back(0); }
  // Memory access: `opcode` is a load or store, alignLog2 its alignment.
  void memOp(uint8_t opcode, uint32_t alignLog2, uint32_t offset);
  // ... whose offset is the address of a data symbol plus addend.
  void memOpAt(uint8_t opcode, uint32_t alignLog2, uint32_t dataSym, int32_t addend = 0);

  // Control flow. Block types: a single result type, or none.
  void block(std::optional<ValType> result = std::nullopt) { blockLike(0x02, result); }
  void loop(std::optional<ValType> result = std::nullopt) { blockLike(0x03, result); }
  void ifThen(std::optional<ValType> result = std::nullopt) { blockLike(0x04, result); }
  void elseThen() { code_.push_back(0x05); }
  void end() { code_.push_back(0x0b); }
  void br(uint32_t depth) { opU32(0x0c, depth); }
  void brIf(uint32_t depth) { opU32(0x0d, depth); }
  void brTable(const std::vector<uint32_t>& targets, uint32_t dflt);
  void ret() { code_.push_back(0x0f); }

  // Instructions that name symbols (relocated).
  void call(uint32_t funcSym);                                // FUNCTION_INDEX_LEB
  void callIndirect(uint32_t type, uint32_t tableSym);        // TYPE_INDEX_LEB, TABLE_NUMBER_LEB
  void globalGet(uint32_t globalSym);                         // GLOBAL_INDEX_LEB
  void globalSet(uint32_t globalSym);
  void dataAddress(uint32_t dataSym, int32_t addend = 0);     // i32.const, MEMORY_ADDR_SLEB
  void functionAddress(uint32_t funcSym);                     // i32.const, TABLE_INDEX_SLEB

  // Appends the atom (with the function's final `end`, which callers do not
  // emit) to the unit and returns its defined-function index.
  uint32_t finish();
  // The same atom's body and relocations, for a caller that appends atoms
  // itself (functions lowered in parallel, appended in order).
  void finishDetached(std::vector<uint8_t>& body, std::vector<Reloc>& relocs);

private:
  void opU32(uint8_t opcode, uint32_t v);
  void blockLike(uint8_t opcode, std::optional<ValType> result);
  // A 5-byte padded LEB with a relocation at its first byte.
  void relocatedU32(RelocType type, uint32_t index, int32_t addend = 0);
  void relocatedS32(RelocType type, uint32_t index, int32_t addend = 0);

  Unit& unit_;
  uint32_t type_;
  uint32_t numParams_;
  std::vector<ValType> locals_;  // beyond the parameters
  std::vector<uint8_t> code_;    // instructions, without the locals header
  std::vector<Reloc> relocs_;    // offsets relative to code_
};

}  // namespace toyc::codegen
