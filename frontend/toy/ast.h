// The Toy syntax tree, as flat arrays indexed by typed ids (no per-node heap
// objects): a Module holds every type expression, expression, statement and
// item of one source file. Positions are byte offsets into that file.
#pragma once
#include <cstdint>
#include <memory>
#include <vector>
#include "frontend/toy/lexer.h"
#include "utils/index.h"
#include "utils/intern.h"

namespace toyc::toy {

struct TypeTag;
struct ExprTag;
struct StmtTag;
using TypeExprId = Idx<TypeTag>;
using ExprId = Idx<ExprTag>;
using StmtId = Idx<StmtTag>;

// A range in one of the Module's list arrays.
struct Range {
  uint32_t begin = 0, count = 0;
};

enum class TypeKind : uint8_t { Named, Pointer, Array, Slice, Func, Tuple };
struct TypeExpr {
  TypeKind kind;
  uint32_t pos;
  StrId name;         // Named: i32, str, Point, ...
  TypeExprId elem;    // Pointer, Array, Slice
  ExprId length;      // Array: a constant expression
  Range list;         // Func params / Tuple elements, in typeList
  TypeExprId result;  // Func result (may be a Tuple), invalid for none
};

enum class ExprKind : uint8_t {
  Int, Float, Char, String, Bool, Null, Ident, Unary, Binary, Call, Index, Slice, Field, Cast, StructLit,
  ArrayLit, Sizeof,
};
struct Expr {  // 56 bytes: big programs have millions
  ExprKind kind;
  Tok op = Tok::Eof;   // Unary/Binary operator
  bool boolValue = false;
  uint32_t pos;
  ExprId a, b, c;      // operands: callee/base, index/low, high
  TypeExprId type;     // Cast, Sizeof
  StrId name;          // Ident, Field, StructLit type name
  Range list;          // Call args, ArrayLit elements, StructLit values (in exprList)
  Range names;         // StructLit field names (in nameList), parallel to the values
  union {
    uint64_t intValue = 0;
    double floatValue;
    uint32_t str;      // String: index in strings
  };
};

enum class StmtKind : uint8_t { Let, LetTuple, Assign, Expr, If, While, For, Break, Continue, Return, Block };
struct Stmt {
  StmtKind kind;
  uint32_t pos;
  Tok op = Tok::Eof;   // Assign: '=' or a compound operator
  ExprId a, b, c;      // Let init; Assign target/value; If/While cond; For low/high; Expr
  TypeExprId type;     // Let type
  StrId name;          // Let / For variable
  Range list;          // Block statements (stmtList), LetTuple names (nameList), Return values (exprList)
  StmtId body, other;  // If then/else, While/For body
};

struct Param {
  StrId name;
  uint32_t pos;
  TypeExprId type;
};

struct FuncDecl {
  enum Linkage : uint8_t { Internal, Export, Import, Extern } linkage = Internal;
  StrId name;
  uint32_t pos;
  Range params;          // in params
  TypeExprId result;     // invalid: no result
  StmtId body;           // invalid for import/extern declarations
  StrId exportName, importModule, importName;
};

struct StructDecl {
  StrId name;
  uint32_t pos;
  Range fields;  // in params
};

struct GlobalDecl {
  bool isConst;
  StrId name;
  uint32_t pos;
  TypeExprId type;
  ExprId init;
};

struct Module {
  const SourceFile* file = nullptr;
  std::vector<std::string> strings;  // decoded string literals
  IdxVec<TypeExprId, TypeExpr> types;
  IdxVec<ExprId, Expr> exprs;
  IdxVec<StmtId, Stmt> stmts;
  std::vector<TypeExprId> typeList;
  std::vector<ExprId> exprList;
  std::vector<StmtId> stmtList;
  std::vector<StrId> nameList;
  std::vector<uint32_t> namePos;  // parallel to nameList
  std::vector<Param> params;
  std::vector<FuncDecl> funcs;
  std::vector<StructDecl> structs;
  std::vector<GlobalDecl> globals;
};

// Parses one file. Syntax errors are reported through the file (all of
// them, with recovery at statement and item boundaries).
std::unique_ptr<Module> parse(const SourceFile& file, Interner& names);

}  // namespace toyc::toy
