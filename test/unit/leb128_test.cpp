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
