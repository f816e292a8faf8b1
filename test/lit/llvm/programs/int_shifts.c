// Shifts: arithmetic vs logical right shift, every amount 0..31 / 0..63,
// variable and constant amounts, shifts feeding masks.
// RUN: python3 %src/utils/test/run-c-program.py --toyc %toyc --work %t %s
#include <stdint.h>
#include <stdio.h>

int32_t s32[] = {1, -1, -2147483647 - 1, 0x12345678, -0x12345678, 0x7fffffff};
uint64_t u64[] = {1, 0xffffffffffffffffull, 0x8000000000000000ull, 0x0123456789abcdefull};

__attribute__((noinline)) int32_t sar(int32_t a, int n) { return a >> n; }
__attribute__((noinline)) uint32_t shr(uint32_t a, int n) { return a >> n; }
__attribute__((noinline)) uint32_t shl(uint32_t a, int n) { return a << n; }
__attribute__((noinline)) int64_t sar64(int64_t a, int n) { return a >> n; }
__attribute__((noinline)) uint64_t shr64(uint64_t a, int n) { return a >> n; }
__attribute__((noinline)) uint64_t shl64(uint64_t a, int n) { return a << n; }
__attribute__((noinline)) uint32_t field(uint32_t w, int lo, int width) {
  return (w >> lo) & ((width == 32) ? 0xffffffffu : ((1u << width) - 1));
}
__attribute__((noinline)) int32_t sext_field(uint32_t w, int width) {
  // Sign-extends the low `width` bits, without shifting a negative value left.
  uint32_t m = 1u << (width - 1);
  uint32_t x = w & ((width == 32) ? 0xffffffffu : ((1u << width) - 1));
  return (int32_t)((x ^ m) - m);
}

int main(void) {
  for (int i = 0; i < 6; i++) {
    uint32_t h = 0;
    for (int n = 0; n < 32; n++) {
      h = h * 33 + (uint32_t)sar(s32[i], n);
      h = h * 33 + shr((uint32_t)s32[i], n);
      h = h * 33 + shl((uint32_t)s32[i], n);
    }
    printf("%d: sar31 %d sar4 %d shr4 %u shl4 %u h %u\n", s32[i], sar(s32[i], 31), sar(s32[i], 4),
           shr((uint32_t)s32[i], 4), shl((uint32_t)s32[i], 4), h);
    printf("  const: %d %u %d %u\n", s32[i] >> 7, (uint32_t)s32[i] >> 7, s32[i] >> 31,
           (uint32_t)s32[i] << 13);
  }
  for (int i = 0; i < 4; i++) {
    uint64_t h = 0;
    for (int n = 0; n < 64; n++) {
      h = h * 1099511628211ull + (uint64_t)sar64((int64_t)u64[i], n);
      h = h * 1099511628211ull + shr64(u64[i], n);
      h = h * 1099511628211ull + shl64(u64[i], n);
    }
    printf("%llx: sar63 %lld shr33 %llx shl33 %llx h %llx\n", (unsigned long long)u64[i],
           (long long)sar64((int64_t)u64[i], 63), (unsigned long long)shr64(u64[i], 33),
           (unsigned long long)shl64(u64[i], 33), (unsigned long long)h);
  }
  uint32_t w = 0xdeadbeef;
  for (int lo = 0; lo < 32; lo += 5)
    for (int width = 1; width + lo <= 32; width += 7)
      printf("field %d %d = %x sext %d\n", lo, width, field(w, lo, width),
             sext_field(field(w, lo, width), width));
  printf("done\n");
  return 0;
}
