// Conversions between floating point and integers of every width, signed
// and unsigned, in range (out-of-range conversions are undefined in C),
// including 64-bit integers that do not fit a double exactly.
// RUN: python3 %src/utils/test/run-c-program.py --toyc %toyc --work %t %s
#include <stdint.h>
#include <stdio.h>

double dv[] = {0.0, -0.0, 0.4, 0.5, 0.9999, 1.5, -1.5, -2.7, 127.9, -128.9, 255.5, 32767.9, 65535.2,
               2147483647.9, -2147483648.9, 4294967295.5, 9007199254740993.0, -9.2233720368547758e18,
               1.8446744073709550e19};

__attribute__((noinline)) int8_t d2s8(double d) { return (int8_t)d; }
__attribute__((noinline)) uint8_t d2u8(double d) { return (uint8_t)d; }
__attribute__((noinline)) int16_t d2s16(double d) { return (int16_t)d; }
__attribute__((noinline)) uint16_t d2u16(double d) { return (uint16_t)d; }
__attribute__((noinline)) int32_t d2s32(double d) { return (int32_t)d; }
__attribute__((noinline)) uint32_t d2u32(double d) { return (uint32_t)d; }
__attribute__((noinline)) int64_t d2s64(double d) { return (int64_t)d; }
__attribute__((noinline)) uint64_t d2u64(double d) { return (uint64_t)d; }
__attribute__((noinline)) int32_t f2s32(float f) { return (int32_t)f; }
__attribute__((noinline)) uint64_t f2u64(float f) { return (uint64_t)f; }
__attribute__((noinline)) double s64_2d(int64_t x) { return (double)x; }
__attribute__((noinline)) double u64_2d(uint64_t x) { return (double)x; }
__attribute__((noinline)) float u64_2f(uint64_t x) { return (float)x; }
__attribute__((noinline)) float s32_2f(int32_t x) { return (float)x; }
__attribute__((noinline)) double u32_2d(uint32_t x) { return (double)x; }
__attribute__((noinline)) float u32_2f(uint32_t x) { return (float)x; }
__attribute__((noinline)) double s8_2d(int8_t x) { return x; }
__attribute__((noinline)) float u16_2f(uint16_t x) { return x; }

int main(void) {
  int n = sizeof dv / sizeof dv[0];
  for (int i = 0; i < n; i++) {
    double d = dv[i];
    printf("%.17g:", d);
    if (d > -129 && d < 128) printf(" s8 %d", d2s8(d));
    if (d > -1 && d < 256) printf(" u8 %u", d2u8(d));
    if (d > -32769 && d < 32768) printf(" s16 %d", d2s16(d));
    if (d > -1 && d < 65536) printf(" u16 %u", d2u16(d));
    if (d > -2147483649.0 && d < 2147483648.0) printf(" s32 %d", d2s32(d));
    if (d > -1 && d < 4294967296.0) printf(" u32 %u", d2u32(d));
    if (d >= -9223372036854775808.0 && d < 9223372036854775808.0) printf(" s64 %lld", (long long)d2s64(d));
    if (d > -1 && d < 18446744073709551616.0) printf(" u64 %llu", (unsigned long long)d2u64(d));
    if (d > -2147483648.0 && d < 2147483520.0) printf(" f2s32 %d", f2s32((float)d));
    if (d > -1 && d < 1.8e19) printf(" f2u64 %llu", (unsigned long long)f2u64((float)d));
    printf("\n");
  }
  uint64_t iv[] = {0, 1, 9007199254740993ull, 9007199254740995ull, 0x7fffffffffffffffull, 0x8000000000000001ull,
                   0xffffffffffffffffull, 0xfffffffffffff801ull, 16777217, 0x80000080ull, 0xffffff7fffffffffull};
  for (int i = 0; i < 11; i++)
    printf("int %llu: s64 %.17g u64 %.17g u64f %.9g s32f %.9g u32d %.17g u32f %.9g\n", (unsigned long long)iv[i],
           s64_2d((int64_t)iv[i]), u64_2d(iv[i]), (double)u64_2f(iv[i]), (double)s32_2f((int32_t)iv[i]),
           u32_2d((uint32_t)iv[i]), (double)u32_2f((uint32_t)iv[i]));
  printf("small %.17g %.17g %.9g\n", s8_2d(-128), s8_2d(127), (double)u16_2f(65535));
  printf("done\n");
  return 0;
}
