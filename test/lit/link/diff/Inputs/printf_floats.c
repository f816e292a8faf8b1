/* printf of floats and doubles with %f %e %g %a and their flags. */
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

static const double values[] = {0.0, -0.0, 1.0, -1.5, 0.1, 2.0 / 3.0, 123456.789,
                                1e-7, 6.02214076e23, 1e300, 5e-324, DBL_MAX, DBL_MIN,
                                3.141592653589793, 2.718281828459045, 1e16, 0.5, 1024.0};

int main(void) {
  for (unsigned i = 0; i < sizeof values / sizeof *values; i++) {
    double v = values[i];
    printf("%u: f=%f e=%e g=%g a=%a\n", i, v, v, v, v);
    printf("   .3f=%.3f .10e=%.10e .12g=%.12g .17g=%.17g\n", v, v, v, v);
    printf("   [%12.4f] [%-14.3e] [%+g] [%#g] [%010.2f]\n", v, v, v, v, v);
  }
  float fs[] = {1.0f / 3.0f, -2.5f, 1e10f, FLT_MAX, FLT_MIN, 16777217.0f, 0.1f};
  for (unsigned i = 0; i < sizeof fs / sizeof *fs; i++)
    printf("float %u: %f %e %g %a %.9g\n", i, fs[i], fs[i], fs[i], fs[i], fs[i]);
  double specials[] = {INFINITY, -INFINITY, NAN};
  for (int i = 0; i < 3; i++)
    printf("special: %f %e %g %a %F %E %G %A\n", specials[i], specials[i], specials[i],
           specials[i], specials[i], specials[i], specials[i], specials[i]);
  double sum = 0;
  for (int i = 1; i <= 1000; i++) sum += 1.0 / ((double)i * i);
  printf("basel partial=%.15f pi^2/6=%.15f\n", sum, M_PI * M_PI / 6);
  char buf[64];
  snprintf(buf, sizeof buf, "%.2f|%.0f|%.0f|%.0f", 2.675, 0.5, 1.5, 2.5);
  printf("rounding: %s\n", buf);
  printf("strtod: %.17g %.17g %g\n", strtod("0.1", NULL), strtod("-1e-5x", NULL),
         strtod("0x1.8p3", NULL));
  return 0;
}
