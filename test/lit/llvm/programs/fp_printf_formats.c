// printf floating-point formats: %f %e %g %a with widths, precisions and
// flags, float promotion, values near rounding boundaries.  (No subnormal
// goes through %a: glibc and musl write those differently.)
// RUN: python3 %src/utils/test/run-c-program.py --toyc %toyc --work %t %s
#include <stdio.h>

double vals[] = {0.0, -0.0, 1.0, 0.1, 2.5, 1e-5, 123456.789, 1e21, 9.999999e-5, 0.000123456, 2.5e-300,
                 6.02214076e23, -273.15, 0.125, 1.0 / 7.0};

int main(void) {
  for (int i = 0; i < 15; i++) {
    double v = vals[i];
    printf("[%f] [%.0f] [%.3f] [%12.4f] [%-12.2f|] [%+f]\n", v, v, v, v, v, v);
    printf("[%e] [%.0e] [%.10e] [%E] [%15.3e]\n", v, v, v, v, v);
    printf("[%g] [%.1g] [%.10g] [%#g] [%G] [%.17g] [%a]\n", v, v, v, v, v, v, v);
  }
  float f = 3.14159265f;
  printf("float %f %.9g %e %a\n", f, f, f, f);
  printf("round-half %.0f %.0f %.0f %.0f %.1f %.2f\n", 0.5, 1.5, 2.5, -0.5, 0.25, 1.005);
  printf("pad [%08.3f] [% f] [%-+8.1f]\n", -3.14159, 2.0, 7.25);
  printf("done\n");
  return 0;
}
