// Conditional expressions that -O2 turns into select, and branchless idioms
// (masks from comparisons, conditional negation, conditional swap).
// RUN: python3 %src/utils/test/run-c-program.py --toyc %toyc --work %t %s
#include <stdint.h>
#include <stdio.h>

int32_t xs[] = {0, 3, -3, 100, -100, 2147483647, -2147483647, 42, 17, -1};

__attribute__((noinline)) int sel(int c, int a, int b) { return c ? a : b; }
__attribute__((noinline)) int64_t sel64(int c, int64_t a, int64_t b) { return c ? a : b; }
__attribute__((noinline)) double seld(double x, double a, double b) { return x > 0 ? a : b; }
__attribute__((noinline)) float self(int c, float a, float b) { return c > 1 ? a : b; }
__attribute__((noinline)) int cneg(int x, int neg) { return neg ? -x : x; }
__attribute__((noinline)) int mask_sel(int c, int a, int b) {
  int m = -(c != 0);
  return (a & m) | (b & ~m);
}
__attribute__((noinline)) void cswap(int *a, int *b) {
  int x = *a, y = *b;
  *a = x < y ? x : y;
  *b = x < y ? y : x;
}
__attribute__((noinline)) unsigned count_pos(const int *v, int n) {
  unsigned c = 0;
  for (int i = 0; i < n; i++) c += v[i] > 0;
  return c;
}
__attribute__((noinline)) int sign_select(int x) { return x > 0 ? 1 : x < 0 ? -1 : 0; }
__attribute__((noinline)) const char *name(int x) { return x & 1 ? "odd" : "even"; }

int main(void) {
  for (int i = 0; i < 10; i++) {
    int a = xs[i], b = xs[(i + 3) % 10];
    printf("%d %d: %d %d %lld %g %g %d %d %d %s\n", a, b, sel(a > b, a, b), mask_sel(a & 4, a, b),
           (long long)sel64(a < 0, (int64_t)a * 1000000, -1), seld(a, 1.5, -2.5), (double)self(a, 0.25f, 4.0f),
           a == -2147483647 ? 0 : cneg(a, b < 0), sign_select(a), sign_select(b), name(a));
  }
  int v[10];
  for (int i = 0; i < 10; i++) v[i] = xs[i];
  for (int i = 0; i < 10; i++)
    for (int j = 0; j + 1 < 10 - i; j++) cswap(&v[j], &v[j + 1]);
  for (int i = 0; i < 10; i++) printf("%d ", v[i]);
  printf("\npositive %u\n", count_pos(xs, 10));
  printf("done\n");
  return 0;
}
