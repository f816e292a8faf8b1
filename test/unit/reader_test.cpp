// The bounds-checked Reader: every read kind, sticky errors, absolute
// offsets in errors, name() UTF-8 validation and sub-readers.
// GCC 12 reports false -Warray-bounds/-Wstringop-overflow/-Wrestrict
// positives on inlined bounds-checked loops in release builds.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Warray-bounds"
#pragma GCC diagnostic ignored "-Wstringop-overflow"
#pragma GCC diagnostic ignored "-Wrestrict"
#endif
#include <gtest/gtest.h>
#include <string>
#include <vector>
#include "link/reader.h"

using namespace toyc::wasm;

namespace {

struct Buf {
  std::vector<uint8_t> b;
  std::string file = "in.o";
  Reader reader(uint64_t base = 0) { return Reader({b.data(), b.size()}, base, &file); }
};

}  // namespace

TEST(Reader, EveryReadKind) {
  Buf in;
  in.b = {0xab,                                            // u8
          0x78, 0x56, 0x34, 0x12,                          // u32le
          0x08, 0x07, 0x06, 0x05, 0x04, 0x03, 0x02, 0x01,  // u64le
          0xe5, 0x8e, 0x26,                                // uleb32 624485
          0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01,  // uleb64 2^63
          0xc0, 0xbb, 0x78,                                // sleb32 -123456
          0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x7f,  // sleb64 INT64_MIN
          0x03, 'x', 'y', 'z',                             // name
          0x02, 0xaa, 0xbb,                                // count(1) + bytes(2)
          0x11, 0x22, 0x33};                               // skip(2), u8
  Reader r = in.reader(0x40);
  EXPECT_EQ(r.fileOffset(), 0x40u);
  EXPECT_EQ(r.u8(), 0xab);
  EXPECT_EQ(r.u32le(), 0x12345678u);
  EXPECT_EQ(r.u64le(), 0x0102030405060708ull);
  EXPECT_EQ(r.uleb32(), 624485u);
  EXPECT_EQ(r.uleb64(), uint64_t(1) << 63);
  EXPECT_EQ(r.sleb32(), -123456);
  EXPECT_EQ(r.sleb64(), INT64_MIN);
  EXPECT_EQ(r.name(), "xyz");
  EXPECT_EQ(r.count(1), 2u);
  auto bytes = r.bytes(2);
  ASSERT_EQ(bytes.size(), 2u);
  EXPECT_EQ(bytes[0], 0xaa);
  EXPECT_EQ(bytes[1], 0xbb);
  EXPECT_EQ(bytes.data(), in.b.data() + r.pos() - 2);
  r.skip(2);
  EXPECT_EQ(r.remaining(), 1u);
  EXPECT_EQ(r.u8(), 0x33);
  EXPECT_TRUE(r.ok());
  EXPECT_TRUE(r.atEnd());
  EXPECT_EQ(r.pos(), in.b.size());
  EXPECT_EQ(r.fileOffset(), 0x40u + in.b.size());
  // Zero-length reads at the end are fine.
  EXPECT_EQ(r.bytes(0).size(), 0u);
  EXPECT_TRUE(r.ok());
}

TEST(Reader, FixedWidthReadsPastEndFailAtFieldStart) {
  Buf in;
  in.b = {1, 2, 3, 4, 5, 6, 7};
  {
    Reader r = in.reader(10);
    r.u32le();
    EXPECT_EQ(r.u64le(), 0u);  // only 3 bytes left
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().offset, 14u);
    EXPECT_EQ(r.error().msg, "unexpected end of input");
    EXPECT_TRUE(r.error().hasOffset);
  }
  {
    Reader r = in.reader();
    r.skip(5);
    EXPECT_EQ(r.u32le(), 0u);
    EXPECT_FALSE(r.ok());
    EXPECT_EQ(r.error().offset, 5u);
  }
  {
    Reader r = in.reader();
    r.skip(7);
    EXPECT_EQ(r.u8(), 0u);
    EXPECT_FALSE(r.ok());
    EXPECT_EQ(r.error().offset, 7u);
  }
  {
    Reader r = in.reader();
    EXPECT_TRUE(r.bytes(8).empty());
    EXPECT_FALSE(r.ok());
    EXPECT_EQ(r.error().offset, 0u);
  }
}

TEST(Reader, ErrorsAreSticky) {
  Buf in;
  in.b = {0x01, 0x02, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00, 0x05, 0x06};
  Reader r = in.reader(100);
  EXPECT_EQ(r.u8(), 1);
  EXPECT_EQ(r.u8(), 2);
  EXPECT_EQ(r.uleb32(), 0u);  // six-byte LEB
  ASSERT_FALSE(r.ok());
  const toyc::Error first = r.error();
  EXPECT_EQ(first.offset, 102u);
  EXPECT_EQ(first.msg, "malformed LEB128 integer");
  // Every later read returns zero, consumes nothing and keeps the first error.
  EXPECT_EQ(r.u8(), 0u);
  EXPECT_EQ(r.u32le(), 0u);
  EXPECT_EQ(r.u64le(), 0u);
  EXPECT_EQ(r.uleb32(), 0u);
  EXPECT_EQ(r.sleb64(), 0);
  EXPECT_TRUE(r.name().empty());
  EXPECT_EQ(r.count(), 0u);
  EXPECT_TRUE(r.bytes(1).empty());
  Reader sub = r.sub(1);
  EXPECT_TRUE(sub.atEnd());
  r.fail("second error");
  r.failAt(r.begin(), "third error");
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(r.error().offset, first.offset);
  EXPECT_EQ(r.error().msg, first.msg);
  EXPECT_TRUE(r.atEnd());
}

TEST(Reader, LebErrorsReportTheLebStart) {
  Buf in;
  // A truncated LEB: the error is at its first byte.
  in.b = {0x00, 0x00, 0x80, 0x80};
  Reader r = in.reader(0x1000);
  r.skip(2);
  EXPECT_EQ(r.uleb32(), 0u);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().offset, 0x1002u);
  // A 32-bit value with high bits set.
  Buf in2;
  in2.b = {0x07, 0xff, 0xff, 0xff, 0xff, 0x1f};
  Reader r2 = in2.reader(0);
  r2.u8();
  r2.uleb32();
  ASSERT_FALSE(r2.ok());
  EXPECT_EQ(r2.error().offset, 1u);
  EXPECT_EQ(r2.error().msg, "malformed LEB128 integer");
  // The same bytes are fine as a 64-bit value.
  Reader r3 = in2.reader(0);
  r3.u8();
  EXPECT_EQ(r3.uleb64(), 0x1ffffffffull);
  EXPECT_TRUE(r3.ok());
  // A signed 32-bit overflow.
  Buf in4;
  in4.b = {0xff, 0xff, 0xff, 0xff, 0x08};
  Reader r4 = in4.reader(7);
  EXPECT_EQ(r4.sleb32(), 0);
  ASSERT_FALSE(r4.ok());
  EXPECT_EQ(r4.error().offset, 7u);
  EXPECT_EQ(r4.error().msg, "malformed LEB128 integer");
}

TEST(Reader, LebAtEndIsUnexpectedEnd) {
  Buf in;
  in.b = {0x05};
  Reader r = in.reader(3);
  r.u8();
  EXPECT_EQ(r.sleb32(), 0);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().msg, "unexpected end of input");
  EXPECT_EQ(r.error().offset, 4u);
}

TEST(Reader, ErrorStringCarriesFileAndHexOffset) {
  Buf in;
  in.file = "libc.a(printf.o)";
  in.b = {0x01};
  Reader r = in.reader(0x1234);
  r.u32le();
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().str(), "libc.a(printf.o): offset 0x1234: unexpected end of input");
  toyc::Error plain;
  plain.file = "a.o";
  plain.msg = "boom";
  EXPECT_EQ(plain.str(), "a.o: boom");
}

TEST(Reader, DefaultAndNamelessReadersFailCleanly) {
  Reader r;
  EXPECT_TRUE(r.ok());
  EXPECT_TRUE(r.atEnd());
  EXPECT_EQ(r.remaining(), 0u);
  EXPECT_EQ(r.u8(), 0u);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().file, "<input>");
  const uint8_t one = 1;
  Reader r2({&one, 1}, 0, nullptr);
  r2.u32le();
  ASSERT_FALSE(r2.ok());
  EXPECT_EQ(r2.error().file, "<input>");
}

TEST(Reader, FailAtRecordsTheGivenPosition) {
  Buf in;
  in.b = {1, 2, 3, 4, 5};
  Reader r = in.reader(50);
  const uint8_t* at = r.ptr();
  r.skip(3);
  r.failAt(at + 1, "bad thing");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().offset, 51u);
  EXPECT_EQ(r.error().msg, "bad thing");
  EXPECT_EQ(r.error().file, "in.o");
  EXPECT_TRUE(r.atEnd());
}

TEST(Reader, CountBounds) {
  Buf in;
  in.b = {0x04, 1, 2, 3, 4};
  {
    Reader r = in.reader();
    EXPECT_EQ(r.count(1), 4u);  // exactly the bytes left
    EXPECT_TRUE(r.ok());
  }
  {
    Reader r = in.reader(0x20);
    EXPECT_EQ(r.count(2), 0u);  // 8 bytes needed, 4 left
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().offset, 0x20u);
    EXPECT_NE(r.error().msg.find("count 4"), std::string::npos) << r.error().msg;
    EXPECT_NE(r.error().msg.find("4 bytes"), std::string::npos) << r.error().msg;
  }
  {
    // minSize 0: no bound (for things like empty-bodied entries).
    Buf big;
    big.b = {0xff, 0xff, 0xff, 0xff, 0x0f};
    Reader r = big.reader();
    EXPECT_EQ(r.count(0), 0xffffffffu);
    EXPECT_TRUE(r.ok());
  }
  {
    // A huge count with a large element size must not overflow the check.
    Buf big;
    big.b = {0xff, 0xff, 0xff, 0xff, 0x0f, 0, 0, 0};
    Reader r = big.reader();
    EXPECT_EQ(r.count(8), 0u);
    EXPECT_FALSE(r.ok());
  }
}

TEST(Reader, NameAcceptsValidUtf8) {
  Buf in;
  std::string s = std::string("a\0b", 3) + "\xc3\xa9" /* é */ + "\xe2\x82\xac" /* € */ +
                  "\xf0\x9f\x98\x80" /* U+1F600 */ + "\xed\x9f\xbf" /* U+D7FF */ + "\xee\x80\x80" /* U+E000 */ +
                  "\xef\xbf\xbf" /* U+FFFF */ + "\xf4\x8f\xbf\xbf" /* U+10FFFF */ + "\xc2\x80" /* U+0080 */ +
                  "\xe0\xa0\x80" /* U+0800 */ + "\xf0\x90\x80\x80" /* U+10000 */;
  in.b.push_back(uint8_t(s.size()));
  in.b.insert(in.b.end(), s.begin(), s.end());
  in.b.push_back(0);  // an empty name
  Reader r = in.reader();
  EXPECT_EQ(r.name(), s);
  EXPECT_EQ(r.name(), "");
  EXPECT_TRUE(r.ok());
  EXPECT_TRUE(r.atEnd());
}

TEST(Reader, NameRejectsInvalidUtf8AtTheLengthPrefix) {
  const std::vector<std::string> bad = {
      "\x80",                  // lone continuation byte
      "a\xbf",                 // continuation after ASCII
      "\xc0\x80",              // overlong NUL
      "\xc1\xbf",              // overlong 2-byte
      "\xe0\x80\x80",          // overlong 3-byte
      "\xe0\x9f\xbf",          // overlong U+07FF
      "\xf0\x80\x80\x80",      // overlong 4-byte
      "\xf0\x8f\xbf\xbf",      // overlong U+FFFF
      "\xed\xa0\x80",          // surrogate U+D800
      "\xed\xbf\xbf",          // surrogate U+DFFF
      "\xed\xb0\x80",          // low surrogate U+DC00
      "\xf4\x90\x80\x80",      // U+110000
      "\xf5\x80\x80\x80",      // lead byte F5
      "\xf8\x88\x80\x80\x80",  // 5-byte form
      "\xfc\x84\x80\x80\x80\x80",
      "\xfe",
      "\xff",
      "\xc3",                  // truncated 2-byte
      "\xe2\x82",              // truncated 3-byte
      "\xf0\x9f\x98",          // truncated 4-byte
      "\xe2\x28\xa1",          // bad continuation
      "ok\xc3(",               // bad continuation after a lead
  };
  for (const std::string& s : bad) {
    EXPECT_FALSE(isValidUtf8(s)) << testing::PrintToString(s);
    Buf in;
    in.b = {0x00, 0x00};  // two bytes before the name
    in.b.push_back(uint8_t(s.size()));
    in.b.insert(in.b.end(), s.begin(), s.end());
    in.b.push_back(0x42);
    Reader r = in.reader(0x300);
    r.skip(2);
    EXPECT_TRUE(r.name().empty());
    ASSERT_FALSE(r.ok()) << testing::PrintToString(s);
    EXPECT_EQ(r.error().msg, "name is not valid UTF-8");
    EXPECT_EQ(r.error().offset, 0x302u) << testing::PrintToString(s);
    EXPECT_EQ(r.u8(), 0u);  // sticky
  }
}

TEST(Reader, NameLongerThanInputFails) {
  Buf in;
  in.b = {0x00, 0x10, 'a', 'b'};
  Reader r = in.reader();
  r.u8();
  EXPECT_TRUE(r.name().empty());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().msg, "unexpected end of input");
  EXPECT_GE(r.error().offset, 1u);
  EXPECT_LE(r.error().offset, 2u);
}

TEST(Reader, SubReadersUseAbsoluteOffsets) {
  Buf in;
  in.b = {0xaa, 0x03, 0x01, 0x02, 0x80, 0x77};
  Reader r = in.reader(0x500);
  r.u8();
  uint32_t n = r.uleb32();
  Reader sub = r.sub(n);
  EXPECT_EQ(r.pos(), 5u);  // the parent skipped the sub-reader's bytes
  EXPECT_EQ(sub.fileOffset(), 0x502u);
  EXPECT_EQ(sub.remaining(), 3u);
  EXPECT_EQ(sub.u8(), 1);
  // A nested sub-reader.
  Reader inner = sub.sub(1);
  EXPECT_EQ(inner.fileOffset(), 0x503u);
  EXPECT_EQ(inner.u8(), 2);
  EXPECT_TRUE(inner.atEnd());
  // The sub-reader cannot read into the parent's remaining bytes.
  EXPECT_EQ(sub.uleb32(), 0u);  // 0x80 then the end of the sub-reader
  ASSERT_FALSE(sub.ok());
  EXPECT_EQ(sub.error().offset, 0x504u);
  EXPECT_EQ(sub.error().file, "in.o");
  // The parent is fine until it adopts the error.
  EXPECT_TRUE(r.ok());
  EXPECT_EQ(r.u8(), 0x77);
  r.failFrom(sub);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().offset, 0x504u);
  EXPECT_EQ(r.error().msg, sub.error().msg);
}

TEST(Reader, SubReaderLargerThanParentFails) {
  Buf in;
  in.b = {0x01, 0x02, 0x03};
  Reader r = in.reader(0x10);
  r.u8();
  Reader sub = r.sub(3);
  EXPECT_TRUE(sub.atEnd());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().msg, "size exceeds the enclosing section");
  EXPECT_EQ(r.error().offset, 0x11u);
}

TEST(Reader, FailFromKeepsTheFirstError) {
  Buf in;
  in.b = {0x01, 0x02};
  Reader r = in.reader();
  Reader okSub = r.sub(1);
  r.failFrom(okSub);  // a healthy sub-reader changes nothing
  EXPECT_TRUE(r.ok());
  Reader bad = r.sub(1);
  bad.u32le();
  r.fail("parent first");
  r.failFrom(bad);
  EXPECT_EQ(r.error().msg, "parent first");
}
