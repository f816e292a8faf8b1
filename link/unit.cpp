#include "link/unit.h"

namespace toyc::link {

std::string toString(const FuncType& t) {
  std::string s = "(";
  for (size_t i = 0; i < t.params.size(); ++i) {
    if (i) s += ", ";
    s += wasm::valTypeName(t.params[i]);
  }
  s += ") -> ";
  if (t.results.empty()) return s + "void";
  if (t.results.size() == 1) return s + std::string(wasm::valTypeName(t.results[0]));
  s += "(";
  for (size_t i = 0; i < t.results.size(); ++i) {
    if (i) s += ", ";
    s += wasm::valTypeName(t.results[i]);
  }
  return s + ")";
}

std::string typeKey(const FuncType& t) {
  std::string key;
  key.reserve(t.params.size() + t.results.size() + 4);
  uint32_t np = uint32_t(t.params.size());
  key.append(reinterpret_cast<const char*>(&np), 4);
  for (ValType v : t.params) key.push_back(char(v));
  for (ValType v : t.results) key.push_back(char(v));
  return key;
}

uint32_t Unit::addType(const FuncType& t) {
  for (uint32_t i = 0; i < types.size(); ++i)
    if (types[i] == t) return i;
  types.push_back(t);
  return uint32_t(types.size() - 1);
}

Bytes Unit::own(std::vector<uint8_t> bytes) {
  owned_.push_back(std::make_unique<std::vector<uint8_t>>(std::move(bytes)));
  return {owned_.back()->data(), owned_.back()->size()};
}

RelocRange Unit::addRelocs(std::span<const Reloc> rs) {
  RelocRange r;
  r.begin = uint32_t(relocs.size());
  relocs.insert(relocs.end(), rs.begin(), rs.end());
  r.end = uint32_t(relocs.size());
  return r;
}

}  // namespace toyc::link
