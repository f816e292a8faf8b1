// Builtins that clang turns into intrinsics with no wasm instruction:
// __builtin_frexp/frexpf/frexpl (llvm.frexp, the exponent returned through a
// slot of the frame), __fp16 as a storage format (llvm.convert.from.fp16 and
// llvm.convert.to.fp16, compiler-rt's __extendhfsf2/__truncsfhf2/
// __truncdfhf2) and __builtin_readcyclecounter (0 in wasm: only its
// monotonicity is printed).
// RUN: python3 %src/utils/test/run-c-program.py --toyc %toyc --work %t %s
// NATIVE: clang-O2-ubsan (the host gcc 12 has no __fp16 on x86)
#include <stdio.h>
#include <string.h>

__attribute__((noinline)) double frexp_d(double x, int *e) { return __builtin_frexp(x, e); }
__attribute__((noinline)) float frexp_f(float x, int *e) { return __builtin_frexpf(x, e); }
__attribute__((noinline)) double frexp_l(double x, int *e) { return (double)__builtin_frexpl((long double)x, e); }
// Both results used in one expression, so the exponent slot must survive.
__attribute__((noinline)) double rebuild(double x) {
  int e;
  double m = __builtin_frexp(x, &e);
  return m * (double)(1LL << (e > 0 && e < 60 ? e : 0)) + e;
}

__attribute__((noinline)) float half_to_float(const __fp16 *p) { return *p; }
__attribute__((noinline)) double half_to_double(const __fp16 *p) { return *p; }
__attribute__((noinline)) void float_to_half(__fp16 *p, float x) { *p = x; }
__attribute__((noinline)) void double_to_half(__fp16 *p, double x) { *p = x; }
__attribute__((noinline)) unsigned short bits_of(const __fp16 *p) {
  unsigned short b;
  memcpy(&b, p, sizeof b);
  return b;
}
__attribute__((noinline)) float half_sum(const __fp16 *v, int n) {
  float s = 0;
  for (int i = 0; i < n; i++) s += v[i] * 2.0f;
  return s;
}

__attribute__((noinline)) unsigned long long cycles(void) { return __builtin_readcyclecounter(); }

int main(void) {
  static const double inputs[] = {0.0, -0.0, 1.0, -1.0, 0.5, 3.0, 1e-300, 5e-324, 1.7976931348623157e308,
                                  -123456.789, 0.1, 1024.0, 6.103515625e-05, 65504.0, 65520.0, 1e-8};
  int n = (int)(sizeof inputs / sizeof inputs[0]);
  for (int i = 0; i < n; i++) {
    int e1 = 0, e2 = 0, e3 = 0;
    double m1 = frexp_d(inputs[i], &e1);
    // The exponent of an infinity is unspecified: floats stay finite.
    float fx = inputs[i] > -3e38 && inputs[i] < 3e38 ? (float)inputs[i] : 2.5f;
    float m2 = frexp_f(fx, &e2);
    double m3 = frexp_l(inputs[i], &e3);
    printf("frexp(%.17g) = %.17g * 2^%d | f %.9g * 2^%d | l %.17g * 2^%d | %.17g\n", inputs[i], m1, e1,
           (double)m2, e2, m3, e3, rebuild(inputs[i]));
  }

  __fp16 h[16];
  for (int i = 0; i < n; i++) {
    float_to_half(&h[i], (float)inputs[i]);
    printf("half(%.9g) bits %04x -> %.9g / %.17g\n", (float)inputs[i], bits_of(&h[i]), (double)half_to_float(&h[i]),
           half_to_double(&h[i]));
    double_to_half(&h[i], inputs[i] * 3.0);
    printf("half(%.17g) bits %04x -> %.9g\n", inputs[i] * 3.0, bits_of(&h[i]), (double)half_to_float(&h[i]));
  }
  printf("sum %.9g\n", (double)half_sum(h, n));

  unsigned long long c1 = cycles(), c2 = cycles();
  printf("cycles monotonic %d\n", c2 >= c1);
  printf("done\n");
  return 0;
}
