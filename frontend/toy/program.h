// A Toy program: all files of one build, their items in one namespace, and
// the types of the items once checked.
#pragma once
#include <memory>
#include <unordered_map>
#include <vector>
#include "frontend/toy/ast.h"
#include "frontend/toy/types.h"

namespace toyc::toy {

struct ItemRef {
  enum Kind : uint8_t { Struct, Global, Func } kind;
  uint32_t module, index;  // index in the module's structs/globals/funcs
};

struct Program {
  explicit Program(Interner& n) : names(n), types(n) {}
  Interner& names;
  TypeTable types;
  std::vector<std::unique_ptr<SourceFile>> files;
  std::vector<std::unique_ptr<Module>> modules;
  std::unordered_map<uint32_t, ItemRef> items;  // by name
  // Resolved types, parallel to each module's items.
  std::vector<std::vector<TypeId>> globalTypes, funcTypes;
};

// Registers every item (reporting names defined twice), resolves struct
// layouts and the types of globals and function signatures, and applies the
// ABI rules to exported, imported and extern functions. Errors go to the
// files; returns false if there were any.
bool checkItems(Program& p);

}  // namespace toyc::toy
