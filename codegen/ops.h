// Opcodes by their text names, looked up at compile time in the one opcode
// table (link/opcodes.def): `Op("i32.add")` is 0x6a, and a misspelt name
// does not compile.
#pragma once
#include <cstdint>
#include <string_view>

namespace toyc::codegen {

struct OpRow {
  uint32_t code;
  std::string_view name;
};

inline constexpr OpRow kMainOps[] = {
#define OP(code, name, kind, sig, align) {code, name},
#define FC(code, name, kind, sig, align)
#define SIMD(code, name, kind, sig, align)
#include "link/opcodes.def"
#undef OP
#undef FC
#undef SIMD
};

inline constexpr OpRow kFcOps[] = {
#define OP(code, name, kind, sig, align)
#define FC(code, name, kind, sig, align) {code, name},
#define SIMD(code, name, kind, sig, align)
#include "link/opcodes.def"
#undef OP
#undef FC
#undef SIMD
};

consteval uint8_t Op(std::string_view name) {
  for (const OpRow& r : kMainOps)
    if (r.name == name) return uint8_t(r.code);
  throw "unknown opcode";
}

// A 0xFC-prefixed instruction's sub-opcode (trunc_sat, memory.copy, ...).
consteval uint32_t Fc(std::string_view name) {
  for (const OpRow& r : kFcOps)
    if (r.name == name) return r.code;
  throw "unknown 0xFC opcode";
}

}  // namespace toyc::codegen
