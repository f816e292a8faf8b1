// Toy's semantic types, interned: each distinct type is one TypeId, so
// types compare by id. Struct types are nominal (one id per declaration).
#pragma once
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>
#include "utils/index.h"
#include "utils/intern.h"

namespace toyc::toy {

struct TyTag;
using TypeId = Idx<TyTag>;

enum class TK : uint8_t {
  Void, Bool, I8, I16, I32, I64, U8, U16, U32, U64, F32, F64, Ptr, Array, Slice, Struct, Func, Tuple, Null,
};

struct Type {
  TK kind;
  TypeId elem;           // Ptr, Array, Slice
  uint64_t length = 0;   // Array
  uint32_t list = 0, count = 0;  // Func params / Tuple elements, in TypeTable::lists
  TypeId result;         // Func (Void, one type or a Tuple)
  uint32_t strukt = 0;   // Struct: index of its declaration
};

struct StructField {
  StrId name;
  TypeId type;
  uint32_t offset = 0;
};

struct StructInfo {
  StrId name;
  uint32_t module = 0, pos = 0;
  std::vector<StructField> fields;
  uint32_t size = 0, align = 1;
  enum State : uint8_t { Unresolved, Resolving, Done } state = Unresolved;
};

class TypeTable {
public:
  explicit TypeTable(Interner& names);
  TypeId scalar(TK k) const { return scalars_[unsigned(k)]; }
  TypeId voidType() const { return scalar(TK::Void); }
  TypeId str() const { return str_; }
  TypeId pointer(TypeId elem) { return intern({TK::Ptr, elem}); }
  TypeId slice(TypeId elem) { return intern({TK::Slice, elem}); }
  TypeId array(TypeId elem, uint64_t n) {
    Type t{TK::Array, elem};
    t.length = n;
    return intern(t);
  }
  TypeId func(const std::vector<TypeId>& params, TypeId result);
  TypeId tuple(const std::vector<TypeId>& elems);
  TypeId structType(uint32_t decl);
  // A named scalar (`i32`, `usize`, `str`, ...) or an invalid id.
  TypeId byName(StrId name) const;

  const Type& operator[](TypeId id) const { return types_[id.v]; }
  TypeId listAt(const Type& t, uint32_t i) const { return lists_[t.list + i]; }
  bool isInteger(TypeId t) const;
  bool isFloat(TypeId t) const;
  bool isScalar(TypeId t) const;  // numbers, bool, pointers, function values
  // Size and alignment in linear memory (C layout; structs from `structs`).
  uint32_t size(TypeId t) const;
  uint32_t align(TypeId t) const;
  std::string toString(TypeId t) const;

  std::vector<StructInfo> structs;

private:
  TypeId intern(const Type& t, const std::vector<TypeId>& list = {});
  Interner& names_;
  std::vector<Type> types_;
  std::vector<TypeId> lists_;
  std::unordered_map<std::string, uint32_t> index_;
  TypeId scalars_[unsigned(TK::Null) + 1];
  TypeId str_;
  std::vector<std::pair<StrId, TypeId>> named_;
};

}  // namespace toyc::toy
