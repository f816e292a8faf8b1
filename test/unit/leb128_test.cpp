// GCC 12 reports false -Warray-bounds/-Wstringop-overflow/-Wrestrict
// positives on inlined bounds-checked loops in release builds.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Warray-bounds"
#pragma GCC diagnostic ignored "-Wstringop-overflow"
#pragma GCC diagnostic ignored "-Wrestrict"
#endif
#include <gtest/gtest.h>
#include "link/leb128.h"
#include "link/reader.h"

using namespace toyc::wasm;

TEST(Leb128, UnsignedRoundTrip) {
  for (uint64_t v : {0ull, 1ull, 127ull, 128ull, 624485ull, 0xffffffffull}) {
    uint8_t buf[10];
    unsigned n = writeUleb(buf, v);
    EXPECT_EQ(n, ulebSize(v));
    const uint8_t* p = buf;
    uint64_t out;
    ASSERT_TRUE(readUleb(p, buf + n, out, 32));
    EXPECT_EQ(out, v);
    EXPECT_EQ(p, buf + n);
  }
}

TEST(Leb128, SignedRoundTrip) {
  for (int64_t v : {0ll, -1ll, 63ll, 64ll, -64ll, -65ll, -123456ll, 2147483647ll, -2147483648ll}) {
    uint8_t buf[10];
    unsigned n = writeSleb(buf, v);
    EXPECT_EQ(n, slebSize(v));
    const uint8_t* p = buf;
    int64_t out;
    ASSERT_TRUE(readSleb(p, buf + n, out, 32));
    EXPECT_EQ(out, v);
  }
}

TEST(Leb128, PaddedIsFiveBytesAndDecodes) {
  uint8_t buf[5];
  writeUlebPadded(buf, 3, 5);
  const uint8_t expect[5] = {0x83, 0x80, 0x80, 0x80, 0x00};
  EXPECT_EQ(0, memcmp(buf, expect, 5));
  const uint8_t* p = buf;
  uint64_t v;
  ASSERT_TRUE(readUleb(p, buf + 5, v, 32));
  EXPECT_EQ(v, 3u);
  writeSlebPadded(buf, -2, 5);
  p = buf;
  int64_t s;
  ASSERT_TRUE(readSleb(p, buf + 5, s, 32));
  EXPECT_EQ(s, -2);
}

TEST(Leb128, RejectsOverlongAndUnusedBits) {
  const uint8_t tooLong[6] = {0x80, 0x80, 0x80, 0x80, 0x80, 0x00};
  const uint8_t* p = tooLong;
  uint64_t v;
  EXPECT_FALSE(readUleb(p, tooLong + 6, v, 32));
  const uint8_t highBits[5] = {0xff, 0xff, 0xff, 0xff, 0x7f};  // > 32 bits
  p = highBits;
  EXPECT_FALSE(readUleb(p, highBits + 5, v, 32));
  const uint8_t truncated[2] = {0x80, 0x80};
  p = truncated;
  EXPECT_FALSE(readUleb(p, truncated + 2, v, 32));
}

TEST(Reader, ErrorsCarryFileAndOffset) {
  std::string file = "x.o";
  const uint8_t data[3] = {0x05, 'a', 'b'};
  Reader r({data, 3}, 100, &file);
  r.name();  // length 5 but only 2 bytes follow
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().file, "x.o");
  EXPECT_EQ(r.error().offset, 101u);
  EXPECT_NE(r.error().str().find("x.o: offset 0x65"), std::string::npos);
}

TEST(Reader, CountIsBoundedByRemainingBytes) {
  std::string file = "y.o";
  const uint8_t data[2] = {0xff, 0x01};  // 255 elements, 0 bytes left
  Reader r({data, 2}, 0, &file);
  EXPECT_EQ(r.count(1), 0u);
  EXPECT_FALSE(r.ok());
}

// ---------------------------------------------------------------------------
// Sizes, extreme values, 64-bit and padded forms, and every malformed form.

namespace {

std::vector<uint8_t> encU(uint64_t v) {
  std::vector<uint8_t> out;
  appendUleb(out, v);
  return out;
}
std::vector<uint8_t> encS(int64_t v) {
  std::vector<uint8_t> out;
  appendSleb(out, v);
  return out;
}
bool decU(const std::vector<uint8_t>& b, unsigned bits, uint64_t& v, size_t* used = nullptr) {
  const uint8_t* p = b.data();
  bool ok = readUleb(p, b.data() + b.size(), v, bits);
  if (used) *used = size_t(p - b.data());
  return ok;
}
bool decS(const std::vector<uint8_t>& b, unsigned bits, int64_t& v, size_t* used = nullptr) {
  const uint8_t* p = b.data();
  bool ok = readSleb(p, b.data() + b.size(), v, bits);
  if (used) *used = size_t(p - b.data());
  return ok;
}

}  // namespace

TEST(Leb128, SizesAtBoundaries) {
  EXPECT_EQ(ulebSize(0), 1u);
  EXPECT_EQ(ulebSize(0x7f), 1u);
  EXPECT_EQ(ulebSize(0x80), 2u);
  EXPECT_EQ(ulebSize(0x3fff), 2u);
  EXPECT_EQ(ulebSize(0x4000), 3u);
  EXPECT_EQ(ulebSize(0xffffffffull), 5u);
  EXPECT_EQ(ulebSize(0x7ffffffffull), 5u);
  EXPECT_EQ(ulebSize(0x800000000ull), 6u);
  EXPECT_EQ(ulebSize(UINT64_MAX), 10u);
  EXPECT_EQ(slebSize(0), 1u);
  EXPECT_EQ(slebSize(63), 1u);
  EXPECT_EQ(slebSize(64), 2u);
  EXPECT_EQ(slebSize(-64), 1u);
  EXPECT_EQ(slebSize(-65), 2u);
  EXPECT_EQ(slebSize(INT32_MAX), 5u);
  EXPECT_EQ(slebSize(INT32_MIN), 5u);
  EXPECT_EQ(slebSize(INT64_MAX), 10u);
  EXPECT_EQ(slebSize(INT64_MIN), 10u);
}

TEST(Leb128, ExactEncodingsOfExtremes) {
  EXPECT_EQ(encU(624485), (std::vector<uint8_t>{0xe5, 0x8e, 0x26}));
  EXPECT_EQ(encU(0xffffffffull), (std::vector<uint8_t>{0xff, 0xff, 0xff, 0xff, 0x0f}));
  EXPECT_EQ(encU(UINT64_MAX), (std::vector<uint8_t>{0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01}));
  EXPECT_EQ(encS(-123456), (std::vector<uint8_t>{0xc0, 0xbb, 0x78}));
  EXPECT_EQ(encS(INT32_MIN), (std::vector<uint8_t>{0x80, 0x80, 0x80, 0x80, 0x78}));
  EXPECT_EQ(encS(INT32_MAX), (std::vector<uint8_t>{0xff, 0xff, 0xff, 0xff, 0x07}));
  EXPECT_EQ(encS(INT64_MIN), (std::vector<uint8_t>{0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x7f}));
  EXPECT_EQ(encS(INT64_MAX), (std::vector<uint8_t>{0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x00}));
  EXPECT_EQ(encS(-1), (std::vector<uint8_t>{0x7f}));
  EXPECT_EQ(encS(64), (std::vector<uint8_t>{0xc0, 0x00}));
  EXPECT_EQ(encS(-65), (std::vector<uint8_t>{0xbf, 0x7f}));
}

TEST(Leb128, Uleb64RoundTripMaxValues) {
  for (uint64_t v : {uint64_t(0), uint64_t(1) << 32, (uint64_t(1) << 35) - 1, uint64_t(1) << 35, uint64_t(1) << 56,
                     (uint64_t(1) << 63) - 1, uint64_t(1) << 63, UINT64_MAX - 1, UINT64_MAX}) {
    auto b = encU(v);
    uint64_t out = 0;
    size_t used = 0;
    ASSERT_TRUE(decU(b, 64, out, &used)) << v;
    EXPECT_EQ(out, v);
    EXPECT_EQ(used, b.size());
    EXPECT_EQ(b.size(), ulebSize(v));
  }
}

TEST(Leb128, Sleb64RoundTripMaxValues) {
  for (int64_t v : {INT64_MIN, INT64_MIN + 1, int64_t(INT32_MIN) - 1, int64_t(INT32_MAX) + 1, -(int64_t(1) << 62),
                    int64_t(1) << 62, INT64_MAX - 1, INT64_MAX, int64_t(-1), int64_t(0)}) {
    auto b = encS(v);
    int64_t out = 0;
    size_t used = 0;
    ASSERT_TRUE(decS(b, 64, out, &used)) << v;
    EXPECT_EQ(out, v);
    EXPECT_EQ(used, b.size());
    EXPECT_EQ(b.size(), slebSize(v));
  }
}

TEST(Leb128, ValuesWiderThan32BitsAreRejectedAs32Bit) {
  uint64_t u;
  int64_t s;
  EXPECT_FALSE(decU(encU(uint64_t(1) << 32), 32, u));
  EXPECT_FALSE(decU(encU(UINT64_MAX), 32, u));
  EXPECT_FALSE(decS(encS(int64_t(INT32_MAX) + 1), 32, s));
  EXPECT_FALSE(decS(encS(int64_t(INT32_MIN) - 1), 32, s));
  EXPECT_TRUE(decS(encS(INT32_MIN), 32, s));
  EXPECT_EQ(s, INT32_MIN);
  EXPECT_TRUE(decS(encS(INT32_MAX), 32, s));
  EXPECT_EQ(s, INT32_MAX);
}

TEST(Leb128, Padded5ByteExtremes) {
  uint8_t buf[5];
  writeUlebPadded(buf, 0xffffffffull, 5);
  EXPECT_EQ(std::vector<uint8_t>(buf, buf + 5), (std::vector<uint8_t>{0xff, 0xff, 0xff, 0xff, 0x0f}));
  writeUlebPadded(buf, 0, 5);
  EXPECT_EQ(std::vector<uint8_t>(buf, buf + 5), (std::vector<uint8_t>{0x80, 0x80, 0x80, 0x80, 0x00}));
  writeSlebPadded(buf, -1, 5);
  EXPECT_EQ(std::vector<uint8_t>(buf, buf + 5), (std::vector<uint8_t>{0xff, 0xff, 0xff, 0xff, 0x7f}));
  writeSlebPadded(buf, INT32_MIN, 5);
  EXPECT_EQ(std::vector<uint8_t>(buf, buf + 5), (std::vector<uint8_t>{0x80, 0x80, 0x80, 0x80, 0x78}));
  writeSlebPadded(buf, INT32_MAX, 5);
  EXPECT_EQ(std::vector<uint8_t>(buf, buf + 5), (std::vector<uint8_t>{0xff, 0xff, 0xff, 0xff, 0x07}));
  for (int64_t v : {int64_t(0), int64_t(1), int64_t(-1), int64_t(63), int64_t(-64), int64_t(INT32_MIN),
                    int64_t(INT32_MAX)}) {
    writeSlebPadded(buf, v, 5);
    const uint8_t* p = buf;
    int64_t out;
    ASSERT_TRUE(readSleb(p, buf + 5, out, 32)) << v;
    EXPECT_EQ(out, v);
    EXPECT_EQ(p, buf + 5);
  }
}

TEST(Leb128, Padded10ByteFormsDecodeAs64Bit) {
  uint8_t buf[10];
  writeUlebPadded(buf, UINT64_MAX, 10);
  EXPECT_EQ(std::vector<uint8_t>(buf, buf + 10),
            (std::vector<uint8_t>{0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01}));
  writeUlebPadded(buf, 5, 10);
  EXPECT_EQ(std::vector<uint8_t>(buf, buf + 10),
            (std::vector<uint8_t>{0x85, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00}));
  for (uint64_t v : {uint64_t(0), uint64_t(5), uint64_t(1) << 40, UINT64_MAX}) {
    writeUlebPadded(buf, v, 10);
    const uint8_t* p = buf;
    uint64_t out;
    ASSERT_TRUE(readUleb(p, buf + 10, out, 64));
    EXPECT_EQ(out, v);
    EXPECT_EQ(p, buf + 10);
  }
  for (int64_t v : {int64_t(0), int64_t(-1), int64_t(-2), INT64_MIN, INT64_MAX, -(int64_t(1) << 40)}) {
    writeSlebPadded(buf, v, 10);
    const uint8_t* p = buf;
    int64_t out;
    ASSERT_TRUE(readSleb(p, buf + 10, out, 64)) << v;
    EXPECT_EQ(out, v);
    EXPECT_EQ(p, buf + 10);
  }
  // A 10-byte field cannot be read as 32-bit.
  writeUlebPadded(buf, 1, 10);
  const uint8_t* p = buf;
  uint64_t out;
  EXPECT_FALSE(readUleb(p, buf + 10, out, 32));
}

TEST(Leb128, NonMinimalEncodingsAreAccepted) {
  uint64_t u;
  int64_t s;
  EXPECT_TRUE(decU({0x80, 0x00}, 32, u));
  EXPECT_EQ(u, 0u);
  EXPECT_TRUE(decU({0xff, 0x80, 0x00}, 32, u));
  EXPECT_EQ(u, 0x7fu);
  EXPECT_TRUE(decS({0xff, 0x7f}, 32, s));
  EXPECT_EQ(s, -1);
  EXPECT_TRUE(decS({0x80, 0x00}, 32, s));
  EXPECT_EQ(s, 0);
  EXPECT_TRUE(decS({0xc0, 0xff, 0x7f}, 32, s));
  EXPECT_EQ(s, -64);
}

TEST(Leb128, MalformedUleb32) {
  uint64_t v;
  // Empty input.
  EXPECT_FALSE(decU({}, 32, v));
  // Truncated at every length.
  for (size_t n = 1; n <= 4; ++n) EXPECT_FALSE(decU(std::vector<uint8_t>(n, 0x80), 32, v)) << n;
  // Fifth byte with its continuation bit set.
  EXPECT_FALSE(decU({0x80, 0x80, 0x80, 0x80, 0x80, 0x00}, 32, v));
  EXPECT_FALSE(decU({0xff, 0xff, 0xff, 0xff, 0x8f}, 32, v));
  // Fifth byte with any of the unused high bits set.
  for (uint8_t last : {0x10, 0x20, 0x40, 0x1f, 0x70, 0x7f})
    EXPECT_FALSE(decU({0xff, 0xff, 0xff, 0xff, last}, 32, v)) << int(last);
  // The largest legal fifth byte.
  EXPECT_TRUE(decU({0xff, 0xff, 0xff, 0xff, 0x0f}, 32, v));
  EXPECT_EQ(v, 0xffffffffu);
}

TEST(Leb128, MalformedUleb64) {
  uint64_t v;
  std::vector<uint8_t> nine(9, 0xff);
  EXPECT_FALSE(decU(nine, 64, v));  // truncated
  for (uint8_t last : {0x02, 0x03, 0x40, 0x7f, 0x81}) {
    auto b = nine;
    b.push_back(last);
    EXPECT_FALSE(decU(b, 64, v)) << int(last);
  }
  auto b = nine;
  b.push_back(0x01);
  EXPECT_TRUE(decU(b, 64, v));
  EXPECT_EQ(v, UINT64_MAX);
  // An 11-byte form.
  std::vector<uint8_t> eleven(10, 0x80);
  eleven.push_back(0x00);
  EXPECT_FALSE(decU(eleven, 64, v));
}

TEST(Leb128, MalformedSleb32) {
  int64_t v;
  EXPECT_FALSE(decS({}, 32, v));
  for (size_t n = 1; n <= 4; ++n) EXPECT_FALSE(decS(std::vector<uint8_t>(n, 0xff), 32, v)) << n;
  EXPECT_FALSE(decS({0x80, 0x80, 0x80, 0x80, 0x80, 0x00}, 32, v));
  // Last byte: bits 3..6 must all equal bit 3 (the sign of a 32-bit value).
  for (uint8_t last : {0x08, 0x10, 0x0f, 0x70, 0x77, 0x40})
    EXPECT_FALSE(decS({0x80, 0x80, 0x80, 0x80, last}, 32, v)) << int(last);
  EXPECT_TRUE(decS({0x80, 0x80, 0x80, 0x80, 0x78}, 32, v));
  EXPECT_EQ(v, INT32_MIN);
  EXPECT_TRUE(decS({0xff, 0xff, 0xff, 0xff, 0x07}, 32, v));
  EXPECT_EQ(v, INT32_MAX);
  EXPECT_TRUE(decS({0xff, 0xff, 0xff, 0xff, 0x7f}, 32, v));
  EXPECT_EQ(v, -1);
}

TEST(Leb128, MalformedSleb64) {
  int64_t v;
  std::vector<uint8_t> nine(9, 0x80);
  EXPECT_FALSE(decS(nine, 64, v));
  for (uint8_t last : {0x01, 0x7e, 0x02, 0x40, 0x80, 0xff}) {
    auto b = nine;
    b.push_back(last);
    EXPECT_FALSE(decS(b, 64, v)) << int(last);
  }
  auto b = nine;
  b.push_back(0x7f);
  EXPECT_TRUE(decS(b, 64, v));
  EXPECT_EQ(v, INT64_MIN);
  b.back() = 0x00;
  EXPECT_TRUE(decS(b, 64, v));
  EXPECT_EQ(v, 0);
}

TEST(Leb128, DecoderConsumesExactlyOneValue) {
  std::vector<uint8_t> b = {0xe5, 0x8e, 0x26, 0x7f, 0x01};
  const uint8_t* p = b.data();
  const uint8_t* end = b.data() + b.size();
  uint64_t u;
  int64_t s;
  ASSERT_TRUE(readUleb(p, end, u, 32));
  EXPECT_EQ(u, 624485u);
  EXPECT_EQ(p, b.data() + 3);
  ASSERT_TRUE(readSleb(p, end, s, 32));
  EXPECT_EQ(s, -1);
  ASSERT_TRUE(readUleb(p, end, u, 32));
  EXPECT_EQ(u, 1u);
  EXPECT_EQ(p, end);
}

TEST(Leb128, PseudoRandomRoundTrip) {
  uint64_t x = 0x9e3779b97f4a7c15ull;
  for (int i = 0; i < 20000; ++i) {
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    uint64_t u = x >> (x & 63);
    int64_t s = int64_t(x) >> (x & 63);
    uint64_t ou;
    int64_t os;
    auto bu = encU(u);
    auto bs = encS(s);
    ASSERT_EQ(bu.size(), ulebSize(u));
    ASSERT_EQ(bs.size(), slebSize(s));
    ASSERT_TRUE(decU(bu, 64, ou));
    ASSERT_EQ(ou, u);
    ASSERT_TRUE(decS(bs, 64, os));
    ASSERT_EQ(os, s);
    // 32-bit decoding accepts exactly the values that fit.
    ASSERT_EQ(decU(bu, 32, ou), u <= UINT32_MAX) << u;
    ASSERT_EQ(decS(bs, 32, os), s >= INT32_MIN && s <= INT32_MAX) << s;
  }
}
