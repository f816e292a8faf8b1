// State shared by the lowering files: the unit being built, the symbols of
// every item, and the internal ABI's argument-block layouts (docs/abi.md).
#pragma once
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>
#include "frontend/toy/lower.h"

namespace toyc::toy {

using link::ValType;

// Where a function's arguments and results sit in its argument block:
// parameters in order at their natural alignment, results from the next
// 8-byte boundary, the size rounded up to 8 (Go's ABI0 layout).
struct BlockLayout {
  std::vector<uint32_t> params, results;
  std::vector<TypeId> paramTypes, resultTypes;
  uint32_t size = 0;
};

class Lowering {
public:
  Lowering(const Program& p, const LowerOptions& opts);
  std::unique_ptr<link::Unit> run();

  // --- shared with the function lowering ---
  const Program& p;
  const TypeTable& t;
  LowerOptions opts;
  std::unique_ptr<link::Unit> unit;
  uint32_t toyType = 0;  // (i32 block) -> (): the one type of every Toy function
  uint32_t spSym = 0, tableSym = 0;

  bool ours(uint32_t module) const { return p.isRuntime(module) == opts.runtime; }
  const BlockLayout& layout(TypeId fn);
  // The symbol Toy code calls for a function item (the function itself, or
  // the internal-ABI wrapper of an import or extern function).
  uint32_t funcSym(uint32_t module, uint32_t index);
  uint32_t globalSym(uint32_t module, uint32_t index);
  // A runtime function by name (`__print_str`, `__panic_index`, ...).
  uint32_t runtimeFunc(const std::string& name);
  // The read-only header {ptr, len} of a string literal.
  uint32_t stringSym(const std::string& s);
  uint32_t heapBaseSym();
  uint32_t callCtorsSym();
  std::string str(StrId id) const { return std::string(p.names.str(id)); }
  ValType valType(TypeId ty) const;  // the wasm type of a scalar
  // The host ABI's wasm values of a Toy type (str and slices take two).
  void hostTypes(TypeId ty, std::vector<ValType>& out) const;
  bool isAggregate(TypeId ty) const;
  bool isSignedInt(TypeId ty) const;
  bool failed = false;

private:
  std::string symbolName(uint32_t module, StrId name) const;
  uint32_t symbolFlags(uint32_t module) const;
  uint32_t undefinedFunc(const std::string& name);
  void declareItems();
  void lowerGlobals();
  void lowerFunctions();
  void lowerWrappers();
  void lowerEntry();
  std::vector<std::string> runtimeHelpersUsed() const;
  void writeIndices();
  uint32_t hostType(TypeId fn);
  uint32_t dataAtom(const std::string& segment, std::vector<uint8_t> bytes, uint32_t alignLog2,
                    const std::vector<link::Reloc>& relocs, uint32_t segFlags = 0);
  bool constInit(uint32_t module, ExprId e, TypeId ty, uint32_t at, std::vector<uint8_t>& bytes,
                 std::vector<link::Reloc>& relocs);

  std::unordered_map<uint32_t, BlockLayout> layouts_;
  std::vector<std::vector<uint32_t>> funcSyms_, globalSyms_;
  std::vector<std::vector<uint32_t>> hostImportSym_;  // [module][func]: the wasm import / C symbol
  std::unordered_map<std::string, uint32_t> namedSyms_;
  std::unordered_map<std::string, uint32_t> strings_, stringBytes_;
  std::mutex mu_;  // symbols created on demand while functions lower in parallel
};

// Lowers one function body (function_lowering.cpp).
void lowerFunction(Lowering& l, uint32_t module, uint32_t index, std::vector<uint8_t>& body,
                   std::vector<link::Reloc>& relocs);

}  // namespace toyc::toy
