// readObject on a hand-built relocatable object and on corrupted variants.
// Every corruption must give false, the expected message and the byte offset
// where the problem is.
#include <gtest/gtest.h>
#include <string>
#include <vector>
#include "link/object_reader.h"
#include "test/unit/test_util.h"

using namespace toyc;
using namespace toyc::link;
using toyc::test::buildObject;
using toyc::test::ObjectOptions;
using toyc::test::patchUleb;
using toyc::test::TestObject;

namespace {

struct Result {
  bool ok;
  Error err;
};

Result read(const std::vector<uint8_t>& bytes, uint64_t base = 0, Unit* out = nullptr, Interner* strs = nullptr) {
  Unit local;
  Interner localStrs;
  Unit& u = out ? *out : local;
  Interner& s = strs ? *strs : localStrs;
  if (u.name.empty()) u.name = "t.o";
  Result r;
  r.ok = readObject({bytes.data(), bytes.size()}, base, u, s, r.err);
  return r;
}

// Checks a failure: message substring and exact offset.
::testing::AssertionResult failsWith(const std::vector<uint8_t>& bytes, const std::string& msg, uint64_t offset,
                                     uint64_t base = 0) {
  Result r = read(bytes, base);
  if (r.ok) return ::testing::AssertionFailure() << "readObject succeeded; expected \"" << msg << "\"";
  if (r.err.msg.find(msg) == std::string::npos)
    return ::testing::AssertionFailure() << "message \"" << r.err.msg << "\" lacks \"" << msg << "\"";
  if (!r.err.hasOffset || r.err.offset != offset)
    return ::testing::AssertionFailure() << "offset 0x" << std::hex << r.err.offset << " (" << r.err.str()
                                         << "), expected 0x" << offset;
  if (r.err.file != "t.o") return ::testing::AssertionFailure() << "file is \"" << r.err.file << "\"";
  return ::testing::AssertionSuccess();
}

}  // namespace

TEST(ObjectReader, MinimalObjectReadsCompletely) {
  TestObject t = buildObject();
  Unit u;
  Interner strs;
  Result r = read(t.bytes, 0, &u, &strs);
  ASSERT_TRUE(r.ok) << r.err.str();
  auto S = [&](StrId id) { return std::string(strs.str(id)); };

  ASSERT_EQ(u.types.size(), 1u);
  EXPECT_EQ(toString(u.types[0]), "() -> void");

  EXPECT_TRUE(u.importsMemory);
  EXPECT_EQ(u.memoryLimits.min, 1u);
  EXPECT_FALSE(u.memoryLimits.hasMax());
  ASSERT_EQ(u.funcImports.size(), 1u);
  EXPECT_EQ(S(u.funcImports[0].module), "env");
  EXPECT_EQ(S(u.funcImports[0].field), "foo");
  EXPECT_EQ(u.funcImports[0].type, 0u);
  ASSERT_EQ(u.globalImports.size(), 1u);
  EXPECT_EQ(S(u.globalImports[0].field), "__stack_pointer");
  EXPECT_EQ(u.globalImports[0].valType, ValType::I32);
  EXPECT_TRUE(u.globalImports[0].mut);
  EXPECT_EQ(u.numFuncs(), 2u);
  EXPECT_EQ(u.numGlobals(), 1u);

  ASSERT_EQ(u.funcs.size(), 1u);
  const FuncAtom& f = u.funcs[0];
  EXPECT_EQ(f.type, 0u);
  ASSERT_EQ(f.body.size(), t.bodySize);
  EXPECT_EQ(f.body.data(), t.bytes.data() + t.bodyStart);
  EXPECT_EQ(f.fileOffset, t.bodyStart);
  EXPECT_EQ(f.body.back(), 0x0b);
  auto fr = u.relocsOf(f.relocs);
  ASSERT_EQ(fr.size(), 3u);
  EXPECT_EQ(fr[0].type, RelocType::FUNCTION_INDEX_LEB);
  EXPECT_EQ(fr[0].offset, TestObject::kCallImm);
  EXPECT_EQ(fr[0].index, 0u);
  EXPECT_EQ(fr[1].type, RelocType::GLOBAL_INDEX_LEB);
  EXPECT_EQ(fr[1].offset, TestObject::kGlobalImm);
  EXPECT_EQ(fr[1].index, 3u);
  EXPECT_EQ(fr[2].type, RelocType::MEMORY_ADDR_SLEB);
  EXPECT_EQ(fr[2].offset, TestObject::kConstImm);
  EXPECT_EQ(fr[2].index, 2u);
  EXPECT_EQ(fr[2].addend, 4);

  ASSERT_EQ(u.segments.size(), 1u);
  const DataAtom& d = u.segments[0];
  EXPECT_EQ(S(d.name), ".data.buf");
  EXPECT_EQ(d.alignLog2, 2u);
  EXPECT_EQ(d.flags, 0u);
  EXPECT_FALSE(d.passive);
  ASSERT_EQ(d.bytes.size(), 8u);
  EXPECT_EQ(d.bytes[0], 'h');
  EXPECT_EQ(d.fileOffset, t.segBytesStart);
  auto dr = u.relocsOf(d.relocs);
  ASSERT_EQ(dr.size(), 1u);
  EXPECT_EQ(dr[0].type, RelocType::MEMORY_ADDR_I32);
  EXPECT_EQ(dr[0].offset, TestObject::kDataPtr);
  EXPECT_EQ(dr[0].index, 2u);
  EXPECT_EQ(dr[0].addend, 0);

  ASSERT_EQ(u.symbols.size(), 4u);
  EXPECT_EQ(u.symbols[0].kind, SymKind::Function);
  EXPECT_TRUE(u.symbols[0].undefined());
  EXPECT_EQ(S(u.symbols[0].name), "foo");
  EXPECT_EQ(u.symbols[1].kind, SymKind::Function);
  EXPECT_TRUE(u.symbols[1].defined());
  EXPECT_EQ(u.symbols[1].index, 1u);
  EXPECT_EQ(S(u.symbols[1].name), "main");
  EXPECT_EQ(u.symbols[2].kind, SymKind::Data);
  EXPECT_EQ(S(u.symbols[2].name), "buf");
  EXPECT_EQ(u.symbols[2].segment, 0u);
  EXPECT_EQ(u.symbols[2].offset, 0u);
  EXPECT_EQ(u.symbols[2].size, 8u);
  EXPECT_EQ(u.symbols[3].kind, SymKind::Global);
  EXPECT_TRUE(u.symbols[3].undefined());
  EXPECT_EQ(S(u.symbols[3].name), "__stack_pointer");

  ASSERT_EQ(u.initFuncs.size(), 1u);
  EXPECT_EQ(u.initFuncs[0].priority, 65535u);
  EXPECT_EQ(u.initFuncs[0].symbol, 1u);
  ASSERT_EQ(u.features.size(), 1u);
  EXPECT_EQ(u.features[0].prefix, '+');
  EXPECT_EQ(S(u.features[0].name), "mutable-globals");
  EXPECT_TRUE(u.hasFeaturesSection);
  ASSERT_EQ(u.producers.size(), 1u);
  EXPECT_EQ(S(u.producers[0].field), "processed-by");
  EXPECT_EQ(S(u.producers[0].name), "clang");
  EXPECT_TRUE(u.customs.empty());
}

TEST(ObjectReader, BaseOffsetShiftsFileOffsets) {
  TestObject t = buildObject();
  Unit u;
  Interner strs;
  Result r = read(t.bytes, 1000, &u, &strs);
  ASSERT_TRUE(r.ok) << r.err.str();
  EXPECT_EQ(u.funcs[0].fileOffset, 1000 + t.bodyStart);
  EXPECT_EQ(u.segments[0].fileOffset, 1000 + t.segBytesStart);
  // And error offsets.
  auto b = t.bytes;
  b[4] = 9;
  EXPECT_TRUE(failsWith(b, "unsupported wasm version 9", 1004, 1000));
}

TEST(ObjectReader, IsWasmBinary) {
  TestObject t = buildObject();
  EXPECT_TRUE(isWasmBinary({t.bytes.data(), t.bytes.size()}));
  EXPECT_TRUE(isWasmBinary({t.bytes.data(), 4}));
  EXPECT_FALSE(isWasmBinary({t.bytes.data(), 3}));
  const uint8_t ar[] = {'!', '<', 'a', 'r', 'c', 'h', '>', '\n'};
  EXPECT_FALSE(isWasmBinary({ar, sizeof ar}));
}

TEST(ObjectReader, ScanDefinedSymbols) {
  TestObject t = buildObject();
  std::vector<std::string> names;
  Error err;
  ASSERT_TRUE(scanDefinedSymbols({t.bytes.data(), t.bytes.size()}, 0, "t.o", names, err)) << err.str();
  EXPECT_EQ(names, (std::vector<std::string>{"main", "buf"}));
}

TEST(ObjectReader, BadMagic) {
  auto b = buildObject().bytes;
  b[1] = 'x';
  EXPECT_TRUE(failsWith(b, "bad magic", 0));
  // Too short for a header.
  EXPECT_TRUE(failsWith({0x00, 0x61, 0x73, 0x6d, 0x01}, "bad magic", 0));
  EXPECT_TRUE(failsWith({}, "bad magic", 0));
}

TEST(ObjectReader, BadVersion) {
  auto b = buildObject().bytes;
  b[4] = 2;
  EXPECT_TRUE(failsWith(b, "unsupported wasm version 2", 4));
  b[4] = 1;
  b[7] = 1;  // 0x01000001
  EXPECT_TRUE(failsWith(b, "unsupported wasm version", 4));
}

TEST(ObjectReader, SectionOutOfOrder) {
  auto b = buildObject().bytes;
  size_t at = b.size();
  b.insert(b.end(), {0x01, 0x01, 0x00});  // a second (empty) type section at the end
  EXPECT_TRUE(failsWith(b, "out of order section type: 1", at));
  // A duplicate standard section is out of order too.
  TestObject t = buildObject();
  std::vector<uint8_t> dup(t.bytes.begin(), t.bytes.begin() + long(t.codeSection));
  std::vector<uint8_t> code(t.bytes.begin() + long(t.codeSection), t.bytes.begin() + long(t.dataPayload) - 6);
  dup.insert(dup.end(), code.begin(), code.end());
  size_t second = dup.size();
  dup.insert(dup.end(), code.begin(), code.end());
  EXPECT_TRUE(failsWith(dup, "out of order section type: 10", second));
}

TEST(ObjectReader, InvalidSectionId) {
  auto b = buildObject().bytes;
  size_t at = b.size();
  b.insert(b.end(), {0x0e, 0x00});
  EXPECT_TRUE(failsWith(b, "invalid section id 14", at));
}

TEST(ObjectReader, TruncatedSection) {
  TestObject t = buildObject();
  // Cut inside the code section: the declared size runs past the end.
  std::vector<uint8_t> b(t.bytes.begin(), t.bytes.begin() + long(t.codePayload + 5));
  Result r = read(b);
  ASSERT_FALSE(r.ok);
  EXPECT_EQ(r.err.msg, "size exceeds the enclosing section");
  EXPECT_GE(r.err.offset, t.codeSection);
  EXPECT_LE(r.err.offset, t.codePayload);
  // Cut inside a section header's size field.
  std::vector<uint8_t> h(t.bytes.begin(), t.bytes.begin() + long(t.codeSection + 3));
  EXPECT_TRUE(failsWith(h, "", t.codeSection + 1));
  // Drop the very last byte.
  std::vector<uint8_t> last(t.bytes.begin(), t.bytes.end() - 1);
  r = read(last);
  EXPECT_FALSE(r.ok);
  EXPECT_LE(r.err.offset, last.size());
}

TEST(ObjectReader, EveryTruncationFailsWithinBounds) {
  // Prefixes that end at a section boundary after the linking section are
  // complete objects: after linking, reloc.CODE, reloc.DATA and producers.
  TestObject t = buildObject();
  std::vector<size_t> okPrefixes;
  for (size_t n = 0; n < t.bytes.size(); ++n) {
    std::vector<uint8_t> b(t.bytes.begin(), t.bytes.begin() + long(n));
    Result r = read(b, 0x10000);
    if (r.ok) {
      okPrefixes.push_back(n);
      continue;
    }
    ASSERT_TRUE(r.err.hasOffset);
    ASSERT_GE(r.err.offset, 0x10000u) << n;
    ASSERT_LE(r.err.offset, 0x10000u + n) << n << ": " << r.err.str();
  }
  EXPECT_EQ(okPrefixes.size(), 4u);
  for (size_t n : okPrefixes) EXPECT_GT(n, t.relocCodeTargetAt - 20) << n;
}

TEST(ObjectReader, EveryByteCorruptionIsHandled) {
  // Not every change is an error, but none may crash, and errors point
  // inside the file (or at its end, where more bytes were expected).
  TestObject t = buildObject();
  for (size_t i = 0; i < t.bytes.size(); ++i) {
    for (uint8_t v : {uint8_t(0x00), uint8_t(0x7f), uint8_t(0x80), uint8_t(0xff)}) {
      auto b = t.bytes;
      b[i] = v;
      Result r = read(b);
      if (!r.ok) {
        ASSERT_LE(r.err.offset, b.size()) << i << "=" << int(v) << ": " << r.err.str();
      }
    }
  }
}

TEST(ObjectReader, CountTooLarge) {
  TestObject t = buildObject();
  auto b = t.bytes;
  b[t.typeCountAt] = 0x7f;
  EXPECT_TRUE(failsWith(b, "count 127 exceeds the remaining 3 bytes", t.typeCountAt));
  // A symbol count far beyond the sub-section.
  b = t.bytes;
  patchUleb(b, t.symtabCountAt, 0xfffffff);
  EXPECT_TRUE(failsWith(b, "count 268435455 exceeds", t.symtabCountAt));
}

TEST(ObjectReader, FunctionAndCodeCountsDisagree) {
  TestObject t = buildObject();
  auto b = t.bytes;
  b[t.codeCountAt] = 2;
  EXPECT_TRUE(failsWith(b, "function and code section have inconsistent lengths", t.codeCountAt));
}

TEST(ObjectReader, DataCountDisagrees) {
  TestObject t = buildObject();
  auto b = t.bytes;
  patchUleb(b, t.dataCountAt, 2);
  Result r = read(b);
  ASSERT_FALSE(r.ok);
  EXPECT_NE(r.err.msg.find("data count section and data section disagree"), std::string::npos);
  EXPECT_GE(r.err.offset, t.dataPayload);
  EXPECT_LE(r.err.offset, t.dataPayload + 1);
}

TEST(ObjectReader, RelocationOutOfBounds) {
  TestObject t = buildObject();
  const size_t bodyRel = t.bodyStart - t.codePayload;
  // The 5-byte field starting 2 bytes before the end crosses the body's end.
  auto b = t.bytes;
  patchUleb(b, t.relocCodeOffsetAt[2], bodyRel + t.bodySize - 2);
  EXPECT_TRUE(failsWith(b, "field crosses the end of its atom", t.relocCodeEntry[2]));
  // Past the end of the code section.
  b = t.bytes;
  patchUleb(b, t.relocCodeOffsetAt[2], 10000);
  EXPECT_TRUE(failsWith(b, "invalid relocation offset 10000: not inside an atom", t.relocCodeEntry[2]));
  // Before the first body (the count and size fields).
  b = t.bytes;
  patchUleb(b, t.relocCodeOffsetAt[0], 0);
  EXPECT_TRUE(failsWith(b, "invalid relocation offset 0: not inside an atom", t.relocCodeEntry[0]));
  // A 4-byte data field crossing the 8-byte segment's end.
  b = t.bytes;
  patchUleb(b, t.relocDataOffsetAt, t.segBytesStart - t.dataPayload + 6);
  EXPECT_TRUE(failsWith(b, "field crosses the end of its atom", t.relocDataEntry));
}

TEST(ObjectReader, RelocationOffsetsNotSorted) {
  TestObject t = buildObject();
  auto b = t.bytes;
  const size_t bodyRel = t.bodyStart - t.codePayload;
  patchUleb(b, t.relocCodeOffsetAt[1], bodyRel + 1);  // below the first entry's offset
  EXPECT_TRUE(failsWith(b, "relocations not in offset order", t.relocCodeEntry[1]));
}

TEST(ObjectReader, RelocationSymbolIndexOutOfRange) {
  TestObject t = buildObject();
  auto b = t.bytes;
  patchUleb(b, t.relocCodeIndexAt[0], 99);
  EXPECT_TRUE(failsWith(b, "relocation symbol index 99 out of range", t.relocCodeEntry[0]));
  b = t.bytes;
  patchUleb(b, t.relocCodeIndexAt[1], 4);  // one past the last symbol
  EXPECT_TRUE(failsWith(b, "relocation symbol index 4 out of range", t.relocCodeEntry[1]));
}

TEST(ObjectReader, RelocationAgainstWrongSymbolKind) {
  TestObject t = buildObject();
  auto b = t.bytes;
  patchUleb(b, t.relocCodeIndexAt[0], 2);  // call against a data symbol
  EXPECT_TRUE(
      failsWith(b, "bad relocation: R_WASM_FUNCTION_INDEX_LEB against a data symbol", t.relocCodeEntry[0]));
}

TEST(ObjectReader, InvalidRelocationType) {
  TestObject t = buildObject();
  auto b = t.bytes;
  b[t.relocCodeEntry[0]] = 28;
  EXPECT_TRUE(failsWith(b, "invalid relocation type 28", t.relocCodeEntry[0]));
}

TEST(ObjectReader, RelocationTargetsInvalidSection) {
  TestObject t = buildObject();
  auto b = t.bytes;
  patchUleb(b, t.relocCodeTargetAt, 0);  // the type section
  EXPECT_TRUE(failsWith(b, "relocation section targets an invalid section (index 0)", t.relocCodeTargetAt));
  patchUleb(b, t.relocCodeTargetAt, 77);
  EXPECT_TRUE(failsWith(b, "(index 77)", t.relocCodeTargetAt));
}

TEST(ObjectReader, SymbolIndexOutOfRange) {
  TestObject t = buildObject();
  auto b = t.bytes;
  patchUleb(b, t.sym1IndexAt, 7);
  EXPECT_TRUE(failsWith(b, "invalid function symbol index 7", t.sym1IndexAt));
}

TEST(ObjectReader, UndefinedFlagMustMatchImport) {
  TestObject t = buildObject();
  auto b = t.bytes;
  patchUleb(b, t.sym0FlagsAt, 0);  // refers to import 0 but not UNDEFINED
  EXPECT_TRUE(failsWith(b, "symbol refers to an import but is not marked undefined", t.sym0FlagsAt - 1));
  b = t.bytes;
  patchUleb(b, t.sym1IndexAt - 5, 0x10);  // defined function 1 marked UNDEFINED
  EXPECT_TRUE(failsWith(b, "undefined symbol does not refer to an import", t.sym1IndexAt - 6));
}

TEST(ObjectReader, DataSymbolOutsideItsSegment) {
  TestObject t = buildObject();
  auto b = t.bytes;
  patchUleb(b, t.sym2SizeAt, 9);
  EXPECT_TRUE(failsWith(b, "invalid data symbol offset: `buf`", t.sym2OffsetAt - 5));
  b = t.bytes;
  patchUleb(b, t.sym2OffsetAt, 9);
  EXPECT_TRUE(failsWith(b, "invalid data symbol offset", t.sym2OffsetAt - 5));
  b = t.bytes;
  patchUleb(b, t.sym2OffsetAt - 5, 1);  // segment 1 does not exist
  EXPECT_TRUE(failsWith(b, "invalid data symbol segment index 1", t.sym2OffsetAt - 5));
}

TEST(ObjectReader, InitFuncMustBeAFunctionSymbol) {
  TestObject t = buildObject();
  auto b = t.bytes;
  patchUleb(b, t.initFuncSymAt, 2);
  EXPECT_TRUE(failsWith(b, "invalid function symbol in init functions", t.initFuncSymAt));
  patchUleb(b, t.initFuncSymAt, 40);
  EXPECT_TRUE(failsWith(b, "invalid function symbol in init functions", t.initFuncSymAt));
}

TEST(ObjectReader, LinkingVersionMustBe2) {
  TestObject t = buildObject();
  for (uint32_t v : {0u, 1u, 3u, 100u}) {
    auto b = t.bytes;
    patchUleb(b, t.linkingVersionAt, v);
    EXPECT_TRUE(failsWith(b, "unexpected metadata version: " + std::to_string(v) + " (Expected: 2)",
                          t.linkingVersionAt));
  }
}

TEST(ObjectReader, LinkingSubSectionEndedPrematurely) {
  TestObject t = buildObject();
  auto b = t.bytes;
  patchUleb(b, t.symtabCountAt, 3);  // the fourth entry is left unread
  Result r = read(b);
  ASSERT_FALSE(r.ok);
  EXPECT_EQ(r.err.msg, "linking sub-section ended prematurely");
  EXPECT_GT(r.err.offset, t.symtabCountAt);
  EXPECT_LT(r.err.offset, t.initFuncSymAt);
}

TEST(ObjectReader, MissingLinkingSection) {
  ObjectOptions o;
  o.linking = false;
  auto b = buildObject(o).bytes;
  Result r = read(b);
  ASSERT_FALSE(r.ok);
  EXPECT_NE(r.err.msg.find("not a relocatable wasm file"), std::string::npos) << r.err.msg;
}

TEST(ObjectReader, ObjectWithoutRelocationsReads) {
  ObjectOptions o;
  o.relocs = false;
  o.dataCount = false;
  auto b = buildObject(o).bytes;
  Unit u;
  Interner strs;
  Result r = read(b, 0, &u, &strs);
  ASSERT_TRUE(r.ok) << r.err.str();
  EXPECT_EQ(u.relocs.size(), 0u);
  EXPECT_EQ(u.funcs[0].relocs.size(), 0u);
}

TEST(ObjectReader, InvalidUtf8ImportName) {
  TestObject t = buildObject();
  auto b = t.bytes;
  // "foo" -> "f" + overlong NUL (same length, so nothing moves).
  b[t.importFieldFooAt + 2] = 0xc0;
  b[t.importFieldFooAt + 3] = 0x80;
  EXPECT_TRUE(failsWith(b, "name is not valid UTF-8", t.importFieldFooAt));
  // A surrogate in a symbol name ("main" -> "m" + U+D800).
  ObjectOptions o;
  o.funcName = "m\xed\xa0\x80";
  auto s = buildObject(o);
  Result r = read(s.bytes);
  ASSERT_FALSE(r.ok);
  EXPECT_EQ(r.err.msg, "name is not valid UTF-8");
  EXPECT_EQ(r.err.offset, s.sym1IndexAt + 5);
}

TEST(ObjectReader, CustomSectionWithRelocationsAndSectionSymbol) {
  ObjectOptions o;
  o.debugSection = true;
  TestObject t = buildObject(o);
  Unit u;
  Interner strs;
  Result r = read(t.bytes, 0, &u, &strs);
  ASSERT_TRUE(r.ok) << r.err.str();
  ASSERT_EQ(u.customs.size(), 1u);
  const CustomAtom& c = u.customs[0];
  EXPECT_EQ(strs.str(c.name), ".debug_info");
  ASSERT_EQ(c.bytes.size(), 8u);
  EXPECT_EQ(c.bytes[0], 0xde);
  EXPECT_EQ(c.fileOffset, t.debugContents);
  auto cr = u.relocsOf(c.relocs);
  ASSERT_EQ(cr.size(), 2u);
  EXPECT_EQ(cr[0].type, RelocType::FUNCTION_OFFSET_I32);
  EXPECT_EQ(cr[0].offset, 0u);  // measured from after the section name
  EXPECT_EQ(cr[0].index, 1u);
  EXPECT_EQ(cr[1].type, RelocType::SECTION_OFFSET_I32);
  EXPECT_EQ(cr[1].offset, 4u);
  EXPECT_EQ(cr[1].index, 4u);
  EXPECT_EQ(cr[1].addend, 2);
  ASSERT_EQ(u.symbols.size(), 5u);
  EXPECT_EQ(u.symbols[4].kind, SymKind::Section);
  EXPECT_TRUE(u.symbols[4].local());
  EXPECT_EQ(u.symbols[4].index, 0u);  // custom atom 0
  EXPECT_EQ(strs.str(u.symbols[4].name), ".debug_info");
  // The code relocations are unaffected by the extra section.
  EXPECT_EQ(u.relocsOf(u.funcs[0].relocs).size(), 3u);
}

TEST(ObjectReader, SectionSymbolMustBeLocalAndValid) {
  ObjectOptions o;
  o.debugSection = true;
  TestObject t = buildObject(o);
  // The section symbol is the last entry of the symbol table: kind, flags
  // (5 bytes), section index (5 bytes), ending where the sub-section ends.
  // Find it from the count: it follows the __stack_pointer entry.
  size_t symSection = 0;
  for (size_t i = t.symtabCountAt; i + 11 < t.bytes.size(); ++i)
    if (t.bytes[i] == 3 && t.bytes[i + 1] == 0x82 && t.bytes[i + 6] == 0x86) {
      symSection = i;
      break;
    }
  ASSERT_NE(symSection, 0u);
  auto b = t.bytes;
  patchUleb(b, symSection + 1, 0);  // global binding
  EXPECT_TRUE(failsWith(b, "section symbols must have local binding", symSection));
  b = t.bytes;
  patchUleb(b, symSection + 6, 99);
  EXPECT_TRUE(failsWith(b, "invalid section symbol index", symSection + 6));
}
