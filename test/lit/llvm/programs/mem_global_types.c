// Globals of every scalar type (i8/i16/i32/i64/f32/f64/pointers), arrays of
// them, read and written at constant and variable offsets, with narrow
// stores that must not clobber neighbours.
// RUN: python3 %src/utils/test/run-c-program.py --toyc %toyc --work %t %s
#include <stdint.h>
#include <stdio.h>
#include <string.h>

int8_t g8 = -5;
uint8_t gu8 = 250;
int16_t g16 = -1234;
uint16_t gu16 = 65000;
int32_t g32 = -123456789;
uint32_t gu32 = 4000000000u;
int64_t g64 = -1234567890123LL;
uint64_t gu64 = 18000000000000000000ull;
float gf = 1.5f;
double gd = -2.25;
const char *gp = "global string";
struct packed_bytes { uint8_t a, b, c, d; uint16_t e, f; uint32_t g; } gpb = {1, 2, 3, 4, 5, 6, 7};
int16_t garr16[10];
double garrd[5] = {0.5, 1.5};

__attribute__((noinline)) void mutate(int i) {
  g8 = (int8_t)(g8 * 3);
  gu8 = (uint8_t)(gu8 + 10);
  g16 = (int16_t)(g16 - 30000);
  gu16 = (uint16_t)(gu16 + 1000);
  g32 ^= 0x5555;
  gu32 += 500000000u;
  g64 *= -3;
  gu64 += 1000000000000000000ull;
  gf *= 3.0f;
  gd /= 3.0;
  if (gp[1]) gp++;
  gpb.b = (uint8_t)(gpb.b + 200);
  gpb.e = (uint16_t)(gpb.e - 10);
  garr16[i] = (int16_t)(i * -3000);
  garrd[i % 5] += i;
}

int main(void) {
  for (int i = 0; i < 10; i++) mutate(i);
  printf("%d %u %d %u %d %u %lld %llu\n", g8, gu8, g16, gu16, g32, gu32, (long long)g64, (unsigned long long)gu64);
  printf("%.9g %.17g '%s'\n", (double)gf, gd, gp);
  printf("pb %u %u %u %u %u %u %u\n", gpb.a, gpb.b, gpb.c, gpb.d, gpb.e, gpb.f, gpb.g);
  for (int i = 0; i < 10; i++) printf("%d ", garr16[i]);
  printf("\n");
  for (int i = 0; i < 5; i++) printf("%g ", garrd[i]);
  printf("\n");
  unsigned char raw[sizeof gpb];
  memcpy(raw, &gpb, sizeof gpb);
  for (unsigned i = 0; i < sizeof raw; i++) printf("%02x", raw[i]);
  printf("\n");
  printf("done\n");
  return 0;
}
