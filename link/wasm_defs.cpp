#include "link/wasm_defs.h"

namespace toyc::wasm {

static const RelocInfo kRelocs[kNumRelocTypes] = {
#define RELOC(name, value, enc, addend, kind) {"R_WASM_" #name, FieldEnc::enc, addend, RelocTarget::kind},
#include "link/relocs.def"
#undef RELOC
};

const RelocInfo& relocInfo(RelocType t) { return kRelocs[uint8_t(t)]; }

std::string_view secName(uint8_t id) {
  static const std::string_view names[] = {"custom", "type",  "import", "function", "table",
                                           "memory", "global", "export", "start",    "elem",
                                           "code",   "data",  "datacount", "tag"};
  return id < sizeof(names) / sizeof(names[0]) ? names[id] : "unknown";
}

int secOrder(uint8_t id) {
  // type import function table memory tag global export start elem datacount code data
  static const int order[] = {0, 1, 2, 3, 4, 5, 7, 8, 9, 10, 12, 13, 11, 6};
  return id < sizeof(order) / sizeof(order[0]) ? order[id] : -1;
}

bool isValType(uint8_t b) {
  switch (b) {
    case 0x7f: case 0x7e: case 0x7d: case 0x7c: case 0x7b: case 0x70: case 0x6f: case 0x69: return true;
    default: return false;
  }
}

std::string_view valTypeName(ValType t) {
  switch (t) {
    case ValType::I32: return "i32";
    case ValType::I64: return "i64";
    case ValType::F32: return "f32";
    case ValType::F64: return "f64";
    case ValType::V128: return "v128";
    case ValType::FuncRef: return "funcref";
    case ValType::ExternRef: return "externref";
    case ValType::ExnRef: return "exnref";
  }
  return "?";
}

std::string_view symKindName(SymKind k) {
  switch (k) {
    case SymKind::Function: return "function";
    case SymKind::Data: return "data";
    case SymKind::Global: return "global";
    case SymKind::Section: return "section";
    case SymKind::Tag: return "tag";
    case SymKind::Table: return "table";
  }
  return "?";
}

}  // namespace toyc::wasm
