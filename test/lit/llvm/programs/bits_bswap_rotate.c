// Byte swaps (bswap16/32/64) and rotates (written as shift-or, which -O2
// turns into fshl/fshr), rotate by variable and constant amounts, and bit
// reversal (the clang builtin where available).
// RUN: python3 %src/utils/test/run-c-program.py --toyc %toyc --work %t %s
#include <stdint.h>
#include <stdio.h>

__attribute__((noinline)) uint16_t bs16(uint16_t x) { return __builtin_bswap16(x); }
__attribute__((noinline)) uint32_t bs32(uint32_t x) { return __builtin_bswap32(x); }
__attribute__((noinline)) uint64_t bs64(uint64_t x) { return __builtin_bswap64(x); }
__attribute__((noinline)) uint32_t manual_bs32(uint32_t x) {
  return (x >> 24) | ((x >> 8) & 0xff00) | ((x << 8) & 0xff0000) | (x << 24);
}
__attribute__((noinline)) uint32_t rotl32(uint32_t x, unsigned n) { return (x << (n & 31)) | (x >> (-n & 31)); }
__attribute__((noinline)) uint32_t rotr32(uint32_t x, unsigned n) { return (x >> (n & 31)) | (x << (-n & 31)); }
__attribute__((noinline)) uint64_t rotl64(uint64_t x, unsigned n) { return (x << (n & 63)) | (x >> (-n & 63)); }
__attribute__((noinline)) uint32_t rotl7(uint32_t x) { return (x << 7) | (x >> 25); }
__attribute__((noinline)) uint8_t rotl8(uint8_t x, unsigned n) {
  n &= 7;
  return (uint8_t)((x << n) | (x >> ((8 - n) & 7)));
}
__attribute__((noinline)) uint16_t rotr16(uint16_t x, unsigned n) {
  n &= 15;
  return (uint16_t)((x >> n) | (x << ((16 - n) & 15)));
}
__attribute__((noinline)) uint32_t funnel(uint32_t hi, uint32_t lo, unsigned n) {
  // 64-bit funnel shift: the high word of (hi:lo) << n.
  n &= 31;
  return n ? (hi << n) | (lo >> (32 - n)) : hi;
}
__attribute__((noinline)) uint32_t rev32(uint32_t x) {
#if defined(__clang__)
  return __builtin_bitreverse32(x);
#else
  uint32_t r = 0;
  for (int i = 0; i < 32; i++) r |= ((x >> i) & 1u) << (31 - i);
  return r;
#endif
}
__attribute__((noinline)) uint8_t rev8(uint8_t x) {
#if defined(__clang__)
  return __builtin_bitreverse8(x);
#else
  uint8_t r = 0;
  for (int i = 0; i < 8; i++) r = (uint8_t)(r | ((x >> i) & 1) << (7 - i));
  return r;
#endif
}

int main(void) {
  uint32_t xs[] = {0x12345678u, 0xdeadbeefu, 1, 0x80000001u, 0};
  for (int i = 0; i < 5; i++)
    printf("%08x: bs %08x manual %08x bs16 %04x rev %08x\n", xs[i], bs32(xs[i]), manual_bs32(xs[i]),
           bs16((uint16_t)xs[i]), rev32(xs[i]));
  printf("bs64 %016llx %016llx\n", (unsigned long long)bs64(0x0123456789abcdefull), (unsigned long long)bs64(0xff));
  for (unsigned n = 0; n < 40; n += 3)
    printf("rot %u: %08x %08x %016llx %02x %04x %08x\n", n, rotl32(0x80000123u, n), rotr32(0x80000123u, n),
           (unsigned long long)rotl64(0x8000000000000123ull, n), rotl8(0x81, n), rotr16(0x8001, n),
           funnel(0x12345678u, 0x9abcdef0u, n));
  uint32_t h = 0x811c9dc5u;
  for (int i = 0; i < 1000; i++) h = rotl7(h ^ (uint32_t)i) * 0x01000193u;
  printf("hash %08x rev8 %02x %02x\n", h, rev8(1), rev8(0xf0));
  printf("done\n");
  return 0;
}
