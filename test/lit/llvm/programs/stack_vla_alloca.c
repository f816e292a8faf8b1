// Dynamic stack allocation: VLAs inside loops (stacksave/stackrestore so
// the stack does not grow per iteration), alloca, 2D VLAs passed to
// functions, VLA sizes from parameters.
// RUN: python3 %src/utils/test/run-c-program.py --toyc %toyc --work %t %s
#include <alloca.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

__attribute__((noinline)) int vla_sum(int n) {
  int v[n];
  for (int i = 0; i < n; i++) v[i] = i * i - n;
  int s = 0;
  for (int i = 0; i < n; i++) s += v[i];
  return s;
}
__attribute__((noinline)) double trace(int n, double m[n][n]) {
  double t = 0;
  for (int i = 0; i < n; i++) t += m[i][i];
  return t;
}
__attribute__((noinline)) unsigned alloca_hash(int n) {
  unsigned char *p = alloca((size_t)n);
  for (int i = 0; i < n; i++) p[i] = (unsigned char)(i ^ n);
  unsigned h = 0;
  for (int i = 0; i < n; i++) h = h * 31 + p[i];
  return h;
}
__attribute__((noinline)) uintptr_t stack_probe(void) {
  volatile char c = 0;
  volatile uintptr_t where = (uintptr_t)&c;
  return where;
}

int main(void) {
  uintptr_t before = stack_probe();
  long total = 0;
  for (int round = 0; round < 2000; round++) {
    int n = 1 + round % 97;
    char buf[n];
    memset(buf, round & 0x7f, (size_t)n);
    total += buf[n - 1] + vla_sum(n);
  }
  uintptr_t after = stack_probe();
  // llc restores __stack_pointer lazily (at the next dynamic alloca), so
  // only require that 2000 iterations did not accumulate stack.
  printf("total %ld stack bounded %d\n", total, before >= after && before - after < 4096);
  for (int n = 1; n <= 5; n++) {
    double m[n][n];
    for (int i = 0; i < n; i++)
      for (int j = 0; j < n; j++) m[i][j] = i * 10 + j + 0.5;
    printf("trace %d %g size %u\n", n, trace(n, m), (unsigned)sizeof m);
  }
  for (int n = 1; n < 2000; n = n * 3 + 1) printf("alloca %d %u\n", n, alloca_hash(n));
  int rows = 3, cols = 4;
  int (*grid)[cols] = alloca(sizeof(int[rows][cols]));
  for (int r = 0; r < rows; r++)
    for (int c = 0; c < cols; c++) grid[r][c] = r * cols + c;
  printf("grid %d %d\n", grid[2][3], grid[1][0]);
  printf("done\n");
  return 0;
}
