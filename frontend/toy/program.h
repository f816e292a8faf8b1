// A Toy program: all files of one build, their items in one namespace, and
// the types of the items once checked.
#pragma once
#include <memory>
#include <unordered_map>
#include <vector>
#include "frontend/toy/ast.h"
#include "frontend/toy/sema.h"
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
  // Modules [0, firstRuntime) are the user's files; the rest are the
  // runtime's (written in Toy, embedded in toyc). The two namespaces are
  // separate: user code sees runtime items whose names do not start with
  // `__`, unless one of its own items has the same name (it shadows, as a
  // Go package-level name shadows a built-in); runtime code sees only its own.
  uint32_t firstRuntime = UINT32_MAX;
  bool isRuntime(uint32_t module) const { return module >= firstRuntime; }
  std::unordered_map<uint32_t, ItemRef> items;    // user items by name
  std::unordered_map<uint32_t, ItemRef> rtItems;  // runtime items by name
  // The item `name` as seen from `module`, or nullptr.
  const ItemRef* lookup(uint32_t module, StrId name) const;
  // Resolved types, parallel to each module's items.
  std::vector<std::vector<TypeId>> globalTypes, funcTypes;
  std::vector<ModuleSema> sema;  // per module, filled by checkBodies
};

// Registers every item (reporting names defined twice), resolves struct
// layouts and the types of globals and function signatures, and applies the
// ABI rules to exported, imported and extern functions. Errors go to the
// files; returns false if there were any.
bool checkItems(Program& p);

// Checks every function body and global initializer (types, names,
// assignability, control flow) and records what lowering needs in
// Program::sema. Errors go to the files; returns false if there were any.
bool checkBodies(Program& p);

}  // namespace toyc::toy
