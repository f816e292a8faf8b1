// What the body checker records for lowering, per module: the type of every
// expression, what every name refers to, and each function's locals. All
// flat arrays indexed by the syntax tree's ids.
#pragma once
#include <cstdint>
#include <vector>
#include "frontend/toy/types.h"

namespace toyc::toy {

// What an identifier (or a call's callee) denotes.
struct Ref {
  enum Kind : uint8_t {
    None,
    Local,     // index: local of the enclosing function
    Global,    // module + index: a global item
    Func,      // module + index: a function item
    Builtin,   // index: a Builtin
  } kind = None;
  uint32_t module = 0, index = 0;
};

// Functions the compiler implements itself (the runtime provides the rest).
enum class Builtin : uint32_t { Print, Println, Len, MemorySize, MemoryGrow, HeapBase };

struct LocalVar {
  StrId name;
  TypeId type;
  uint32_t pos = 0;
  bool isParam = false;
  bool addressTaken = false;  // `&x`, `&x.f`, slicing x: lives in the frame
};

struct FuncSema {
  std::vector<LocalVar> locals;  // parameters first
  bool falls = false;            // the end of the body is reachable (no result)
};

struct ModuleSema {
  std::vector<TypeId> exprType;  // per ExprId; invalid where checking failed
  std::vector<Ref> exprRef;      // Ident and Call callee: what it names; Field: index of the field
  std::vector<uint32_t> stmtLocal;  // Let/For: its local; LetTuple: the first of consecutive locals
  std::vector<FuncSema> funcs;   // per FuncDecl
};

}  // namespace toyc::toy
