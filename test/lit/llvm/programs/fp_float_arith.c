// Float (f32) arithmetic kept in single precision: rounding of every result
// to float, float-to-double promotion for printf, float accumulation.
// RUN: python3 %src/utils/test/run-c-program.py --toyc %toyc --work %t %s
#include <float.h>
#include <stdio.h>

float in[] = {0.0f, -0.0f, 1.0f, 0.1f, 1.0f / 3.0f, 16777216.0f, 16777217.0f, 3.4028235e38f, 1.17549435e-38f,
              1.4e-45f, -7.5f, 1e-10f};

__attribute__((noinline)) float addf(float a, float b) { return a + b; }
__attribute__((noinline)) float mulf(float a, float b) { return a * b; }
__attribute__((noinline)) float divf(float a, float b) { return a / b; }
__attribute__((noinline)) float subf(float a, float b) { return a - b; }
__attribute__((noinline)) double widen(float a) { return a; }
__attribute__((noinline)) float narrow(double a) { return (float)a; }
__attribute__((noinline)) float dot(const float *a, const float *b, int n) {
  float s = 0;
  for (int i = 0; i < n; i++) s += a[i] * b[i];
  return s;
}

int main(void) {
  int n = sizeof in / sizeof in[0];
  for (int i = 0; i < n; i++) {
    printf("%.9g:", (double)in[i]);
    for (int j = 0; j < n; j += 3) {
      float q = divf(in[i], in[j]);
      printf(" %.9g %.9g %.9g", (double)addf(in[i], in[j]), (double)subf(in[i], in[j]),
             (double)mulf(in[i], in[j]));
      if (q == q) printf(" %.9g", (double)q);
      else printf(" nan");
    }
    printf("\n");
  }
  double dn[] = {0.1, 1e40, 1e-50, 3.999999999, 16777217.0, -2.5e-39, 0.3333333333333333};
  for (int i = 0; i < 7; i++) printf("narrow %.17g -> %.9g\n", dn[i], widen(narrow(dn[i])));
  float a[100], b[100];
  for (int i = 0; i < 100; i++) {
    a[i] = (float)i * 0.01f;
    b[i] = 1.0f / (float)(i + 1);
  }
  printf("dot %.9g\n", (double)dot(a, b, 100));
  float s = 0;
  for (int i = 0; i < 20000; i++) s += 0.1f;
  printf("sum %.9g eps %.9g\n", (double)s, (double)FLT_EPSILON);
  printf("done\n");
  return 0;
}
