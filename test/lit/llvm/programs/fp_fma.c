// fma/fmaf must be fused (one rounding), while a*b+c written in C is
// contracted only as clang decides (llvm.fmuladd); both are compared with
// exactly computed results.
// RUN: python3 %src/utils/test/run-c-program.py --toyc %toyc --work %t %s
#include <math.h>
#include <stdio.h>

double as[] = {1.0 + 0x1p-52, 0.1, 3.0, 1e16, -2.5, 0x1.fffffffffffffp0};
double bs[] = {1.0 - 0x1p-52, 10.0, 1.0 / 3.0, 1.0000000000000002, 4.0, 0x1.fffffffffffffp0};
double cs[] = {-1.0, -1.0, -1.0, -1e16, 10.0, -4.0};

__attribute__((noinline)) double fused(double a, double b, double c) { return fma(a, b, c); }
__attribute__((noinline)) float fusedf(float a, float b, float c) { return fmaf(a, b, c); }
__attribute__((noinline)) double separate(double a, double b, double c) {
  volatile double p = a * b;
  return p + c;
}
__attribute__((noinline)) float separatef(float a, float b, float c) {
  volatile float p = a * b;
  return p + c;
}
// Error-free product: a*b = p + e exactly (Dekker via fma).
__attribute__((noinline)) void two_prod(double a, double b, double *p, double *e) {
  *p = a * b;
  *e = fma(a, b, -*p);
}

int main(void) {
  for (int i = 0; i < 6; i++)
    printf("%a %a %a: fma %a separate %a\n", as[i], bs[i], cs[i], fused(as[i], bs[i], cs[i]),
           separate(as[i], bs[i], cs[i]));
  float fa = 1.0f + 0x1p-23f, fb = 1.0f - 0x1p-23f;
  printf("fmaf %a separate %a\n", (double)fusedf(fa, fb, -1.0f), (double)separatef(fa, fb, -1.0f));
  for (int i = 0; i < 6; i++) {
    double p, e;
    two_prod(as[i], bs[i], &p, &e);
    printf("two_prod %.17g %.17g\n", p, e);
  }
  double acc = 0;
  for (int i = 1; i <= 100; i++) acc = fma(acc, 1.0001, 1.0 / i);
  printf("fma chain %.17g\n", acc);
  printf("done\n");
  return 0;
}
