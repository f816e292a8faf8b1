// Bit counting builtins at 32 and 64 bits: __builtin_popcount, clz, ctz,
// ffs, parity, clrsb (ctpop/ctlz/cttz intrinsics), against plain loops.
// RUN: python3 %src/utils/test/run-c-program.py --toyc %toyc --work %t %s
#include <stdint.h>
#include <stdio.h>

uint32_t w32[] = {1, 2, 3, 0x80000000u, 0xffffffffu, 0x00f0f000u, 0x12345678u, 0x7fffffffu, 0x10000u, 0xa5a5a5a5u};
uint64_t w64[] = {1, 0x8000000000000000ull, 0xffffffffffffffffull, 0x00000001ffffffffull, 0x0123456789abcdefull,
                  0x100000000ull, 0xf0f0f0f0f0f0f0f0ull};

__attribute__((noinline)) int pop32(uint32_t x) { return __builtin_popcount(x); }
__attribute__((noinline)) int clz32(uint32_t x) { return __builtin_clz(x); }
__attribute__((noinline)) int ctz32(uint32_t x) { return __builtin_ctz(x); }
__attribute__((noinline)) int pop64(uint64_t x) { return __builtin_popcountll(x); }
__attribute__((noinline)) int clz64(uint64_t x) { return __builtin_clzll(x); }
__attribute__((noinline)) int ctz64(uint64_t x) { return __builtin_ctzll(x); }
__attribute__((noinline)) int ffs32(int x) { return __builtin_ffs(x); }
__attribute__((noinline)) int par32(uint32_t x) { return __builtin_parity(x); }
__attribute__((noinline)) int clrsb32(int x) { return __builtin_clrsb(x); }
__attribute__((noinline)) int pop16(uint16_t x) { return __builtin_popcount(x); }
__attribute__((noinline)) int clz8(uint8_t x) { return __builtin_clz(x) - 24; }

static int slow_pop(uint64_t x) {
  int n = 0;
  while (x) {
    n += (int)(x & 1);
    x >>= 1;
  }
  return n;
}
static int slow_clz(uint64_t x, int bits) {
  int n = 0;
  for (int i = bits - 1; i >= 0 && !((x >> i) & 1); i--) n++;
  return n;
}
// Kernighan's loop: -O2 recognizes it as ctpop.
__attribute__((noinline)) int kernighan(uint32_t x) {
  int n = 0;
  for (; x; x &= x - 1) n++;
  return n;
}

int main(void) {
  for (int i = 0; i < 10; i++) {
    uint32_t x = w32[i];
    printf("%08x: pop %d clz %d ctz %d ffs %d par %d clrsb %d k %d\n", x, pop32(x), clz32(x), ctz32(x),
           ffs32((int)x), par32(x), clrsb32((int)x), kernighan(x));
    if (pop32(x) != slow_pop(x) || clz32(x) != slow_clz(x, 32)) printf("FAIL %08x\n", x);
  }
  for (int i = 0; i < 7; i++) {
    uint64_t x = w64[i];
    printf("%016llx: pop %d clz %d ctz %d\n", (unsigned long long)x, pop64(x), clz64(x), ctz64(x));
    if (pop64(x) != slow_pop(x) || clz64(x) != slow_clz(x, 64)) printf("FAIL64\n");
  }
  printf("ffs0 %d pop16 %d clz8 %d %d\n", ffs32(0), pop16(0xffff), clz8(1), clz8(0x80));
  unsigned total = 0;
  for (uint32_t x = 1; x < 100000; x += 7) total += (unsigned)(pop32(x) * 3 + clz32(x) + ctz32(x));
  printf("total %u\n", total);
  printf("done\n");
  return 0;
}
