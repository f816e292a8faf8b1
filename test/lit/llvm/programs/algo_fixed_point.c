// Fixed-point arithmetic in Q16.16 and Q1.31: multiplication with 64-bit
// intermediates and rounding, division, square root by bit iteration,
// CORDIC sine/cosine, compared against double results.
// RUN: python3 %src/utils/test/run-c-program.py --toyc %toyc --work %t %s
#include <math.h>
#include <stdint.h>
#include <stdio.h>

typedef int32_t q16;
#define ONE (1 << 16)
static q16 from_d(double d) { return (q16)lround(d * ONE); }
static double to_d(q16 x) { return x / (double)ONE; }
static q16 qmul(q16 a, q16 b) { return (q16)(((int64_t)a * b + (1 << 15)) >> 16); }
static q16 qdiv(q16 a, q16 b) { return (q16)(((int64_t)a * ONE) / b); }
static q16 qsqrt(q16 x) {
  uint64_t v = (uint64_t)x << 16, r = 0, bit = 1ull << 46;
  while (bit > v) bit >>= 2;
  while (bit) {
    if (v >= r + bit) {
      v -= r + bit;
      r = (r >> 1) + bit;
    } else {
      r >>= 1;
    }
    bit >>= 2;
  }
  return (q16)r;
}
static const int32_t atan_tab[16] = {51472, 30386, 16055, 8150, 4091, 2047, 1024, 512, 256, 128, 64, 32, 16, 8, 4, 2};
static void cordic(q16 angle, q16 *s, q16 *c) {
  int32_t x = 39797, y = 0, z = angle;  // x = K * ONE
  for (int i = 0; i < 16; i++) {
    int32_t dx = x >> i, dy = y >> i;
    if (z >= 0) {
      x -= dy;
      y += dx;
      z -= atan_tab[i];
    } else {
      x += dy;
      y -= dx;
      z += atan_tab[i];
    }
  }
  *c = x;
  *s = y;
}
static int32_t q31_mul(int32_t a, int32_t b) { return (int32_t)(((int64_t)a * b) >> 31); }

int main(void) {
  double vals[] = {0.5, 1.25, -3.75, 100.125, 0.001, -0.333};
  for (int i = 0; i < 6; i++)
    for (int j = 0; j < 6; j += 2) {
      q16 a = from_d(vals[i]), b = from_d(vals[j]);
      printf("%g*%g=%.6f  %g/%g=%.6f\n", vals[i], vals[j], to_d(qmul(a, b)), vals[i], vals[j], to_d(qdiv(a, b)));
    }
  for (int i = 1; i <= 5; i++) {
    q16 x = from_d(i * 2.5);
    printf("sqrt(%g) = %.5f (%.5f)\n", i * 2.5, to_d(qsqrt(x)), sqrt(i * 2.5));
  }
  for (int d = -80; d <= 80; d += 40) {
    q16 s, c;
    cordic(from_d(d * 3.141592653589793 / 180), &s, &c);
    printf("cordic %d: sin %.4f cos %.4f\n", d, to_d(s), to_d(c));
  }
  int32_t h = 0x40000000;  // 0.5 in Q1.31
  printf("q31 %d %d\n", q31_mul(h, h), q31_mul(h, -0x7fffffff));
  printf("done\n");
  return 0;
}
