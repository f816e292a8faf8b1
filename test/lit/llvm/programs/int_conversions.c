// Integer conversions between every pair of widths 8/16/32/64, signed and
// unsigned: truncation, sign extension and zero extension.
// RUN: python3 %src/utils/test/run-c-program.py --toyc %toyc --work %t %s
#include <stdint.h>
#include <stdio.h>

uint64_t src[] = {0, 1, 0x7f, 0x80, 0xff, 0x100, 0x7fff, 0x8000, 0xffff, 0x12345678, 0x80000000,
                  0xffffffff, 0x100000000ull, 0x8000000000000000ull, 0xffffffffffffffffull,
                  0xfedcba9876543210ull};

#define CONV(FROM, TO) \
  __attribute__((noinline)) int64_t cv_##FROM##_##TO(FROM##_t x) { return (int64_t)(TO##_t)x; }
#define ROW(FROM) CONV(FROM, int8) CONV(FROM, uint8) CONV(FROM, int16) CONV(FROM, uint16) \
  CONV(FROM, int32) CONV(FROM, uint32) CONV(FROM, int64)
ROW(int8) ROW(uint8) ROW(int16) ROW(uint16) ROW(int32) ROW(uint32) ROW(int64) ROW(uint64)

#define PR(FROM)                                                                                  \
  printf(#FROM " %lld %lld %lld %lld %lld %lld %lld\n", (long long)cv_##FROM##_int8((FROM##_t)x), \
         (long long)cv_##FROM##_uint8((FROM##_t)x), (long long)cv_##FROM##_int16((FROM##_t)x),    \
         (long long)cv_##FROM##_uint16((FROM##_t)x), (long long)cv_##FROM##_int32((FROM##_t)x),   \
         (long long)cv_##FROM##_uint32((FROM##_t)x), (long long)cv_##FROM##_int64((FROM##_t)x))

__attribute__((noinline)) uint64_t load_mixed(const unsigned char *p) {
  // Loads of each width from an unaligned byte buffer, via memcpy-free casts.
  const int8_t *s8 = (const int8_t *)p;
  uint64_t r = (uint64_t)(int64_t)s8[1];
  r = r * 3 + p[2];
  r = r * 5 + (uint64_t)(int64_t)(int16_t)(p[3] | p[4] << 8);
  return r;
}

int main(void) {
  for (int i = 0; i < 16; i++) {
    uint64_t x = src[i];
    printf("src %llx\n", (unsigned long long)x);
    PR(int8); PR(uint8); PR(int16); PR(uint16); PR(int32); PR(uint32); PR(int64); PR(uint64);
  }
  unsigned char buf[8] = {1, 0x80, 0xfe, 0x34, 0xff, 0, 0, 0};
  printf("mixed %llu\n", (unsigned long long)load_mixed(buf));
  printf("done\n");
  return 0;
}
