// Unions: type punning between integers, floats and byte arrays (little
// endian), tagged unions with a switch, unions of structs, union copies.
// RUN: python3 %src/utils/test/run-c-program.py --toyc %toyc --work %t %s
#include <stdint.h>
#include <stdio.h>

union word { uint32_t u; int32_t i; float f; uint8_t b[4]; uint16_t h[2]; };
union wide { uint64_t u; double d; uint32_t w[2]; int8_t s[8]; };
enum tag { T_INT, T_DBL, T_STR, T_PAIR };
struct value {
  enum tag tag;
  union { long long i; double d; const char *s; struct { short a, b; } pair; } as;
};

__attribute__((noinline)) void show(struct value v) {
  switch (v.tag) {
  case T_INT: printf("int %lld\n", v.as.i); break;
  case T_DBL: printf("dbl %g\n", v.as.d); break;
  case T_STR: printf("str %s\n", v.as.s); break;
  case T_PAIR: printf("pair %d %d\n", v.as.pair.a, v.as.pair.b); break;
  }
}
__attribute__((noinline)) union word make(uint32_t x) { union word w; w.u = x; return w; }

int main(void) {
  union word w = make(0x3f800000u);
  printf("f %g i %d bytes %02x %02x %02x %02x halves %04x %04x\n", (double)w.f, w.i, w.b[0], w.b[1], w.b[2], w.b[3],
         w.h[0], w.h[1]);
  w.b[3] = 0xc0;
  printf("now f %g u %08x\n", (double)w.f, w.u);
  union wide x;
  x.d = -2.5;
  printf("d bits %016llx words %08x %08x s7 %d\n", (unsigned long long)x.u, x.w[0], x.w[1], x.s[7]);
  x.w[0] = 0xffffffffu;
  printf("d now %.17g\n", x.d);
  struct value vals[] = {{T_INT, {.i = -123456789012LL}}, {T_DBL, {.d = 0.375}}, {T_STR, {.s = "text"}},
                         {T_PAIR, {.pair = {-7, 300}}}};
  for (int i = 0; i < 4; i++) show(vals[i]);
  union word copy = w;
  copy.h[0] = 0x1234;
  printf("copy %08x orig %08x size %u %u\n", copy.u, w.u, (unsigned)sizeof(union word), (unsigned)sizeof(struct value));
  printf("done\n");
  return 0;
}
