/* libm: elementary functions printed with full precision (%.17g), so any
   difference in which implementation got linked shows up. */
#include <float.h>
#include <math.h>
#include <stdio.h>

static const double xs[] = {0.0, 0.5, 1.0, 2.0, 3.141592653589793, -1.25, 10.0, 1e-8, 100.5};

int main(void) {
  for (unsigned i = 0; i < sizeof xs / sizeof *xs; i++) {
    double x = xs[i];
    printf("x=%.17g\n", x);
    printf("  sin=%.17g cos=%.17g tan=%.17g\n", sin(x), cos(x), tan(x));
    printf("  exp=%.17g expm1=%.17g\n", exp(x), expm1(x));
    printf("  log=%.17g log10=%.17g log2=%.17g log1p=%.17g\n", log(fabs(x)), log10(fabs(x)),
           log2(fabs(x)), log1p(fabs(x)));
    printf("  sqrt=%.17g cbrt=%.17g pow(x,2.5)=%.17g pow(1.5,x)=%.17g\n", sqrt(fabs(x)),
           cbrt(x), pow(fabs(x), 2.5), pow(1.5, x));
    printf("  fmod(x,0.7)=%.17g remainder=%.17g atan2(x,-2)=%.17g hypot(x,3)=%.17g\n",
           fmod(x, 0.7), remainder(x, 0.7), atan2(x, -2.0), hypot(x, 3.0));
    printf("  sinh=%.17g tanh=%.17g asinh=%.17g atan=%.17g\n", sinh(x), tanh(x), asinh(x),
           atan(x));
  }
  printf("floor/ceil/round/trunc(-2.5): %g %g %g %g\n", floor(-2.5), ceil(-2.5), round(-2.5),
         trunc(-2.5));
  printf("rint/nearbyint(2.5): %g %g lround(-3.5)=%ld\n", rint(2.5), nearbyint(2.5), lround(-3.5));
  int e;
  double m = frexp(1234.5, &e);
  printf("frexp: %.17g * 2^%d ldexp=%.17g\n", m, e, ldexp(m, e));
  double ip, fp = modf(-7.875, &ip);
  printf("modf: %g %g\n", ip, fp);
  printf("tgamma(5.5)=%.17g lgamma(20)=%.17g erf(0.5)=%.17g\n", tgamma(5.5), lgamma(20.0),
         erf(0.5));
  printf("float: sinf=%.9g expf=%.9g sqrtf=%.9g powf=%.9g\n", sinf(1.0f), expf(1.0f),
         sqrtf(2.0f), powf(2.0f, 0.5f));
  printf("copysign=%g fmax=%g fmin=%g fdim=%g fma=%.17g\n", copysign(3.0, -0.0),
         fmax(1.0, NAN), fmin(-1.0, 2.0), fdim(5.0, 3.0), fma(0.1, 10.0, -1.0));
  printf("classify: %d %d %d %d isnan=%d isinf=%d signbit=%d\n", fpclassify(0.0) == FP_ZERO,
         fpclassify(DBL_MIN / 2) == FP_SUBNORMAL, fpclassify(1.0) == FP_NORMAL,
         fpclassify(INFINITY) == FP_INFINITE, isnan(sqrt(-1.0)) != 0, isinf(log(0.0)) != 0,
         signbit(-0.0) != 0);
  double acc = 0;
  for (int k = 1; k < 200; k++) acc += sin(k * 0.1) * exp(-k * 0.01) + log(k) / sqrt(k);
  printf("accumulated: %.17g\n", acc);
  return 0;
}
