// Lowering a checked Toy program to atoms (link/unit.h): one function atom
// per Toy function, one data atom per global and per string literal, and
// the synthesized wrappers of docs/abi.md (export wrappers, import and
// extern wrappers, the module's entry).
#pragma once
#include <memory>
#include "frontend/toy/program.h"
#include "link/unit.h"

namespace toyc::toy {

struct LowerOptions {
  // Which modules: the user's files, or the runtime's.
  bool runtime = false;
  // The module's entry, when `main` is among the modules: `_start` for a
  // module toyc links itself, or the C-ABI `__main_void` that crt1's
  // `_start` calls when another linker links the object.
  enum Entry { Start, MainVoid, None } entry = Start;
  // Reactor: define `_initialize` (runs the constructors of C objects).
  bool reactor = false;
  // toyc's version, for the producers section.
  const char* version = "";
};

// The unit's names are interned in the Program's interner. Errors (constant
// initializers that cannot be evaluated) go to the files; nullptr then.
std::unique_ptr<link::Unit> lowerProgram(const Program& p, const LowerOptions& opts);

}  // namespace toyc::toy
