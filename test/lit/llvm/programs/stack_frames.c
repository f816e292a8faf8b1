// Stack frames: large local arrays, address-taken locals written through
// pointers by callees, over-aligned locals, structs on the stack, and a
// recursion that keeps pointers into its callers' frames.
// RUN: python3 %src/utils/test/run-c-program.py --toyc %toyc --work %t %s
#include <stdint.h>
#include <stdio.h>
#include <string.h>

__attribute__((noinline)) void fill(int *p, int n, int k) {
  for (int i = 0; i < n; i++) p[i] = i * k;
}
__attribute__((noinline)) void set(int *p, int v) { *p = v; }
__attribute__((noinline)) int chain(int depth, int *parent) {
  int mine = depth * 100;
  if (parent) *parent += 1;
  if (depth == 0) return mine;
  int r = chain(depth - 1, &mine);
  return r + mine;
}
__attribute__((noinline)) unsigned big_frame(int k) {
  uint32_t a[4096];
  fill((int *)a, 4096, k);
  unsigned s = 0;
  for (int i = 0; i < 4096; i += 17) s += a[i];
  return s;
}
__attribute__((noinline)) int aligned_locals(void) {
  _Alignas(32) char a[3];
  _Alignas(16) double d = 1.5;
  _Alignas(64) int x = 7;
  a[0] = 1;
  return (((uintptr_t)a % 32) == 0) + (((uintptr_t)&d % 16) == 0) * 2 + (((uintptr_t)&x % 64) == 0) * 4 + a[0] * 8 +
         (int)d + x;
}

int main(void) {
  int x = 1, y = 2, z = 3;
  set(&y, 20);
  printf("locals %d %d %d\n", x, y, z);
  printf("chain %d\n", chain(30, NULL));
  printf("big %u %u\n", big_frame(3), big_frame(-1));
  printf("aligned %d\n", aligned_locals());
  struct { char name[40]; int id; double v; } recs[20];
  for (int i = 0; i < 20; i++) {
    snprintf(recs[i].name, sizeof recs[i].name, "record-%02d", i);
    recs[i].id = i * 3;
    recs[i].v = i / 8.0;
  }
  int found = -1;
  for (int i = 0; i < 20; i++)
    if (strcmp(recs[i].name, "record-13") == 0) found = i;
  printf("found %d %d %g\n", found, recs[found].id, recs[found].v);
  printf("done\n");
  return 0;
}
