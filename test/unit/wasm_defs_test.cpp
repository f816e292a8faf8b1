// wasm_defs: the relocation table against the table in
// /work/shared/docs/reference/wasm-object-format.md section 3, section order
// and value types.
#include <gtest/gtest.h>
#include <string>
#include "link/wasm_defs.h"

using namespace toyc::wasm;

namespace {

struct Expected {
  unsigned value;
  const char* name;
  unsigned width;  // bytes of the patched field
  bool leb;        // LEB128 (else fixed little-endian)
  bool isSigned;   // SLEB
  bool addend;
  RelocTarget target;
};

// Transcribed from the reference table (field, addend and symbol kind).
const Expected kTable[] = {
    {0, "R_WASM_FUNCTION_INDEX_LEB", 5, true, false, false, RelocTarget::Func},
    {1, "R_WASM_TABLE_INDEX_SLEB", 5, true, true, false, RelocTarget::Func},
    {2, "R_WASM_TABLE_INDEX_I32", 4, false, false, false, RelocTarget::Func},
    {3, "R_WASM_MEMORY_ADDR_LEB", 5, true, false, true, RelocTarget::Data},
    {4, "R_WASM_MEMORY_ADDR_SLEB", 5, true, true, true, RelocTarget::Data},
    {5, "R_WASM_MEMORY_ADDR_I32", 4, false, false, true, RelocTarget::Data},
    {6, "R_WASM_TYPE_INDEX_LEB", 5, true, false, false, RelocTarget::Type},
    {7, "R_WASM_GLOBAL_INDEX_LEB", 5, true, false, false, RelocTarget::Global},
    {8, "R_WASM_FUNCTION_OFFSET_I32", 4, false, false, true, RelocTarget::Func},
    {9, "R_WASM_SECTION_OFFSET_I32", 4, false, false, true, RelocTarget::Section},
    {10, "R_WASM_TAG_INDEX_LEB", 5, true, false, false, RelocTarget::Tag},
    {11, "R_WASM_MEMORY_ADDR_REL_SLEB", 5, true, true, true, RelocTarget::Data},
    {12, "R_WASM_TABLE_INDEX_REL_SLEB", 5, true, true, false, RelocTarget::Func},
    {13, "R_WASM_GLOBAL_INDEX_I32", 4, false, false, false, RelocTarget::Global},
    {14, "R_WASM_MEMORY_ADDR_LEB64", 10, true, false, true, RelocTarget::Data},
    {15, "R_WASM_MEMORY_ADDR_SLEB64", 10, true, true, true, RelocTarget::Data},
    {16, "R_WASM_MEMORY_ADDR_I64", 8, false, false, true, RelocTarget::Data},
    {17, "R_WASM_MEMORY_ADDR_REL_SLEB64", 10, true, true, true, RelocTarget::Data},
    {18, "R_WASM_TABLE_INDEX_SLEB64", 10, true, true, false, RelocTarget::Func},
    {19, "R_WASM_TABLE_INDEX_I64", 8, false, false, false, RelocTarget::Func},
    {20, "R_WASM_TABLE_NUMBER_LEB", 5, true, false, false, RelocTarget::Table},
    {21, "R_WASM_MEMORY_ADDR_TLS_SLEB", 5, true, true, true, RelocTarget::Data},
    {22, "R_WASM_FUNCTION_OFFSET_I64", 8, false, false, true, RelocTarget::Func},
    {23, "R_WASM_MEMORY_ADDR_LOCREL_I32", 4, false, false, true, RelocTarget::Data},
    {24, "R_WASM_TABLE_INDEX_REL_SLEB64", 10, true, true, false, RelocTarget::Func},
    {25, "R_WASM_MEMORY_ADDR_TLS_SLEB64", 10, true, true, true, RelocTarget::Data},
    {26, "R_WASM_FUNCTION_INDEX_I32", 4, false, false, false, RelocTarget::Func},
    {27, "R_WASM_MEMORY_ADDR_LOCREL_I64", 8, false, false, true, RelocTarget::Data},
};

}  // namespace

TEST(RelocInfo, EveryTypeMatchesTheReference) {
  static_assert(sizeof(kTable) / sizeof(kTable[0]) == kNumRelocTypes);
  for (const Expected& e : kTable) {
    SCOPED_TRACE(e.name);
    const RelocInfo& info = relocInfo(RelocType(e.value));
    EXPECT_EQ(info.name, e.name);
    EXPECT_EQ(fieldSize(info.enc), e.width);
    EXPECT_EQ(info.hasAddend, e.addend);
    EXPECT_EQ(info.target, e.target);
    bool leb = info.enc == FieldEnc::U5 || info.enc == FieldEnc::S5 || info.enc == FieldEnc::U10 ||
               info.enc == FieldEnc::S10;
    bool sgn = info.enc == FieldEnc::S5 || info.enc == FieldEnc::S10;
    EXPECT_EQ(leb, e.leb);
    EXPECT_EQ(sgn, e.isSigned);
  }
}

TEST(RelocInfo, EnumValuesAndValidity) {
  EXPECT_EQ(uint8_t(RelocType::FUNCTION_INDEX_LEB), 0);
  EXPECT_EQ(uint8_t(RelocType::GLOBAL_INDEX_I32), 13);
  EXPECT_EQ(uint8_t(RelocType::TABLE_NUMBER_LEB), 20);
  EXPECT_EQ(uint8_t(RelocType::FUNCTION_INDEX_I32), 26);
  EXPECT_EQ(uint8_t(RelocType::MEMORY_ADDR_LOCREL_I64), 27);
  EXPECT_EQ(kNumRelocTypes, 28);
  for (uint64_t v = 0; v < 28; ++v) EXPECT_TRUE(isValidRelocType(v)) << v;
  for (uint64_t v : {uint64_t(28), uint64_t(29), uint64_t(127), uint64_t(255), uint64_t(256), UINT64_MAX})
    EXPECT_FALSE(isValidRelocType(v)) << v;
}

TEST(RelocInfo, FieldSizes) {
  EXPECT_EQ(fieldSize(FieldEnc::U5), 5u);
  EXPECT_EQ(fieldSize(FieldEnc::S5), 5u);
  EXPECT_EQ(fieldSize(FieldEnc::U10), 10u);
  EXPECT_EQ(fieldSize(FieldEnc::S10), 10u);
  EXPECT_EQ(fieldSize(FieldEnc::I32), 4u);
  EXPECT_EQ(fieldSize(FieldEnc::I64), 8u);
}

TEST(WasmDefs, SectionOrderFollowsTheSpec) {
  // type, import, function, table, memory, tag, global, export, start, elem,
  // datacount, code, data
  const uint8_t order[] = {1, 2, 3, 4, 5, 13, 6, 7, 8, 9, 12, 10, 11};
  for (size_t i = 1; i < sizeof order; ++i)
    EXPECT_LT(secOrder(order[i - 1]), secOrder(order[i])) << int(order[i - 1]) << " before " << int(order[i]);
  EXPECT_LT(secOrder(0), secOrder(1));
  EXPECT_EQ(secOrder(14), -1);
  EXPECT_EQ(secOrder(255), -1);
  EXPECT_EQ(secName(0), "custom");
  EXPECT_EQ(secName(10), "code");
  EXPECT_EQ(secName(12), "datacount");
  EXPECT_EQ(secName(13), "tag");
  EXPECT_EQ(secName(14), "unknown");
}

TEST(WasmDefs, ValueTypes) {
  for (uint8_t b : {0x7f, 0x7e, 0x7d, 0x7c, 0x7b, 0x70, 0x6f, 0x69}) EXPECT_TRUE(isValType(b)) << int(b);
  for (uint8_t b : {0x00, 0x40, 0x60, 0x6e, 0x71, 0x7a, 0x80, 0xff}) EXPECT_FALSE(isValType(b)) << int(b);
  EXPECT_EQ(valTypeName(ValType::I32), "i32");
  EXPECT_EQ(valTypeName(ValType::FuncRef), "funcref");
  EXPECT_EQ(symKindName(SymKind::Section), "section");
  EXPECT_EQ(symKindName(SymKind::Table), "table");
}
