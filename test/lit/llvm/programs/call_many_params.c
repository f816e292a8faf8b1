// Functions with many parameters of mixed types (i32, i64, f32, f64,
// pointers, small structs), calls through pointers with the same signature,
// and arguments evaluated from nested calls.
// RUN: python3 %src/utils/test/run-c-program.py --toyc %toyc --work %t %s
#include <stdio.h>

struct sm { short a; char b; };

__attribute__((noinline)) double many(int a, long long b, float c, double d, char e, short f, unsigned g,
                                      unsigned long long h, const int *i, struct sm j, double k, float l, int m,
                                      long long n, double o, int p, int q, int r, int s, double t) {
  return a + (double)b + c + d + e + f + g + (double)h + *i + j.a + j.b + k + l + m + (double)n + o + p + q + r + s + t;
}
__attribute__((noinline)) long long alt(long long a, int b, long long c, int d, long long e, int f, long long g) {
  return a * 1000000 + b * 100000 + c * 10000 + d * 1000 + e * 100 + f * 10 + g;
}
__attribute__((noinline)) float fl(float a, float b, float c, float d, float e, float f, float g, float h, float i) {
  return a - b + c - d + e - f + g - h + i;
}
__attribute__((noinline)) int id(int x) { return x; }

typedef double (*many_fn)(int, long long, float, double, char, short, unsigned, unsigned long long, const int *,
                          struct sm, double, float, int, long long, double, int, int, int, int, double);

int main(void) {
  int v = 1000;
  struct sm s = {-3, 4};
  volatile many_fn fp = many;
  printf("many %.17g\n", many(1, 2, 3.5f, 4.25, 5, 6, 7, 8, &v, s, 9.5, 10.5f, 11, 12, 13.125, 14, 15, 16, 17, 0.5));
  printf("via ptr %.17g\n", fp(-1, -2, -3.5f, -4.25, -5, -6, 7, 8, &v, s, -9.5, -10.5f, -11, -12, -13, -14, -15, -16,
                               -17, -0.5));
  printf("alt %lld\n", alt(1, 2, 3, 4, 5, 6, 7));
  printf("nested %lld\n", alt(id(1), id(id(2)), alt(0, 0, 0, 0, 0, 0, id(3)), id(4), 5, id(6), 7));
  printf("fl %.9g\n", (double)fl(1.5f, 0.25f, 3, 4, 5.125f, 6, 7, 8, 9.75f));
  printf("done\n");
  return 0;
}
