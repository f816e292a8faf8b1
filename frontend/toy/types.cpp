#include "frontend/toy/types.h"
#include <algorithm>
#include <cstring>

namespace toyc::toy {

TypeTable::TypeTable(Interner& names) : names_(names) {
  for (unsigned k = 0; k <= unsigned(TK::Null); ++k) {
    if (TK(k) == TK::Ptr || TK(k) == TK::Array || TK(k) == TK::Slice || TK(k) == TK::Struct || TK(k) == TK::Func ||
        TK(k) == TK::Tuple)
      continue;
    scalars_[k] = intern({TK(k)});
  }
  str_ = slice(scalar(TK::U8));  // str is []u8
  const std::pair<const char*, TypeId> named[] = {
      {"bool", scalar(TK::Bool)}, {"i8", scalar(TK::I8)},   {"i16", scalar(TK::I16)}, {"i32", scalar(TK::I32)},
      {"i64", scalar(TK::I64)},   {"u8", scalar(TK::U8)},   {"u16", scalar(TK::U16)}, {"u32", scalar(TK::U32)},
      {"u64", scalar(TK::U64)},   {"f32", scalar(TK::F32)}, {"f64", scalar(TK::F64)}, {"usize", scalar(TK::U32)},
      {"str", str_},
  };
  for (auto& [n, t] : named) named_.push_back({names_.intern(n), t});
}

TypeId TypeTable::byName(StrId name) const {
  for (auto& [n, t] : named_)
    if (n == name) return t;
  return TypeId();
}

TypeId TypeTable::intern(const Type& t, const std::vector<TypeId>& list) {
  std::string key(reinterpret_cast<const char*>(&t.kind), 1);
  auto add = [&](uint64_t v) { key.append(reinterpret_cast<const char*>(&v), 8); };
  add(t.elem.v);
  add(t.length);
  add(t.result.v);
  add(t.strukt);
  add(list.size());
  for (TypeId x : list) add(x.v);
  auto [it, inserted] = index_.emplace(std::move(key), uint32_t(types_.size()));
  if (inserted) {
    Type copy = t;
    copy.list = uint32_t(lists_.size());
    copy.count = uint32_t(list.size());
    lists_.insert(lists_.end(), list.begin(), list.end());
    types_.push_back(copy);
  }
  return TypeId(it->second);
}

TypeId TypeTable::func(const std::vector<TypeId>& params, TypeId result) {
  Type t{TK::Func};
  t.result = result;
  return intern(t, params);
}

TypeId TypeTable::tuple(const std::vector<TypeId>& elems) { return intern({TK::Tuple}, elems); }

TypeId TypeTable::structType(uint32_t decl) {
  Type t{TK::Struct};
  t.strukt = decl;
  return intern(t);
}

bool TypeTable::isInteger(TypeId t) const {
  TK k = types_[t.v].kind;
  return k >= TK::I8 && k <= TK::U64;
}

bool TypeTable::isFloat(TypeId t) const { return types_[t.v].kind == TK::F32 || types_[t.v].kind == TK::F64; }

bool TypeTable::isScalar(TypeId t) const {
  TK k = types_[t.v].kind;
  return (k >= TK::Bool && k <= TK::F64) || k == TK::Ptr || k == TK::Func;
}

uint32_t TypeTable::size(TypeId id) const {
  const Type& t = types_[id.v];
  switch (t.kind) {
    case TK::Void: return 0;
    case TK::Bool: case TK::I8: case TK::U8: return 1;
    case TK::I16: case TK::U16: return 2;
    case TK::I32: case TK::U32: case TK::F32: case TK::Ptr: case TK::Func: case TK::Null: return 4;
    case TK::I64: case TK::U64: case TK::F64: return 8;
    case TK::Slice: return 8;  // pointer, length
    case TK::Array: return uint32_t(std::min<uint64_t>(t.length * size(t.elem), UINT32_MAX));
    case TK::Struct: return structs[t.strukt].size;
    case TK::Tuple: return 0;
  }
  return 0;
}

uint32_t TypeTable::align(TypeId id) const {
  const Type& t = types_[id.v];
  switch (t.kind) {
    case TK::Slice: return 4;
    case TK::Array: return align(t.elem);
    case TK::Struct: return structs[t.strukt].align;
    case TK::Void: case TK::Tuple: return 1;
    default: return std::max<uint32_t>(1, size(id));
  }
}

std::string TypeTable::toString(TypeId id) const {
  if (id == str_) return "str";
  const Type& t = types_[id.v];
  switch (t.kind) {
    case TK::Void: return "void";
    case TK::Bool: return "bool";
    case TK::I8: return "i8";
    case TK::I16: return "i16";
    case TK::I32: return "i32";
    case TK::I64: return "i64";
    case TK::U8: return "u8";
    case TK::U16: return "u16";
    case TK::U32: return "u32";
    case TK::U64: return "u64";
    case TK::F32: return "f32";
    case TK::F64: return "f64";
    case TK::Null: return "null";
    case TK::Ptr: return "*" + toString(t.elem);
    case TK::Slice: return "[]" + toString(t.elem);
    case TK::Array: return "[" + std::to_string(t.length) + "]" + toString(t.elem);
    case TK::Struct: return std::string(names_.str(structs[t.strukt].name));
    case TK::Tuple: {
      std::string s = "(";
      for (uint32_t i = 0; i < t.count; ++i) s += (i ? ", " : "") + toString(lists_[t.list + i]);
      return s + ")";
    }
    case TK::Func: {
      std::string s = "fn(";
      for (uint32_t i = 0; i < t.count; ++i) s += (i ? ", " : "") + toString(lists_[t.list + i]);
      s += ")";
      if (types_[t.result.v].kind != TK::Void) s += " -> " + toString(t.result);
      return s;
    }
  }
  return "?";
}

}  // namespace toyc::toy
