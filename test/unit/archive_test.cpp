// Archive::open on GNU archives built in the test.
// GCC 12 reports false -Warray-bounds/-Wstringop-overflow/-Wrestrict
// positives on inlined bounds-checked loops in release builds.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Warray-bounds"
#pragma GCC diagnostic ignored "-Wstringop-overflow"
#pragma GCC diagnostic ignored "-Wrestrict"
#endif
#include <gtest/gtest.h>
#include <map>
#include <memory>
#include <string>
#include <vector>
#include "link/archive.h"
#include "test/unit/test_util.h"
#include "utils/file_io.h"

using namespace toyc;
using namespace toyc::link;
using toyc::test::ArLayout;
using toyc::test::ArMember;
using toyc::test::ArSymbol;
using toyc::test::buildArchive;
using toyc::test::buildObject;
using toyc::test::ObjectOptions;

namespace {

std::vector<uint8_t> bytesOf(std::string_view s) { return std::vector<uint8_t>(s.begin(), s.end()); }

std::vector<uint8_t> object(const std::string& func, const std::string& data) {
  ObjectOptions o;
  o.funcName = func;
  o.dataName = data;
  return buildObject(o).bytes;
}

struct Opened {
  std::vector<uint8_t> bytes;  // must outlive the archive
  Archive ar;
  Error err;
  bool ok = false;
};

std::unique_ptr<Opened> open(std::vector<uint8_t> bytes, const std::string& path = "lib.a") {
  auto o = std::make_unique<Opened>();
  o->bytes = std::move(bytes);
  o->ok = o->ar.open({o->bytes.data(), o->bytes.size()}, path, o->err);
  return o;
}

::testing::AssertionResult failsWith(std::vector<uint8_t> bytes, const std::string& msg, uint64_t offset) {
  auto o = open(std::move(bytes));
  if (o->ok) return ::testing::AssertionFailure() << "open succeeded; expected \"" << msg << "\"";
  if (o->err.msg.find(msg) == std::string::npos)
    return ::testing::AssertionFailure() << "message \"" << o->err.msg << "\" lacks \"" << msg << "\"";
  if (o->err.file != "lib.a") return ::testing::AssertionFailure() << "file \"" << o->err.file << "\"";
  if (!o->err.hasOffset || o->err.offset != offset)
    return ::testing::AssertionFailure() << "offset " << o->err.offset << " (" << o->err.str() << "), expected "
                                         << offset;
  return ::testing::AssertionSuccess();
}

}  // namespace

TEST(Archive, IsArchive) {
  EXPECT_TRUE(Archive::isArchive(bytesOf("!<arch>\n")));
  EXPECT_TRUE(Archive::isArchive(bytesOf("!<thin>\nxxxx")));
  EXPECT_FALSE(Archive::isArchive(bytesOf("!<arch>")));
  EXPECT_FALSE(Archive::isArchive(bytesOf("\0asm\1\0\0\0")));
}

TEST(Archive, GnuSymbolIndex) {
  std::vector<ArMember> members = {{"a.o", object("fa", "da")}, {"b.o", object("fb", "db")}};
  ArLayout l = buildArchive(members, {{"fa", 0}, {"da", 0}, {"fb", 1}, {"db", 1}});
  auto o = open(l.bytes);
  ASSERT_TRUE(o->ok) << o->err.str();
  EXPECT_TRUE(o->ar.hasIndex());
  EXPECT_EQ(o->ar.path(), "lib.a");
  ASSERT_EQ(o->ar.members().size(), 2u);
  for (uint32_t i = 0; i < 2; ++i) {
    EXPECT_EQ(o->ar.members()[i].name, members[i].name);
    EXPECT_EQ(o->ar.members()[i].offset, l.dataOffsets[i]);
    EXPECT_EQ(o->ar.members()[i].size, members[i].data.size());
    EXPECT_FALSE(o->ar.members()[i].extracted);
    Bytes mb = o->ar.memberBytes(i);
    EXPECT_EQ(std::vector<uint8_t>(mb.begin(), mb.end()), members[i].data);
  }
  EXPECT_EQ(o->ar.memberDisplayName(1), "lib.a(b.o)");
  const auto& syms = o->ar.symbols();
  ASSERT_EQ(syms.size(), 4u);
  EXPECT_EQ(syms[0].name, "fa");
  EXPECT_EQ(syms[0].member, 0u);
  EXPECT_EQ(syms[1].name, "da");
  EXPECT_EQ(syms[1].member, 0u);
  EXPECT_EQ(syms[2].name, "fb");
  EXPECT_EQ(syms[2].member, 1u);
  EXPECT_EQ(syms[3].name, "db");
  EXPECT_EQ(syms[3].member, 1u);
}

TEST(Archive, Sym64Index) {
  std::vector<ArMember> members = {{"a.o", object("fa", "da")}, {"b.o", object("fb", "db")}};
  ArLayout l = buildArchive(members, {{"fb", 1}, {"fa", 0}}, true, true);
  auto o = open(l.bytes);
  ASSERT_TRUE(o->ok) << o->err.str();
  EXPECT_TRUE(o->ar.hasIndex());
  ASSERT_EQ(o->ar.members().size(), 2u);  // the index is not a member
  ASSERT_EQ(o->ar.symbols().size(), 2u);
  EXPECT_EQ(o->ar.symbols()[0].name, "fb");
  EXPECT_EQ(o->ar.symbols()[0].member, 1u);
  EXPECT_EQ(o->ar.symbols()[1].name, "fa");
  EXPECT_EQ(o->ar.symbols()[1].member, 0u);
  // A bad 64-bit offset is reported at its entry.
  auto b = l.bytes;
  b[l.indexData + 8 + 3] = 1;  // high bytes of the first offset
  EXPECT_TRUE(failsWith(b, "which is not a member", l.indexData + 8));
}

TEST(Archive, EmptyArchive) {
  auto o = open(bytesOf("!<arch>\n"));
  ASSERT_TRUE(o->ok) << o->err.str();
  EXPECT_TRUE(o->ar.members().empty());
  EXPECT_TRUE(o->ar.symbols().empty());
}

TEST(Archive, LongNameTable) {
  std::vector<ArMember> members = {{"a_very_long_member_name.o", bytesOf("x")},
                                   {"short.o", bytesOf("yy")},
                                   {"exactly15chars.", bytesOf("zzz")},
                                   {"another_quite_long_name_for_a_member.o", bytesOf("wwww")}};
  ArLayout l = buildArchive(members, {}, false);
  auto o = open(l.bytes);
  ASSERT_TRUE(o->ok) << o->err.str();
  ASSERT_EQ(o->ar.members().size(), 4u);
  for (uint32_t i = 0; i < 4; ++i) {
    EXPECT_EQ(o->ar.members()[i].name, members[i].name);
    EXPECT_EQ(o->ar.members()[i].offset, l.dataOffsets[i]);
  }
  EXPECT_EQ(o->ar.memberDisplayName(3), "lib.a(another_quite_long_name_for_a_member.o)");
  EXPECT_FALSE(o->ar.hasIndex());
  EXPECT_TRUE(o->ar.symbols().empty());  // no wasm members to scan
}

TEST(Archive, InvalidLongNameOffset) {
  std::vector<ArMember> members = {{"a_very_long_member_name.o", bytesOf("x")}};
  ArLayout l = buildArchive(members, {}, false);
  // Point the member's name past the end of the `//` table.
  std::string hdr = toyc::test::arHeader("/999", 1);
  std::copy(hdr.begin(), hdr.begin() + 16, l.bytes.begin() + long(l.headerOffsets[0]));
  EXPECT_TRUE(failsWith(l.bytes, "invalid long member name offset", l.headerOffsets[0]));
}

TEST(Archive, OddSizeMembersArePadded) {
  std::vector<ArMember> members = {{"odd.txt", bytesOf("abc")}, {"b.o", object("fb", "db")},
                                   {"one", bytesOf("1")}};
  ArLayout l = buildArchive(members, {{"fb", 1}});
  ASSERT_EQ(l.dataOffsets[1] % 2, 0u);
  auto o = open(l.bytes);
  ASSERT_TRUE(o->ok) << o->err.str();
  ASSERT_EQ(o->ar.members().size(), 3u);
  EXPECT_EQ(o->ar.members()[0].size, 3u);
  EXPECT_EQ(o->ar.members()[1].name, "b.o");
  EXPECT_EQ(o->ar.members()[1].offset, l.dataOffsets[1]);
  EXPECT_EQ(o->ar.members()[2].name, "one");
  EXPECT_EQ(o->ar.memberBytes(2)[0], '1');
  ASSERT_EQ(o->ar.symbols().size(), 1u);
  EXPECT_EQ(o->ar.symbols()[0].member, 1u);
  // The last odd-size member may lack its padding byte.
  auto trimmed = l.bytes;
  ASSERT_EQ(trimmed.back(), '\n');
  trimmed.pop_back();
  auto t = open(trimmed);
  ASSERT_TRUE(t->ok) << t->err.str();
  EXPECT_EQ(t->ar.members().size(), 3u);
}

TEST(Archive, MissingIndexIsBuiltByScanning) {
  std::vector<ArMember> members;
  for (int i = 0; i < 24; ++i)  // enough names to make the name storage grow
    members.push_back({"m" + std::to_string(i) + ".o",
                       object("f" + std::to_string(i), "data_number_" + std::to_string(i) + "_long_name")});
  members.insert(members.begin() + 3, ArMember{"README", bytesOf("not wasm")});
  ArLayout l = buildArchive(members, {}, false);
  auto o = open(l.bytes);
  ASSERT_TRUE(o->ok) << o->err.str();
  EXPECT_FALSE(o->ar.hasIndex());
  const auto& syms = o->ar.symbols();
  ASSERT_EQ(syms.size(), 48u);
  std::map<std::string, uint32_t> got;
  for (const auto& s : syms) got[std::string(s.name)] = s.member;
  ASSERT_EQ(got.size(), 48u);
  for (int i = 0; i < 24; ++i) {
    uint32_t member = uint32_t(i < 3 ? i : i + 1);  // README sits at 3
    EXPECT_EQ(got["f" + std::to_string(i)], member) << i;
    EXPECT_EQ(got["data_number_" + std::to_string(i) + "_long_name"], member) << i;
  }
  // Names stay valid after open returns.
  EXPECT_EQ(syms[0].name, "f0");
  EXPECT_EQ(syms[1].name, "data_number_0_long_name");
}

TEST(Archive, ScanningReportsCorruptMemberByName) {
  auto bad = object("f", "d");
  bad[4] = 7;  // bad version
  ArLayout l = buildArchive({{"good.o", object("g", "h")}, {"bad.o", bad}}, {}, false);
  auto o = open(l.bytes);
  ASSERT_FALSE(o->ok);
  EXPECT_EQ(o->err.file, "lib.a(bad.o)");
  EXPECT_EQ(o->err.offset, l.dataOffsets[1] + 4);
  EXPECT_NE(o->err.msg.find("unsupported wasm version 7"), std::string::npos) << o->err.msg;
}

TEST(Archive, TruncatedHeader) {
  auto b = bytesOf("!<arch>\n");
  std::string hdr = toyc::test::arHeader("a.o/", 0);
  b.insert(b.end(), hdr.begin(), hdr.begin() + 30);
  EXPECT_TRUE(failsWith(b, "truncated archive member header", 8));
  // After a complete member.
  ArLayout l = buildArchive({{"a.o", bytesOf("ab")}}, {}, false);
  size_t at = l.bytes.size();
  l.bytes.insert(l.bytes.end(), hdr.begin(), hdr.begin() + 59);
  EXPECT_TRUE(failsWith(l.bytes, "truncated archive member header", at));
}

TEST(Archive, SizePastEnd) {
  ArLayout l = buildArchive({{"a.o", bytesOf("0123456789")}}, {}, false);
  std::string hdr = toyc::test::arHeader("a.o/", 100);
  std::copy(hdr.begin(), hdr.end(), l.bytes.begin() + long(l.headerOffsets[0]));
  EXPECT_TRUE(failsWith(l.bytes, "archive member extends past the end of the file", l.headerOffsets[0] + 48));
  // One byte too many.
  hdr = toyc::test::arHeader("a.o/", 11);
  std::copy(hdr.begin(), hdr.end(), l.bytes.begin() + long(l.headerOffsets[0]));
  EXPECT_TRUE(failsWith(l.bytes, "extends past the end", l.headerOffsets[0] + 48));
  // A huge size.
  auto b = l.bytes;
  std::string huge = "9999999999";
  std::copy(huge.begin(), huge.end(), b.begin() + long(l.headerOffsets[0] + 48));
  EXPECT_TRUE(failsWith(b, "extends past the end", l.headerOffsets[0] + 48));
}

TEST(Archive, MalformedHeaderFields) {
  ArLayout l = buildArchive({{"a.o", bytesOf("0123")}}, {}, false);
  auto b = l.bytes;
  b[l.headerOffsets[0] + 48] = 'x';
  EXPECT_TRUE(failsWith(b, "invalid archive member size", l.headerOffsets[0] + 48));
  b = l.bytes;
  b[l.headerOffsets[0] + 49] = '-';  // "4-"
  EXPECT_TRUE(failsWith(b, "invalid archive member size", l.headerOffsets[0] + 48));
  b = l.bytes;
  b[l.headerOffsets[0] + 58] = '\'';
  EXPECT_TRUE(failsWith(b, "invalid archive member header terminator", l.headerOffsets[0] + 58));
}

TEST(Archive, BadIndexOffset) {
  std::vector<ArMember> members = {{"a.o", object("fa", "da")}, {"b.o", object("fb", "db")}};
  ArLayout l = buildArchive(members, {{"fa", 0}, {"fb", 1}});
  // The second entry's member-header offset (big-endian) -> 12345.
  size_t entry = l.indexData + 4 + 4;
  l.bytes[entry] = 0;
  l.bytes[entry + 1] = 0;
  l.bytes[entry + 2] = 0x30;
  l.bytes[entry + 3] = 0x39;
  EXPECT_TRUE(failsWith(l.bytes, "archive symbol index refers to offset 12345, which is not a member", entry));
  // An offset of a member's data (not its header) is not a member either.
  uint64_t dataOff = l.dataOffsets[0];
  l.bytes[entry] = uint8_t(dataOff >> 24);
  l.bytes[entry + 1] = uint8_t(dataOff >> 16);
  l.bytes[entry + 2] = uint8_t(dataOff >> 8);
  l.bytes[entry + 3] = uint8_t(dataOff);
  EXPECT_TRUE(failsWith(l.bytes, "which is not a member", entry));
}

TEST(Archive, MalformedIndex) {
  std::vector<ArMember> members = {{"a.o", object("fa", "da")}};
  ArLayout l = buildArchive(members, {{"fa", 0}});
  // Count larger than the table.
  auto b = l.bytes;
  b[l.indexData + 3] = 200;
  EXPECT_TRUE(failsWith(b, "archive symbol index count exceeds its size", l.indexData));
  // Names missing their NUL terminator.
  b = l.bytes;
  b[l.indexData + 8 + 2] = 'x';  // "fa\0" -> "fax", and the pad byte follows
  b[l.indexData + 8 + 3] = 'y';
  EXPECT_TRUE(failsWith(b, "archive symbol index names are truncated", l.indexData));
}

TEST(Archive, NotAnArchiveThinAndBsd) {
  EXPECT_TRUE(failsWith(bytesOf("!<arch "), "not an archive", 0));
  EXPECT_TRUE(failsWith(bytesOf("!<thin>\n"), "thin archives are not supported", 0));
  auto b = bytesOf("!<arch>\n");
  std::string hdr = toyc::test::arHeader("__.SYMDEF", 0);
  b.insert(b.end(), hdr.begin(), hdr.end());
  EXPECT_TRUE(failsWith(b, "BSD archives are not supported", 8));
}

TEST(Archive, RealLibcIfPresent) {
  const std::string path = "/usr/lib/wasm32-wasi/libc.a";
  std::string e;
  auto f = MappedFile::open(path, e);
  if (!f) GTEST_SKIP() << path << ": " << e;
  Archive ar;
  Error err;
  ASSERT_TRUE(ar.open(f->bytes(), path, err)) << err.str();
  EXPECT_TRUE(ar.hasIndex());
  EXPECT_GT(ar.members().size(), 100u);
  bool printf = false, malloc = false;
  for (const auto& s : ar.symbols()) {
    ASSERT_LT(s.member, ar.members().size());
    if (s.name == "printf") printf = true;
    if (s.name == "malloc") malloc = true;
  }
  EXPECT_TRUE(printf);
  EXPECT_TRUE(malloc);
  for (uint32_t i = 0; i < ar.members().size(); ++i) {
    ASSERT_EQ(ar.members()[i].offset % 2, 0u) << ar.members()[i].name;
    ASSERT_FALSE(ar.members()[i].name.empty());
    ASSERT_EQ(ar.members()[i].name.find('/'), std::string::npos) << ar.members()[i].name;
  }
}
