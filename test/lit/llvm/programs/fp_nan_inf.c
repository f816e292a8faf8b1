// NaN and infinity: every comparison predicate with NaN operands (ordered
// and unordered), isnan/isinf/isfinite/signbit, fmin/fmax with NaN,
// copysign, infinity arithmetic.  NaNs are never printed directly: the sign
// of a computed NaN differs between machines.
// RUN: python3 %src/utils/test/run-c-program.py --toyc %toyc --work %t %s
#include <math.h>
#include <stdio.h>

volatile double vzero = 0.0;
double vals[] = {0.0, -0.0, 1.0, -1.0, 1e308, -1e-308};

__attribute__((noinline)) unsigned preds(double a, double b) {
  return (unsigned)(a < b) | (unsigned)(a <= b) << 1 | (unsigned)(a > b) << 2 | (unsigned)(a >= b) << 3 |
         (unsigned)(a == b) << 4 | (unsigned)(a != b) << 5 | (unsigned)!(a < b) << 6 | (unsigned)!(a >= b) << 7 |
         (unsigned)isunordered(a, b) << 8 | (unsigned)isless(a, b) << 9 | (unsigned)islessgreater(a, b) << 10;
}
__attribute__((noinline)) unsigned predsf(float a, float b) {
  return (unsigned)(a < b) | (unsigned)(a <= b) << 1 | (unsigned)(a > b) << 2 | (unsigned)(a >= b) << 3 |
         (unsigned)(a == b) << 4 | (unsigned)(a != b) << 5;
}
__attribute__((noinline)) int classify(double x) {
  return (isnan(x) ? 1 : 0) | (isinf(x) ? 2 : 0) | (isfinite(x) ? 4 : 0) | (signbit(x) ? 8 : 0) |
         (fpclassify(x) == FP_ZERO ? 16 : 0) | (fpclassify(x) == FP_SUBNORMAL ? 32 : 0) |
         (isnormal(x) ? 64 : 0);
}
static void show(const char *tag, double x) {
  if (isnan(x)) printf("%s nan\n", tag);
  else printf("%s %g\n", tag, x);
}

int main(void) {
  double nan = vzero / vzero, inf = 1.0 / vzero, ninf = -1.0 / vzero;
  double specials[] = {nan, inf, ninf, 0.0, -0.0, 1.0, 5e-324};
  for (int i = 0; i < 7; i++) {
    printf("class %d:", classify(specials[i]));
    for (int j = 0; j < 7; j++) printf(" %03x", preds(specials[i], specials[j]));
    printf(" | f");
    for (int j = 0; j < 7; j++) printf(" %02x", predsf((float)specials[i], (float)specials[j]));
    printf("\n");
  }
  show("inf-inf", inf - inf);
  show("inf*0", inf * vzero);
  show("inf+1", inf + 1);
  show("-inf*-2", ninf * -2);
  show("1/inf", 1 / inf);
  show("-1/inf", -1 / inf);
  show("fmin(nan,1)", fmin(nan, 1.0));
  show("fmax(2,nan)", fmax(2.0, nan));
  show("fmin(-0,0)", fmin(-0.0, 0.0));
  show("copysign(3,-0)", copysign(3.0, -0.0));
  show("copysign(inf,-1)", copysign(inf, -1.0));
  show("fabs(-inf)", fabs(ninf));
  show("sqrt(-1)", sqrt(-1.0 + vzero));
  show("nan+1", nan + 1);
  for (int i = 0; i < 6; i++) printf("signbit %d copysign %g\n", signbit(vals[i]) != 0, copysign(1.0, vals[i]));
  int nan_eq_self = nan == nan, nan_ne_self = nan != nan;
  printf("nan==nan %d nan!=nan %d\n", nan_eq_self, nan_ne_self);
  float fn = (float)nan;
  printf("float nan %d inf %d\n", isnan(fn), isinf((float)inf));
  printf("done\n");
  return 0;
}
