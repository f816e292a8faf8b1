// _Complex double and float: arithmetic (multiplication and division call
// compiler-rt's __muldc3/__divdc3/__mulsc3), creal/cimag/conj, complex
// values passed and returned by value.
// RUN: python3 %src/utils/test/run-c-program.py --toyc %toyc --work %t %s
#include <complex.h>
#include <stdio.h>

__attribute__((noinline)) double _Complex cmul(double _Complex a, double _Complex b) { return a * b; }
__attribute__((noinline)) double _Complex cdiv(double _Complex a, double _Complex b) { return a / b; }
__attribute__((noinline)) float _Complex cmulf(float _Complex a, float _Complex b) { return a * b; }
__attribute__((noinline)) double _Complex cpow_int(double _Complex z, int n) {
  double _Complex r = 1;
  while (n-- > 0) r = cmul(r, z);
  return r;
}
static void show(const char *t, double _Complex z) { printf("%s %.17g %+.17gi\n", t, creal(z), cimag(z)); }

int main(void) {
  double _Complex a = 1.5 + 2.0 * I, b = -0.5 + 0.25 * I;
  show("a", a);
  show("a+b", a + b);
  show("a-b", a - b);
  show("a*b", cmul(a, b));
  show("a/b", cdiv(a, b));
  show("conj", conj(a));
  show("a^5", cpow_int(a, 5));
  show("i^2", cmul(I, I));
  float _Complex fa = 1.0f + 1.0f * I, fb = 3.0f - 2.0f * I;
  float _Complex fr = cmulf(fa, fb);
  printf("float %.9g %.9g\n", (double)crealf(fr), (double)cimagf(fr));
  // Mandelbrot membership with complex arithmetic.
  int inside = 0;
  for (int y = -10; y <= 10; y++)
    for (int x = -20; x <= 10; x++) {
      double _Complex c = x / 10.0 + y / 10.0 * I, z = 0;
      int k = 0;
      while (k < 50 && creal(z) * creal(z) + cimag(z) * cimag(z) <= 4) {
        z = z * z + c;
        k++;
      }
      inside += k == 50;
    }
  printf("inside %d\n", inside);
  printf("done\n");
  return 0;
}
