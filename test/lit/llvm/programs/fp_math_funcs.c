// math.h: exactly rounded functions (sqrt, floor, ceil, trunc, round, rint,
// nearbyint, fabs, fmod, remainder, ldexp, frexp, modf) printed in full, and
// transcendental functions (exp, log, sin, cos, tan, atan2, pow, cbrt,
// hypot) printed to 10 digits, for double and float.
// RUN: python3 %src/utils/test/run-c-program.py --toyc %toyc --work %t %s
#include <math.h>
#include <stdio.h>

double xs[] = {0.0, 0.5, 1.5, 2.5, -2.5, -0.5, 3.7, -3.7, 1e10 + 0.5, 123.456, -1e-5, 4503599627370497.0};
float fs[] = {0.5f, 1.5f, 2.5f, -2.5f, 3.7f, -3.7f, 8388609.0f, 1e-3f};

int main(void) {
  for (int i = 0; i < 12; i++) {
    double x = xs[i];
    double ip;
    int e;
    double fr = frexp(x, &e);
    double mf = modf(x, &ip);
    printf("%.17g: floor %.17g ceil %.17g trunc %.17g round %.17g rint %.17g nearby %.17g\n", x, floor(x),
           ceil(x), trunc(x), round(x), rint(x), nearbyint(x));
    printf("  fabs %.17g sqrt %.17g fmod %.17g rem %.17g ldexp %.17g frexp %.17g %d modf %.17g %.17g llround %lld\n",
           fabs(x), sqrt(fabs(x)), fmod(x, 0.75), remainder(x, 0.75), ldexp(x, 7), fr, e, mf, ip, llround(x));
    printf("  exp %.10g log %.10g sin %.10g cos %.10g tan %.10g atan2 %.10g pow %.10g cbrt %.10g hypot %.10g\n",
           exp(x / 10), log(fabs(x) + 1), sin(x), cos(x), tan(x / 4), atan2(x, 2.0), pow(fabs(x), 0.3), cbrt(x),
           hypot(x, 3.0));
  }
  for (int i = 0; i < 8; i++) {
    float f = fs[i];
    printf("f %.9g: floorf %.9g ceilf %.9g truncf %.9g roundf %.9g rintf %.9g sqrtf %.9g fabsf %.9g fmodf %.9g\n",
           (double)f, (double)floorf(f), (double)ceilf(f), (double)truncf(f), (double)roundf(f), (double)rintf(f),
           (double)sqrtf(fabsf(f)), (double)fabsf(f), (double)fmodf(f, 0.75f));
    printf("  expf %.6g logf %.6g sinf %.6g powf %.6g\n", (double)expf(f), (double)logf(fabsf(f)),
           (double)sinf(f), (double)powf(fabsf(f), 1.5f));
  }
  double s = 0;
  for (int i = 1; i < 200; i++) s += sqrt((double)i) * floor(i / 3.0) - ceil(i / 7.0);
  printf("sum %.17g\n", s);
  printf("done\n");
  return 0;
}
