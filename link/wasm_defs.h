// The WebAssembly binary format and the tool-conventions linking metadata, as
// data shared by the readers, the writers, the dumper and the tests.
#pragma once
#include <cstdint>
#include <string_view>

namespace toyc::wasm {

constexpr uint8_t kMagic[4] = {0x00, 0x61, 0x73, 0x6d};
constexpr uint32_t kVersion = 1;
constexpr uint32_t kPageSize = 65536;

enum class SecId : uint8_t {
  Custom = 0, Type = 1, Import = 2, Function = 3, Table = 4, Memory = 5, Global = 6,
  Export = 7, Start = 8, Elem = 9, Code = 10, Data = 11, DataCount = 12, Tag = 13,
};
std::string_view secName(uint8_t id);
// The position of a standard section in the order the spec requires (the tag
// section sits between memory and global).
int secOrder(uint8_t id);

enum class ValType : uint8_t {
  I32 = 0x7f, I64 = 0x7e, F32 = 0x7d, F64 = 0x7c, V128 = 0x7b, FuncRef = 0x70, ExternRef = 0x6f,
  ExnRef = 0x69,
};
bool isValType(uint8_t b);
std::string_view valTypeName(ValType t);

enum class ExternKind : uint8_t { Func = 0, Table = 1, Memory = 2, Global = 3, Tag = 4 };

// Limits flags.
constexpr uint8_t kLimitsHasMax = 0x1, kLimitsShared = 0x2, kLimits64 = 0x4;

// linking section.
constexpr uint32_t kLinkingVersion = 2;
enum class LinkSub : uint8_t { SegmentInfo = 5, InitFuncs = 6, ComdatInfo = 7, SymbolTable = 8 };
enum class SymKind : uint8_t { Function = 0, Data = 1, Global = 2, Section = 3, Tag = 4, Table = 5 };
std::string_view symKindName(SymKind k);
enum SymFlag : uint32_t {
  kSymWeak = 0x1, kSymLocal = 0x2, kSymHidden = 0x4, kSymUndefined = 0x10, kSymExported = 0x20,
  kSymExplicitName = 0x40, kSymNoStrip = 0x80, kSymTls = 0x100, kSymAbsolute = 0x200,
};
constexpr uint32_t kSymBindingMask = 0x3, kSymVisibilityMask = 0xc;
enum SegFlag : uint32_t { kSegStrings = 0x1, kSegTls = 0x2, kSegRetain = 0x4 };
enum class ComdatKind : uint8_t { Data = 0, Function = 1, Global = 2, Tag = 3, Table = 4, Section = 5 };

// Relocations (see relocs.def).
enum class RelocType : uint8_t {
#define RELOC(name, value, enc, addend, kind) name = value,
#include "link/relocs.def"
#undef RELOC
};
enum class FieldEnc : uint8_t { U5, S5, U10, S10, I32, I64 };
enum class RelocTarget : uint8_t { Func, Data, Type, Global, Section, Tag, Table };
struct RelocInfo {
  std::string_view name;  // "R_WASM_FUNCTION_INDEX_LEB"
  FieldEnc enc;
  bool hasAddend;
  RelocTarget target;
};
constexpr uint8_t kNumRelocTypes = 28;
const RelocInfo& relocInfo(RelocType t);
inline bool isValidRelocType(uint64_t v) { return v < kNumRelocTypes; }
inline unsigned fieldSize(FieldEnc e) {
  switch (e) {
    case FieldEnc::U5: case FieldEnc::S5: return 5;
    case FieldEnc::U10: case FieldEnc::S10: return 10;
    case FieldEnc::I32: return 4;
    case FieldEnc::I64: return 8;
  }
  return 0;
}

// target_features prefixes.
constexpr uint8_t kFeatureUsed = '+', kFeatureRequired = '=', kFeatureDisallowed = '-';

// name section subsections.
enum class NameSub : uint8_t { Module = 0, Function = 1, Local = 2, Global = 7, DataSegment = 9 };

}  // namespace toyc::wasm
