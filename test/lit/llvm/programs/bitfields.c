// Bit-fields: signed and unsigned fields of odd widths, read-modify-write,
// overflow wrap within a field, sign extension on read, fields straddling
// storage units, bool and enum fields, packed flag words.
// RUN: python3 %src/utils/test/run-c-program.py --toyc %toyc --work %t %s
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

struct flags {
  unsigned a : 1;
  unsigned b : 3;
  signed c : 5;
  unsigned d : 7;
  bool e : 1;
  signed f : 15;
};
struct wide { unsigned long long lo : 40; unsigned long long hi : 24; };
struct straddle { unsigned x : 20; unsigned y : 20; unsigned z : 24; };
struct rgb { unsigned r : 5, g : 6, b : 5; };

__attribute__((noinline)) int read_c(const struct flags *f) { return f->c; }
__attribute__((noinline)) void bump(struct flags *f) {
  f->b++;
  f->c--;
  f->d += 100;
  f->f -= 1000;
  f->e = !f->e;
}

int main(void) {
  struct flags f;
  memset(&f, 0, sizeof f);
  f.a = 1;
  f.b = 6;
  f.c = -3;
  f.d = 120;
  f.f = -16000;
  for (int i = 0; i < 6; i++) {
    printf("a%u b%u c%d d%u e%d f%d\n", f.a, f.b, read_c(&f), f.d, f.e, f.f);
    bump(&f);
  }
  struct wide w = {0xffffffffffull, 0xabcdef};
  w.lo += 2;
  w.hi ^= 0xffffff;
  printf("wide %llx %llx size %u\n", (unsigned long long)w.lo, (unsigned long long)w.hi, (unsigned)sizeof w);
  struct straddle s = {0xfffff, 0x12345, 0xabcdef};
  s.y += 0xf0000;
  printf("straddle %x %x %x size %u\n", s.x, s.y, s.z, (unsigned)sizeof s);
  struct rgb px[3] = {{31, 63, 31}, {1, 2, 3}, {16, 32, 8}};
  for (int i = 0; i < 3; i++) {
    uint16_t raw;
    memcpy(&raw, &px[i], 2);
    printf("rgb %u %u %u raw %04x\n", px[i].r, px[i].g, px[i].b, raw);
  }
  struct flags g = f;
  g.c = 15;
  g.c++;
  printf("wrap %d size %u\n", g.c, (unsigned)sizeof g);
  printf("done\n");
  return 0;
}
