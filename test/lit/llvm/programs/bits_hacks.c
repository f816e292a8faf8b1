// Classic bit hacks: next power of two, lowest set bit, sign without
// branches, Gray code, Morton interleaving, bit permutation, abs via masks,
// branchless min, counting with SWAR.
// RUN: python3 %src/utils/test/run-c-program.py --toyc %toyc --work %t %s
#include <stdint.h>
#include <stdio.h>

__attribute__((noinline)) uint32_t next_pow2(uint32_t v) {
  v--;
  v |= v >> 1;
  v |= v >> 2;
  v |= v >> 4;
  v |= v >> 8;
  v |= v >> 16;
  return v + 1;
}
__attribute__((noinline)) uint32_t lowest(uint32_t v) { return v & -v; }
__attribute__((noinline)) uint32_t gray(uint32_t v) { return v ^ (v >> 1); }
__attribute__((noinline)) uint32_t ungray(uint32_t g) {
  for (uint32_t s = 1; s < 32; s <<= 1) g ^= g >> s;
  return g;
}
__attribute__((noinline)) uint32_t morton(uint16_t x, uint16_t y) {
  uint32_t a = x, b = y;
  a = (a | (a << 8)) & 0x00ff00ffu;
  a = (a | (a << 4)) & 0x0f0f0f0fu;
  a = (a | (a << 2)) & 0x33333333u;
  a = (a | (a << 1)) & 0x55555555u;
  b = (b | (b << 8)) & 0x00ff00ffu;
  b = (b | (b << 4)) & 0x0f0f0f0fu;
  b = (b | (b << 2)) & 0x33333333u;
  b = (b | (b << 1)) & 0x55555555u;
  return a | (b << 1);
}
__attribute__((noinline)) int32_t mask_abs(int32_t v) {
  int32_t m = v >> 31;
  return (v + m) ^ m;
}
__attribute__((noinline)) int32_t bl_min(int32_t x, int32_t y) { return y ^ ((x ^ y) & -(x < y)); }
__attribute__((noinline)) uint32_t swar_pop(uint32_t v) {
  v = v - ((v >> 1) & 0x55555555u);
  v = (v & 0x33333333u) + ((v >> 2) & 0x33333333u);
  return ((v + (v >> 4)) & 0x0f0f0f0fu) * 0x01010101u >> 24;
}
__attribute__((noinline)) uint32_t next_perm(uint32_t v) {
  uint32_t t = v | (v - 1);
  return (t + 1) | (((~t & -~t) - 1) >> (__builtin_ctz(v) + 1));
}
__attribute__((noinline)) int has_zero_byte(uint32_t v) { return ((v - 0x01010101u) & ~v & 0x80808080u) != 0; }
__attribute__((noinline)) uint64_t sign_extend(uint64_t x, unsigned bits) {
  uint64_t m = 1ull << (bits - 1);
  x &= (bits == 64) ? ~0ull : ((1ull << bits) - 1);
  return (x ^ m) - m;
}

int main(void) {
  uint32_t vals[] = {1, 2, 3, 5, 17, 100, 1000, 65535, 65536, 0x40000001u, 12345678};
  for (int i = 0; i < 11; i++) {
    uint32_t v = vals[i];
    printf("%u: np2 %u low %u gray %u ungray %u swar %u zb %d\n", v, next_pow2(v), lowest(v), gray(v),
           ungray(gray(v)), swar_pop(v), has_zero_byte(v));
  }
  printf("morton %08x %08x %08x\n", morton(0xffff, 0), morton(0, 0xffff), morton(0x1234, 0xabcd));
  int32_t sv[] = {0, -1, 5, -5, 2147483647, -2147483647};
  for (int i = 0; i < 6; i++) printf("abs %d min %d\n", mask_abs(sv[i]), bl_min(sv[i], sv[(i + 1) % 6]));
  uint32_t p = 7;
  printf("perms");
  for (int i = 0; i < 10; i++) {
    printf(" %x", p);
    p = next_perm(p);
  }
  printf("\n");
  printf("sext %lld %lld %lld\n", (long long)sign_extend(0xff, 8), (long long)sign_extend(0x7f, 8),
         (long long)sign_extend(0x123456789ull, 36));
  printf("done\n");
  return 0;
}
