// Floating-point bit patterns: type punning through memcpy and unions
// (f32/f64 bitcasts), building values from bits, nextafter, ulp distance.
// RUN: python3 %src/utils/test/run-c-program.py --toyc %toyc --work %t %s
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

__attribute__((noinline)) uint64_t dbits(double d) {
  uint64_t u;
  memcpy(&u, &d, 8);
  return u;
}
__attribute__((noinline)) double from_bits(uint64_t u) {
  double d;
  memcpy(&d, &u, 8);
  return d;
}
__attribute__((noinline)) uint32_t fbits(float f) {
  union { float f; uint32_t u; } x = {.f = f};
  return x.u;
}
__attribute__((noinline)) float ffrom_bits(uint32_t u) {
  union { uint32_t u; float f; } x = {.u = u};
  return x.f;
}
__attribute__((noinline)) int64_t ulp_distance(double a, double b) {
  int64_t x = (int64_t)dbits(a), y = (int64_t)dbits(b);
  if (x < 0) x = INT64_MIN - x;
  if (y < 0) y = INT64_MIN - y;
  return x > y ? x - y : y - x;
}
__attribute__((noinline)) double fast_abs(double d) { return from_bits(dbits(d) & 0x7fffffffffffffffull); }
__attribute__((noinline)) float fast_inv_sqrt(float x) {
  uint32_t i = fbits(x);
  i = 0x5f3759df - (i >> 1);
  float y = ffrom_bits(i);
  return y * (1.5f - 0.5f * x * y * y);
}

int main(void) {
  double ds[] = {0.0, -0.0, 1.0, -2.0, 0.1, 1e308, 5e-324, 1.0 / 3};
  for (int i = 0; i < 8; i++)
    printf("%.17g = %016llx abs %.17g next %.17g prev %.17g\n", ds[i], (unsigned long long)dbits(ds[i]),
           fast_abs(ds[i]), nextafter(ds[i], INFINITY), nextafter(ds[i], -INFINITY));
  float fsv[] = {0.0f, 1.0f, -1.5f, 0.1f, 3.4e38f, 1e-45f};
  for (int i = 0; i < 6; i++)
    printf("%.9g = %08x nextf %.9g\n", (double)fsv[i], fbits(fsv[i]), (double)nextafterf(fsv[i], 10.0f));
  printf("from bits %.17g %.17g %.9g\n", from_bits(0x400921fb54442d18ull), from_bits(0x0010000000000000ull),
         (double)ffrom_bits(0x3fb504f3u));
  printf("ulp %lld %lld %lld\n", (long long)ulp_distance(1.0, nextafter(1.0, 2.0)),
         (long long)ulp_distance(-0.0, 0.0), (long long)ulp_distance(1.0, 1.0000000000000007));
  for (int i = 1; i <= 4; i++) printf("invsqrt %.6f\n", (double)fast_inv_sqrt((float)i));
  printf("done\n");
  return 0;
}
