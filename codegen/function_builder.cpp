#include "codegen/function_builder.h"
#include <cstring>
#include "link/leb128.h"

namespace toyc::codegen {

using namespace toyc::wasm;

FunctionBuilder::FunctionBuilder(Unit& unit, uint32_t type)
    : unit_(unit), type_(type), numParams_(uint32_t(unit.types[type].params.size())) {}

uint32_t FunctionBuilder::addLocal(ValType t) {
  locals_.push_back(t);
  return numParams_ + uint32_t(locals_.size()) - 1;
}

void FunctionBuilder::opU32(uint8_t opcode, uint32_t v) {
  code_.push_back(opcode);
  appendUleb(code_, v);
}

void FunctionBuilder::opFC(uint32_t sub) {
  code_.push_back(0xfc);
  appendUleb(code_, sub);
}

void FunctionBuilder::i32Const(int32_t v) {
  code_.push_back(0x41);
  appendSleb(code_, v);
}

void FunctionBuilder::i64Const(int64_t v) {
  code_.push_back(0x42);
  appendSleb(code_, v);
}

uint32_t FunctionBuilder::i32ConstLater() {
  code_.push_back(0x41);
  uint32_t at = uint32_t(code_.size());
  code_.resize(at + 5);
  writeSlebPadded(code_.data() + at, 0, 5);
  return at;
}

void FunctionBuilder::patchI32Const(uint32_t at, int32_t v) { writeSlebPadded(code_.data() + at, v, 5); }

void FunctionBuilder::f32Const(float v) {
  code_.push_back(0x43);
  uint8_t b[4];
  std::memcpy(b, &v, 4);
  code_.insert(code_.end(), b, b + 4);
}

void FunctionBuilder::f64Const(double v) {
  code_.push_back(0x44);
  uint8_t b[8];
  std::memcpy(b, &v, 8);
  code_.insert(code_.end(), b, b + 8);
}

void FunctionBuilder::memOp(uint8_t opcode, uint32_t alignLog2, uint32_t offset) {
  code_.push_back(opcode);
  appendUleb(code_, alignLog2);
  appendUleb(code_, offset);
}

void FunctionBuilder::memOpAt(uint8_t opcode, uint32_t alignLog2, uint32_t dataSym, int32_t addend) {
  code_.push_back(opcode);
  appendUleb(code_, alignLog2);
  relocatedU32(RelocType::MEMORY_ADDR_LEB, dataSym, addend);
}

void FunctionBuilder::blockLike(uint8_t opcode, std::optional<ValType> result) {
  code_.push_back(opcode);
  code_.push_back(result ? uint8_t(*result) : 0x40);
}

void FunctionBuilder::brTable(const std::vector<uint32_t>& targets, uint32_t dflt) {
  code_.push_back(0x0e);
  appendUleb(code_, targets.size());
  for (uint32_t t : targets) appendUleb(code_, t);
  appendUleb(code_, dflt);
}

void FunctionBuilder::relocatedU32(RelocType type, uint32_t index, int32_t addend) {
  relocs_.push_back({type, uint32_t(code_.size()), index, addend});
  size_t at = code_.size();
  code_.resize(at + 5);
  writeUlebPadded(code_.data() + at, 0, 5);
}

void FunctionBuilder::relocatedS32(RelocType type, uint32_t index, int32_t addend) {
  relocs_.push_back({type, uint32_t(code_.size()), index, addend});
  size_t at = code_.size();
  code_.resize(at + 5);
  writeSlebPadded(code_.data() + at, 0, 5);
}

void FunctionBuilder::call(uint32_t funcSym) {
  code_.push_back(0x10);
  relocatedU32(RelocType::FUNCTION_INDEX_LEB, funcSym);
}

void FunctionBuilder::callIndirect(uint32_t type, uint32_t tableSym) {
  code_.push_back(0x11);
  relocatedU32(RelocType::TYPE_INDEX_LEB, type);
  relocatedU32(RelocType::TABLE_NUMBER_LEB, tableSym);
}

void FunctionBuilder::globalGet(uint32_t globalSym) {
  code_.push_back(0x23);
  relocatedU32(RelocType::GLOBAL_INDEX_LEB, globalSym);
}

void FunctionBuilder::globalSet(uint32_t globalSym) {
  code_.push_back(0x24);
  relocatedU32(RelocType::GLOBAL_INDEX_LEB, globalSym);
}

void FunctionBuilder::dataAddress(uint32_t dataSym, int32_t addend) {
  code_.push_back(0x41);
  relocatedS32(RelocType::MEMORY_ADDR_SLEB, dataSym, addend);
}

void FunctionBuilder::functionAddress(uint32_t funcSym) {
  code_.push_back(0x41);
  relocatedS32(RelocType::TABLE_INDEX_SLEB, funcSym);
}

void FunctionBuilder::finishDetached(std::vector<uint8_t>& body, std::vector<Reloc>& relocs) {
  // Locals header: runs of equal types.
  body.clear();
  std::vector<std::pair<uint32_t, ValType>> runs;
  for (ValType t : locals_) {
    if (!runs.empty() && runs.back().second == t) ++runs.back().first;
    else runs.push_back({1, t});
  }
  appendUleb(body, runs.size());
  for (auto [n, t] : runs) {
    appendUleb(body, n);
    body.push_back(uint8_t(t));
  }
  uint32_t header = uint32_t(body.size());
  body.insert(body.end(), code_.begin(), code_.end());
  body.push_back(0x0b);  // the function's own end
  relocs = std::move(relocs_);
  for (Reloc& r : relocs) r.offset += header;
}

uint32_t FunctionBuilder::finish() {
  std::vector<uint8_t> body;
  std::vector<Reloc> relocs;
  finishDetached(body, relocs);
  link::FuncAtom atom;
  atom.type = type_;
  atom.body = unit_.own(std::move(body));
  atom.relocs = unit_.addRelocs(relocs);
  unit_.funcs.push_back(atom);
  return uint32_t(unit_.funcs.size() - 1);
}

}  // namespace toyc::codegen
