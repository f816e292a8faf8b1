// The atom model: the one vocabulary between frontends, object files and the
// linker. A Unit is what one object file (or one in-memory compilation)
// contributes: function, data, global, table and custom-section atoms, the
// symbols that name them, and the relocations inside their bytes.
//
// Index spaces follow tool-conventions Linking.md so that reading and writing
// objects is a direct mapping: in a unit, function index i < funcImports.size()
// names an import, and i - funcImports.size() a defined FuncAtom (likewise for
// globals, tables and tags). Symbols refer to those unit indices; relocations
// refer to unit symbol indices (or, for TYPE_INDEX_LEB, unit type indices).
// Relocation offsets are relative to the first byte of their atom: a function
// body after its size field, a data segment's contents, a custom section's
// contents after its name.
#pragma once
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <vector>
#include "link/wasm_defs.h"
#include "utils/index.h"
#include "utils/intern.h"

namespace toyc::link {

using Bytes = std::span<const uint8_t>;
using wasm::RelocType;
using wasm::SymKind;
using wasm::ValType;

struct FuncType {
  std::vector<ValType> params, results;
  friend bool operator==(const FuncType&, const FuncType&) = default;
};
std::string toString(const FuncType& t);  // "(i32, i64) -> f32"
// The exact encoding of a signature, as a key for interning.
std::string typeKey(const FuncType& t);

struct Limits {
  uint8_t flags = 0;  // wasm::kLimits*
  uint64_t min = 0, max = 0;
  bool hasMax() const { return flags & wasm::kLimitsHasMax; }
};

struct Reloc {
  RelocType type;
  uint32_t offset;  // from the start of the atom
  uint32_t index;   // unit symbol index, or unit type index for TYPE_INDEX_LEB
  int64_t addend;
};

// A half-open range in Unit::relocs.
struct RelocRange {
  uint32_t begin = 0, end = 0;
  uint32_t size() const { return end - begin; }
};

struct Import {
  StrId module, field;
  uint32_t type = 0;  // functions and tags: unit type index
  ValType valType = ValType::I32;  // globals: value type; tables: element type
  bool mut = false;                // globals
  Limits limits;                   // tables
};

struct FuncAtom {
  uint32_t type = 0;  // unit type index
  Bytes body;         // locals, instructions and the final `end`
  uint64_t fileOffset = 0;  // of body[0] in the input, for diagnostics
  RelocRange relocs;
  uint32_t comdat = UINT32_MAX;
};

struct DataAtom {
  StrId name;         // segment name, e.g. ".rodata.str1.1"
  Bytes bytes;        // contents (zeros for .bss)
  uint32_t alignLog2 = 0;
  uint32_t flags = 0;  // wasm::kSeg*
  bool passive = false;
  uint64_t fileOffset = 0;
  RelocRange relocs;
  uint32_t comdat = UINT32_MAX;
};

struct GlobalAtom {
  ValType type = ValType::I32;
  bool mut = false;
  Bytes init;  // constant expression including its `end`
};

struct TableAtom {
  ValType elemType = ValType::FuncRef;
  Limits limits;
};

struct TagAtom {
  uint32_t type = 0;
};

struct CustomAtom {
  StrId name;
  Bytes bytes;
  uint64_t fileOffset = 0;
  RelocRange relocs;
  uint32_t comdat = UINT32_MAX;
};

struct Symbol {
  SymKind kind = SymKind::Function;
  uint32_t flags = 0;  // wasm::kSym*
  StrId name;          // may be invalid for unnamed local symbols
  uint32_t index = 0;  // function/global/table/tag index, or custom atom index for sections
  // Data symbols: segment, offset and size (offset is an address if ABSOLUTE).
  uint32_t segment = 0;
  uint64_t offset = 0, size = 0;
  StrId exportName;  // an object's export entry for this symbol, if any

  bool undefined() const { return flags & wasm::kSymUndefined; }
  bool defined() const { return !undefined(); }
  bool weak() const { return (flags & wasm::kSymBindingMask) == wasm::kSymWeak; }
  bool local() const { return (flags & wasm::kSymBindingMask) == wasm::kSymLocal; }
  bool hidden() const { return (flags & wasm::kSymVisibilityMask) == wasm::kSymHidden; }
};

struct InitFunc {
  uint32_t priority;
  uint32_t symbol;  // unit symbol index of a function symbol
};

struct Comdat {
  StrId name;
};

struct Feature {
  uint8_t prefix;  // '+', '-' or '='
  StrId name;
};

struct Producer {
  StrId field, name, version;
};

class Unit {
public:
  std::string name;  // for diagnostics: "main.o", "libc.a(printf.o)"

  std::vector<FuncType> types;
  // One interned key per type (its encoding as a string): equal signatures
  // have equal keys across units, so they compare as integers. Filled by
  // the linker when it takes the unit.
  std::vector<StrId> typeKeys;
  std::vector<Import> funcImports, globalImports, tableImports, tagImports;
  bool importsMemory = false;
  Limits memoryLimits;
  std::vector<FuncAtom> funcs;
  std::vector<GlobalAtom> globals;
  std::vector<TableAtom> tables;
  std::vector<TagAtom> tags;
  std::vector<DataAtom> segments;
  std::vector<CustomAtom> customs;

  std::vector<Symbol> symbols;
  std::vector<Reloc> relocs;
  std::vector<InitFunc> initFuncs;
  std::vector<Comdat> comdats;
  std::vector<Feature> features;
  std::vector<Producer> producers;
  bool hasFeaturesSection = false;

  uint32_t numFuncs() const { return uint32_t(funcImports.size() + funcs.size()); }
  uint32_t numGlobals() const { return uint32_t(globalImports.size() + globals.size()); }
  uint32_t numTables() const { return uint32_t(tableImports.size() + tables.size()); }
  uint32_t numTags() const { return uint32_t(tagImports.size() + tags.size()); }
  std::span<const Reloc> relocsOf(RelocRange r) const { return {relocs.data() + r.begin, r.size()}; }

  // Builder API for frontends. Bytes passed in are copied into the unit.
  uint32_t addType(const FuncType& t);
  Bytes own(std::vector<uint8_t> bytes);
  uint32_t addSymbol(const Symbol& s) {
    symbols.push_back(s);
    return uint32_t(symbols.size() - 1);
  }
  // Appends relocations (offsets relative to the atom) and returns their range.
  RelocRange addRelocs(std::span<const Reloc> rs);

  // Keeps the input (a mapped file or buffers) alive as long as the unit.
  std::vector<std::shared_ptr<const void>> keepAlive;

private:
  std::vector<std::unique_ptr<std::vector<uint8_t>>> owned_;
};

}  // namespace toyc::link
