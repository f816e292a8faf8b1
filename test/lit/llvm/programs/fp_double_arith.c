// Double arithmetic: + - * / with exact printing (%.17g), rounding cases,
// subnormals, signed zeros, overflow to infinity, constants of all kinds.
// RUN: python3 %src/utils/test/run-c-program.py --toyc %toyc --work %t %s
#include <float.h>
#include <stdio.h>

double in[] = {0.0, -0.0, 1.0, -1.0, 0.1, 1.0 / 3.0, 3.141592653589793, 1e300, -1e-300, 4.9e-324,
               2.2250738585072014e-308, 1.7976931348623157e308, 123456789.0, 0.5, -2.5};

__attribute__((noinline)) double add(double a, double b) { return a + b; }
__attribute__((noinline)) double sub(double a, double b) { return a - b; }
__attribute__((noinline)) double mul(double a, double b) { return a * b; }
__attribute__((noinline)) double dv(double a, double b) { return a / b; }
__attribute__((noinline)) double neg(double a) { return -a; }
__attribute__((noinline)) double poly(double x) { return ((2.5 * x - 1.25) * x + 0.75) * x - 3.0; }
__attribute__((noinline)) double muladd(double a, double b, double c) { return a * b + c; }

int main(void) {
  int n = sizeof in / sizeof in[0];
  for (int i = 0; i < n; i++) {
    printf("%.17g: neg %.17g poly %.17g\n", in[i], neg(in[i]), poly(in[i]));
    for (int j = 0; j < n; j += 2) {
      double d = dv(in[i], in[j]);
      if (d != d) {
        printf("  %.17g %.17g %.17g nan\n", add(in[i], in[j]), sub(in[i], in[j]), mul(in[i], in[j]));
      } else {
        printf("  %.17g %.17g %.17g %.17g\n", add(in[i], in[j]), sub(in[i], in[j]), mul(in[i], in[j]), d);
      }
    }
  }
  double acc = 0;
  for (int i = 1; i <= 1000; i++) acc += 1.0 / i;
  printf("harmonic %.17g\n", acc);
  double x = 1.0;
  int steps = 0;
  while (add(1.0, x) != 1.0) {
    x /= 2;
    steps++;
  }
  printf("epsilon steps %d %.17g %.17g\n", steps, x * 2, DBL_EPSILON);
  printf("muladd %.17g %.17g\n", muladd(0.1, 10.0, -1.0), muladd(1e16, 1.0000000000000002, -1e16));
  printf("signed zero %.17g %.17g %.17g\n", add(-0.0, -0.0), add(-0.0, 0.0), mul(-1.0, 0.0));
  printf("denorm %.17g %.17g\n", mul(4.9e-324, 0.5), dv(2.2250738585072014e-308, 4.0));
  printf("done\n");
  return 0;
}
