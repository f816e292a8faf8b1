// Packed and over-aligned structs: unaligned field loads and stores,
// offsetof, _Alignof, alignment of locals and globals.
// RUN: python3 %src/utils/test/run-c-program.py --toyc %toyc --work %t %s
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

struct __attribute__((packed)) pk { uint8_t tag; uint32_t word; uint16_t half; uint64_t wide; double d; };
struct al { char c; _Alignas(16) int x; };
struct __attribute__((aligned(32))) al32 { int v; };
static struct pk gpk[3];
static struct al32 gal[2];

__attribute__((noinline)) uint64_t touch(struct pk *p, int i) {
  p->word = (uint32_t)(0x01020304u * (unsigned)(i + 1));
  p->half = (uint16_t)(0xabcd + i);
  p->wide = 0x1122334455667788ull + (uint64_t)i;
  p->d = 0.5 * i;
  p->tag = (uint8_t)i;
  return p->word + p->half + p->wide + (uint64_t)(p->d * 4);
}
__attribute__((noinline)) uint32_t read_word(const struct pk *p) { return p->word; }
__attribute__((noinline)) int is_aligned(const void *p, unsigned a) { return ((uintptr_t)p & (a - 1)) == 0; }

int main(void) {
  printf("sizeof pk %u al %u al32 %u\n", (unsigned)sizeof(struct pk), (unsigned)sizeof(struct al),
         (unsigned)sizeof(struct al32));
  printf("offsets %u %u %u %u | %u\n", (unsigned)offsetof(struct pk, word), (unsigned)offsetof(struct pk, half),
         (unsigned)offsetof(struct pk, wide), (unsigned)offsetof(struct pk, d), (unsigned)offsetof(struct al, x));
  printf("alignof %u %u %u\n", (unsigned)_Alignof(struct pk), (unsigned)_Alignof(struct al),
         (unsigned)_Alignof(struct al32));
  uint64_t s = 0;
  for (int i = 0; i < 3; i++) s += touch(&gpk[i], i);
  printf("sum %llu word1 %x\n", (unsigned long long)s, read_word(&gpk[1]));
  unsigned char raw[40] = {0};
  struct pk *up = (struct pk *)(raw + 1);
  touch(up, 5);
  printf("raw");
  for (int i = 0; i < 24; i++) printf(" %02x", raw[i]);
  printf("\n");
  struct al32 local[3];
  struct al loc2;
  _Alignas(64) char buf[10];
  printf("aligned %d %d %d %d %d\n", is_aligned(gal, 32), is_aligned(&gal[1], 32), is_aligned(&local[1], 32),
         is_aligned(&loc2.x, 16), is_aligned(buf, 64));
  local[2].v = 3;
  loc2.x = 4;
  buf[0] = 5;
  printf("%d %d %d\n", local[2].v, loc2.x, buf[0]);
  printf("done\n");
  return 0;
}
