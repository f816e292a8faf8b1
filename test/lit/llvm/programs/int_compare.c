// Comparisons: all six predicates, signed and unsigned, at 8/16/32/64 bits,
// mixed signedness after the usual conversions, compares used as values.
// RUN: python3 %src/utils/test/run-c-program.py --toyc %toyc --work %t %s
#include <stdint.h>
#include <stdio.h>

int64_t v[] = {0, 1, -1, 127, -128, 255, 32767, -32768, 65535, 2147483647, -2147483647 - 1,
               4294967295LL, 9223372036854775807LL, -9223372036854775807LL - 1};

#define CMPS(T, name)                                                                   \
  __attribute__((noinline)) unsigned name(T a, T b) {                                   \
    return (unsigned)(a < b) | (unsigned)(a <= b) << 1 | (unsigned)(a > b) << 2 |       \
           (unsigned)(a >= b) << 3 | (unsigned)(a == b) << 4 | (unsigned)(a != b) << 5; \
  }
CMPS(int8_t, c_s8)
CMPS(uint8_t, c_u8)
CMPS(int16_t, c_s16)
CMPS(uint16_t, c_u16)
CMPS(int32_t, c_s32)
CMPS(uint32_t, c_u32)
CMPS(int64_t, c_s64)
CMPS(uint64_t, c_u64)

__attribute__((noinline)) int mixed(int a, unsigned b) { return (unsigned)a < b; }
__attribute__((noinline)) int mixed_short(short a, unsigned short b) { return a < b; }
__attribute__((noinline)) int sign3(long long x) { return (x > 0) - (x < 0); }
__attribute__((noinline)) int in_range(unsigned x, unsigned lo, unsigned hi) { return x - lo <= hi - lo; }

int main(void) {
  int n = sizeof v / sizeof v[0];
  for (int i = 0; i < n; i++) {
    unsigned h = 0;
    for (int j = 0; j < n; j++) {
      int64_t a = v[i], b = v[j];
      h = h * 131 + c_s8((int8_t)a, (int8_t)b);
      h = h * 131 + c_u8((uint8_t)a, (uint8_t)b);
      h = h * 131 + c_s16((int16_t)a, (int16_t)b);
      h = h * 131 + c_u16((uint16_t)a, (uint16_t)b);
      h = h * 131 + c_s32((int32_t)a, (int32_t)b);
      h = h * 131 + c_u32((uint32_t)a, (uint32_t)b);
      h = h * 131 + c_s64(a, b);
      h = h * 131 + c_u64((uint64_t)a, (uint64_t)b);
      if (j == 2 || j == 10)
        printf("%lld vs %lld: %02x %02x %02x %02x %02x %02x %02x %02x\n", (long long)a, (long long)b,
               c_s8((int8_t)a, (int8_t)b), c_u8((uint8_t)a, (uint8_t)b), c_s16((int16_t)a, (int16_t)b),
               c_u16((uint16_t)a, (uint16_t)b), c_s32((int32_t)a, (int32_t)b),
               c_u32((uint32_t)a, (uint32_t)b), c_s64(a, b), c_u64((uint64_t)a, (uint64_t)b));
    }
    printf("row %d hash %u sign %d\n", i, h, sign3(v[i]));
  }
  printf("mixed %d %d %d %d\n", mixed(-1, 1u), mixed(1, 2u), mixed_short(-1, 1), mixed_short(5, 3));
  printf("range %d %d %d %d\n", in_range(5, 3, 9), in_range(2, 3, 9), in_range(10, 3, 9), in_range(9, 3, 9));
  printf("done\n");
  return 0;
}
