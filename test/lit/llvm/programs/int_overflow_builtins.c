// __builtin_{add,sub,mul}_overflow at 8, 16, 32 and 64 bits, signed and
// unsigned (the *.with.overflow intrinsics).
// RUN: python3 %src/utils/test/run-c-program.py --toyc %toyc --work %t %s
#include <stdint.h>
#include <stdio.h>

int32_t v32[] = {0, 1, -1, 2147483647, -2147483647 - 1, 65536, -65536, 46341, 1000};
int64_t v64[] = {0, 1, -1, 9223372036854775807LL, -9223372036854775807LL - 1, 3037000500LL, 4294967296LL};
int16_t v16[] = {0, 1, -1, 32767, -32768, 200, 182};
uint8_t v8[] = {0, 1, 255, 128, 16, 17};

__attribute__((noinline)) int add32(int32_t a, int32_t b, int32_t *r) { return __builtin_add_overflow(a, b, r); }
__attribute__((noinline)) int sub32(int32_t a, int32_t b, int32_t *r) { return __builtin_sub_overflow(a, b, r); }
__attribute__((noinline)) int mul32(int32_t a, int32_t b, int32_t *r) { return __builtin_mul_overflow(a, b, r); }
__attribute__((noinline)) int uadd32(uint32_t a, uint32_t b, uint32_t *r) { return __builtin_add_overflow(a, b, r); }
__attribute__((noinline)) int umul32(uint32_t a, uint32_t b, uint32_t *r) { return __builtin_mul_overflow(a, b, r); }
__attribute__((noinline)) int add64(int64_t a, int64_t b, int64_t *r) { return __builtin_add_overflow(a, b, r); }
__attribute__((noinline)) int mul64(int64_t a, int64_t b, int64_t *r) { return __builtin_mul_overflow(a, b, r); }
__attribute__((noinline)) int umul64(uint64_t a, uint64_t b, uint64_t *r) { return __builtin_mul_overflow(a, b, r); }
__attribute__((noinline)) int mul16(int16_t a, int16_t b, int16_t *r) { return __builtin_mul_overflow(a, b, r); }
__attribute__((noinline)) int add8(uint8_t a, uint8_t b, uint8_t *r) { return __builtin_add_overflow(a, b, r); }
__attribute__((noinline)) int sub8(uint8_t a, uint8_t b, uint8_t *r) { return __builtin_sub_overflow(a, b, r); }

int main(void) {
  for (int i = 0; i < 9; i++)
    for (int j = 0; j < 9; j++) {
      int32_t r1, r2, r3;
      uint32_t u1, u2;
      int o1 = add32(v32[i], v32[j], &r1), o2 = sub32(v32[i], v32[j], &r2), o3 = mul32(v32[i], v32[j], &r3);
      int o4 = uadd32((uint32_t)v32[i], (uint32_t)v32[j], &u1), o5 = umul32((uint32_t)v32[i], (uint32_t)v32[j], &u2);
      printf("%d,%d: %d:%d %d:%d %d:%d %d:%u %d:%u\n", v32[i], v32[j], o1, r1, o2, r2, o3, r3, o4, u1, o5, u2);
    }
  for (int i = 0; i < 7; i++)
    for (int j = 0; j < 7; j++) {
      int64_t a, m;
      uint64_t um;
      int16_t s;
      int o1 = add64(v64[i], v64[j], &a), o2 = mul64(v64[i], v64[j], &m);
      int o3 = umul64((uint64_t)v64[i], (uint64_t)v64[j], &um), o4 = mul16(v16[i], v16[j], &s);
      printf("%lld,%lld: %d:%lld %d:%lld %d:%llu | %d,%d %d:%d\n", (long long)v64[i], (long long)v64[j], o1,
             (long long)a, o2, (long long)m, o3, (unsigned long long)um, v16[i], v16[j], o4, s);
    }
  for (int i = 0; i < 6; i++)
    for (int j = 0; j < 6; j++) {
      uint8_t a, s;
      int o1 = add8(v8[i], v8[j], &a), o2 = sub8(v8[i], v8[j], &s);
      printf("u8 %u,%u: %d:%u %d:%u\n", v8[i], v8[j], o1, a, o2, s);
    }
  printf("done\n");
  return 0;
}
