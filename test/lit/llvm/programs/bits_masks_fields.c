// Bit masks over arrays: a bitset with set/clear/test/toggle on 64-bit
// words, field extract/insert on packed words, population of ranges.
// RUN: python3 %src/utils/test/run-c-program.py --toyc %toyc --work %t %s
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#define NBITS 1000
static uint64_t set[(NBITS + 63) / 64];

static void bset(unsigned i) { set[i / 64] |= 1ull << (i % 64); }
static void bclr(unsigned i) { set[i / 64] &= ~(1ull << (i % 64)); }
static void bflip(unsigned i) { set[i / 64] ^= 1ull << (i % 64); }
static int btest(unsigned i) { return (int)((set[i / 64] >> (i % 64)) & 1); }
__attribute__((noinline)) unsigned count_range(unsigned lo, unsigned hi) {
  unsigned c = 0;
  for (unsigned i = lo; i < hi; i++) c += (unsigned)btest(i);
  return c;
}
__attribute__((noinline)) uint32_t insert(uint32_t w, uint32_t v, unsigned lo, unsigned width) {
  uint32_t m = (width >= 32 ? 0xffffffffu : ((1u << width) - 1)) << lo;
  return (w & ~m) | ((v << lo) & m);
}
__attribute__((noinline)) uint32_t extract(uint32_t w, unsigned lo, unsigned width) {
  return (w >> lo) & (width >= 32 ? 0xffffffffu : ((1u << width) - 1));
}

int main(void) {
  for (unsigned i = 0; i < NBITS; i += 3) bset(i);
  for (unsigned i = 0; i < NBITS; i += 5) bclr(i);
  for (unsigned i = 0; i < NBITS; i += 7) bflip(i);
  printf("count %u %u %u\n", count_range(0, NBITS), count_range(100, 200), count_range(63, 65));
  uint64_t h = 0;
  for (unsigned i = 0; i < sizeof set / sizeof set[0]; i++) h = h * 31 + set[i];
  printf("hash %016llx\n", (unsigned long long)h);
  uint32_t w = 0;
  w = insert(w, 5, 0, 3);
  w = insert(w, 0x1ff, 3, 9);
  w = insert(w, 0xabc, 12, 12);
  w = insert(w, 0xff, 24, 8);
  w = insert(w, 0, 28, 2);
  printf("word %08x: %u %u %x %x\n", w, extract(w, 0, 3), extract(w, 3, 9), extract(w, 12, 12), extract(w, 24, 8));
  // RGB565 pack/unpack.
  uint16_t px[4];
  for (int i = 0; i < 4; i++) {
    unsigned r = (unsigned)(i * 70), g = (unsigned)(255 - i * 60), b = (unsigned)(i * 33);
    px[i] = (uint16_t)(((r >> 3) << 11) | ((g >> 2) << 5) | (b >> 3));
    printf("px %04x -> %u %u %u\n", px[i], (px[i] >> 11) << 3, ((px[i] >> 5) & 63) << 2, (px[i] & 31) << 3);
  }
  printf("done\n");
  return 0;
}
