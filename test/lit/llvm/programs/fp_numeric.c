// Numerical algorithms in double: Kahan summation, Newton iteration,
// Simpson integration, Horner polynomials, Gaussian elimination, series.
// RUN: python3 %src/utils/test/run-c-program.py --toyc %toyc --work %t %s
#include <stdio.h>

__attribute__((noinline)) double kahan(const double *v, int n) {
  double s = 0, c = 0;
  for (int i = 0; i < n; i++) {
    double y = v[i] - c;
    double t = s + y;
    c = (t - s) - y;
    s = t;
  }
  return s;
}
__attribute__((noinline)) double newton_sqrt(double a) {
  double x = a > 1 ? a : 1;
  for (int i = 0; i < 60; i++) x = 0.5 * (x + a / x);
  return x;
}
static double f(double x) { return x * x * x - 2 * x + 1 / (1 + x * x); }
__attribute__((noinline)) double simpson(double a, double b, int n) {
  double h = (b - a) / n, s = f(a) + f(b);
  for (int i = 1; i < n; i++) s += f(a + i * h) * (i % 2 ? 4 : 2);
  return s * h / 3;
}
__attribute__((noinline)) double horner(const double *c, int n, double x) {
  double r = 0;
  for (int i = n - 1; i >= 0; i--) r = r * x + c[i];
  return r;
}
__attribute__((noinline)) void solve(double a[4][5], double *x) {
  for (int k = 0; k < 4; k++) {
    int p = k;
    for (int i = k + 1; i < 4; i++)
      if ((a[i][k] < 0 ? -a[i][k] : a[i][k]) > (a[p][k] < 0 ? -a[p][k] : a[p][k])) p = i;
    for (int j = 0; j < 5; j++) {
      double t = a[k][j];
      a[k][j] = a[p][j];
      a[p][j] = t;
    }
    for (int i = k + 1; i < 4; i++) {
      double m = a[i][k] / a[k][k];
      for (int j = k; j < 5; j++) a[i][j] -= m * a[k][j];
    }
  }
  for (int i = 3; i >= 0; i--) {
    double s = a[i][4];
    for (int j = i + 1; j < 4; j++) s -= a[i][j] * x[j];
    x[i] = s / a[i][i];
  }
}

int main(void) {
  double v[1000];
  for (int i = 0; i < 1000; i++) v[i] = (i % 2 ? 1e-3 : 1e3) / (i + 1);
  double naive = 0;
  for (int i = 0; i < 1000; i++) naive += v[i];
  printf("kahan %.17g naive %.17g\n", kahan(v, 1000), naive);
  for (int i = 1; i < 6; i++) printf("sqrt %d %.17g\n", i * 7, newton_sqrt(i * 7.0));
  printf("simpson %.17g %.17g\n", simpson(0, 2, 100), simpson(-1, 1, 1000));
  double c[] = {1, -0.5, 1.0 / 24, -1.0 / 720, 1.0 / 40320};
  printf("horner %.17g %.17g\n", horner(c, 5, 0.25), horner(c, 5, 2.0));
  double a[4][5] = {{2, 1, -1, 3, 8}, {-3, -1, 2, 1, -11}, {-2, 1, 2, -4, -3}, {1, 5, 3, 2, 7}};
  double x[4];
  solve(a, x);
  printf("solve %.15g %.15g %.15g %.15g\n", x[0], x[1], x[2], x[3]);
  double e = 1, term = 1;
  for (int i = 1; i < 20; i++) {
    term /= i;
    e += term;
  }
  double pi = 0;
  for (int k = 0; k < 100000; k++) pi += (k % 2 ? -4.0 : 4.0) / (2 * k + 1);
  printf("e %.17g pi %.17g\n", e, pi);
  printf("done\n");
  return 0;
}
