// Constants: large and negative immediates of every width, constants that
// need more than one LEB byte, 64-bit patterns, constant folding limits.
// RUN: python3 %src/utils/test/run-c-program.py --toyc %toyc --work %t %s
#include <stdint.h>
#include <stdio.h>

__attribute__((noinline)) uint32_t mix32(uint32_t x) {
  x ^= 0x9e3779b9u;
  x += 0x7fffffffu;
  x *= 0x85ebca6bu;
  x ^= x >> 13;
  x -= 0x80000000u;
  x &= 0xfff0ffffu;
  x |= 0x00000040u;
  return x + 63u + 64u + 8191u + 8192u;
}
__attribute__((noinline)) uint64_t mix64(uint64_t x) {
  x ^= 0xbf58476d1ce4e5b9ull;
  x *= 0x94d049bb133111ebull;
  x += 0x8000000000000000ull;
  x ^= x >> 31;
  x -= 0x00000000ffffffffull;
  x &= 0xffffffff0000ffffull;
  x |= 0x0000000100000000ull;
  return x + 0x7fffffffffffffffull;
}
__attribute__((noinline)) int neg_consts(int x) {
  return x * -1 + x * -64 + x * -65 + x * -8192 - 1000000 + (x & -8);
}
__attribute__((noinline)) int64_t neg64(int64_t x) {
  return (x & -4096) + -4611686018427387904LL + (x | -2) + x * -12345678901LL;
}
__attribute__((noinline)) int small_imm(int x) {
  return (x + 1) * (x - 1) + (x << 1) - (x ^ 63) + (x & 127) + (x | 64);
}

int main(void) {
  uint32_t in32[] = {0, 1, 0xffffffffu, 0x80000000u, 12345u};
  for (int i = 0; i < 5; i++)
    printf("%u -> %u %d %d\n", in32[i], mix32(in32[i]), neg_consts((int)(in32[i] & 0xffff)),
           small_imm((int)(in32[i] & 0xfff)));
  uint64_t in64[] = {0, 1, ~0ull, 0x8000000000000000ull, 0x123456789ull};
  for (int i = 0; i < 5; i++)
    printf("%llx -> %llx %lld\n", (unsigned long long)in64[i], (unsigned long long)mix64(in64[i]),
           (long long)neg64((int64_t)(in64[i] & 0xfffffff)));
  const int64_t big[] = {INT64_MIN, INT64_MAX, (int64_t)UINT32_MAX, INT32_MIN, -1, 0x0102030405060708LL};
  for (int i = 0; i < 6; i++) printf("big %lld\n", (long long)big[i]);
  printf("limits %d %d %u %d %d %u\n", INT8_MIN, INT16_MIN, UINT16_MAX, INT32_MIN, INT32_MAX, UINT32_MAX);
  printf("done\n");
  return 0;
}
