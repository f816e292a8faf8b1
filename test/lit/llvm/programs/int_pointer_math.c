// Pointer arithmetic: differences, comparisons, indexing with negative and
// 64-bit indices, pointers to arrays, uintptr_t round trips.
// RUN: python3 %src/utils/test/run-c-program.py --toyc %toyc --work %t %s
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

struct rec { int a; char b; double c; short d[3]; };
static struct rec recs[10];
static int grid[6][7];

__attribute__((noinline)) ptrdiff_t diff(const struct rec *p, const struct rec *q) { return p - q; }
__attribute__((noinline)) int at(const int *p, long long i) { return p[i]; }
__attribute__((noinline)) int row_sum(int (*row)[7], int r) {
  int s = 0;
  for (int c = 0; c < 7; c++) s += row[r][c];
  return s;
}
__attribute__((noinline)) int *advance(int *p, int n) { return p + n; }
__attribute__((noinline)) int ptr_lt(const void *a, const void *b) { return (uintptr_t)a < (uintptr_t)b; }

int main(void) {
  for (int i = 0; i < 10; i++) {
    recs[i].a = i * i;
    recs[i].d[2] = (short)(i - 5);
  }
  for (int r = 0; r < 6; r++)
    for (int c = 0; c < 7; c++) grid[r][c] = r * 10 + c;
  printf("diff %d %d\n", (int)diff(&recs[7], &recs[2]), (int)diff(&recs[0], &recs[9]));
  printf("bytes %d\n", (int)((char *)&recs[3].d[2] - (char *)&recs[1]) == (int)(2 * sizeof(struct rec) +
         offsetof(struct rec, d) + 2 * sizeof(short)));
  int *mid = &grid[3][3];
  printf("neg idx %d %d %d\n", at(mid, -1), at(mid, -7), at(mid, 10));
  printf("rows %d %d\n", row_sum(grid, 0), row_sum(grid, 5));
  printf("advance %d\n", *advance(&grid[0][0], 41));
  printf("ptr_lt %d %d\n", ptr_lt(&recs[1], &recs[2]), ptr_lt(&grid[5][0], &grid[0][6]));
  uintptr_t u = (uintptr_t)&grid[2][2];
  int *back = (int *)(u + sizeof(int));
  printf("roundtrip %d\n", *back);
  int sum = 0;
  for (int *p = &grid[0][0]; p < (int *)(grid + 6); p += 5) sum += *p;
  printf("stride sum %d\n", sum);
  const char *s = "pointer arithmetic";
  const char *e = s;
  while (*e) e++;
  printf("len %d last %c\n", (int)(e - s), e[-1]);
  printf("done\n");
  return 0;
}
