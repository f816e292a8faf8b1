// fmin/fmax/fabs/copysign and rounding builtins that -O2 maps to
// llvm.minnum/maxnum/fabs/copysign/floor/ceil/trunc/rint/nearbyint/round,
// on arrays (loops) and scalars, float and double.
// RUN: python3 %src/utils/test/run-c-program.py --toyc %toyc --work %t %s
#include <math.h>
#include <stdio.h>

double d[] = {-3.5, -2.5, -1.5, -0.5, -0.0, 0.0, 0.5, 1.5, 2.5, 3.5, 1e15 + 0.5, -7.25};
float fv[] = {-2.5f, -0.5f, 0.5f, 1.5f, 2.5f, 4194304.5f, -1e-30f};

__attribute__((noinline)) double clampd(double x, double lo, double hi) { return fmin(fmax(x, lo), hi); }
__attribute__((noinline)) float clampf(float x, float lo, float hi) { return fminf(fmaxf(x, lo), hi); }
__attribute__((noinline)) void round_all(const double *in, double *out, int n) {
  for (int i = 0; i < n; i++) out[i] = floor(in[i]) + 10 * ceil(in[i]) + 100 * trunc(in[i]) + 1000 * rint(in[i]) +
                                       10000 * round(in[i]) + 100000 * nearbyint(in[i]);
}
__attribute__((noinline)) double ternary_min(double a, double b) { return a < b ? a : b; }

int main(void) {
  double out[12];
  round_all(d, out, 12);
  for (int i = 0; i < 12; i++)
    printf("%g: %.17g clamp %g fabs %g copysign %g tmin %g\n", d[i], out[i], clampd(d[i], -1, 2), fabs(d[i]),
           copysign(2.0, d[i]), ternary_min(d[i], 0.25));
  for (int i = 0; i < 7; i++)
    printf("f %g: %g %g %g %g %g %g clamp %g\n", (double)fv[i], (double)floorf(fv[i]), (double)ceilf(fv[i]),
           (double)truncf(fv[i]), (double)rintf(fv[i]), (double)roundf(fv[i]), (double)nearbyintf(fv[i]),
           (double)clampf(fv[i], -1.0f, 1.0f));
  double mx = -INFINITY, mn = INFINITY;
  for (int i = 0; i < 12; i++) {
    mx = fmax(mx, d[i]);
    mn = fmin(mn, d[i]);
  }
  printf("max %g min %g\n", mx, mn);
  printf("done\n");
  return 0;
}
