// ASCII Mandelbrot and Julia sets: tight float and double loops with early
// exits, output built into a character buffer.
// RUN: python3 %src/utils/test/run-c-program.py --toyc %toyc --work %t %s
#include <stdio.h>

static const char shades[] = " .:-=+*#%@";

__attribute__((noinline)) int mandel(double cr, double ci, int max) {
  double zr = 0, zi = 0;
  int k = 0;
  while (k < max && zr * zr + zi * zi <= 4.0) {
    double t = zr * zr - zi * zi + cr;
    zi = 2 * zr * zi + ci;
    zr = t;
    k++;
  }
  return k;
}
__attribute__((noinline)) int julia(float zr, float zi, float cr, float ci, int max) {
  int k = 0;
  while (k < max && zr * zr + zi * zi <= 4.0f) {
    float t = zr * zr - zi * zi + cr;
    zi = 2 * zr * zi + ci;
    zr = t;
    k++;
  }
  return k;
}

int main(void) {
  char line[81];
  long total = 0;
  for (int y = 0; y < 24; y++) {
    for (int x = 0; x < 78; x++) {
      int k = mandel(-2.2 + x * 3.0 / 78, -1.2 + y * 2.4 / 24, 200);
      total += k;
      line[x] = shades[k >= 200 ? 9 : k % 9];
    }
    line[78] = 0;
    printf("%s\n", line);
  }
  printf("mandel total %ld\n", total);
  long jt = 0;
  for (int y = 0; y < 40; y++)
    for (int x = 0; x < 80; x++) jt += julia(-1.5f + x * 0.0375f, -1.0f + y * 0.05f, -0.8f, 0.156f, 100);
  printf("julia total %ld\n", jt);
  printf("done\n");
  return 0;
}
