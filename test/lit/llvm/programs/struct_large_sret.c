// Large structs: passed by value (byval copies on the shadow stack) and
// returned through a hidden sret pointer, chained calls, assignment of
// returned structs, arrays inside structs.
// RUN: python3 %src/utils/test/run-c-program.py --toyc %toyc --work %t %s
#include <stdio.h>
#include <string.h>

struct big { int v[16]; double scale; char name[12]; };
struct mat3 { double m[3][3]; };

__attribute__((noinline)) struct big make_big(int seed, const char *name) {
  struct big b;
  for (int i = 0; i < 16; i++) b.v[i] = seed * (i + 1) - i * i;
  b.scale = seed / 4.0;
  strncpy(b.name, name, sizeof b.name - 1);
  b.name[sizeof b.name - 1] = 0;
  return b;
}
__attribute__((noinline)) long sum_big(struct big b) {
  long s = 0;
  for (int i = 0; i < 16; i++) s += b.v[i];
  b.v[0] = 999999;  // the caller's copy must not change
  return s + (long)(b.scale * 8);
}
__attribute__((noinline)) struct big scale_big(struct big b, int k) {
  for (int i = 0; i < 16; i++) b.v[i] *= k;
  b.scale *= k;
  return b;
}
__attribute__((noinline)) struct mat3 mat_mul(struct mat3 a, struct mat3 b) {
  struct mat3 r;
  for (int i = 0; i < 3; i++)
    for (int j = 0; j < 3; j++) {
      r.m[i][j] = 0;
      for (int k = 0; k < 3; k++) r.m[i][j] += a.m[i][k] * b.m[k][j];
    }
  return r;
}
__attribute__((noinline)) struct mat3 identity(void) {
  struct mat3 r = {{{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}};
  return r;
}
__attribute__((noinline)) struct big pick(int c, struct big a, struct big b) { return c ? a : b; }

int main(void) {
  struct big a = make_big(3, "alpha"), b = make_big(-2, "a-very-long-name");
  printf("a %s %d %d %g sum %ld\n", a.name, a.v[0], a.v[15], a.scale, sum_big(a));
  printf("b %s %d %d %g sum %ld\n", b.name, b.v[0], b.v[15], b.scale, sum_big(b));
  printf("a.v[0] after call %d\n", a.v[0]);
  struct big c = scale_big(scale_big(a, 2), -3);
  printf("c %d %d %g sum %ld\n", c.v[1], c.v[14], c.scale, sum_big(c));
  a = pick(0, a, b);
  printf("picked %s %d\n", a.name, a.v[3]);
  struct mat3 r = {{{1, 2, 0}, {0, 1, 3}, {4, 0, 1}}}, acc = identity();
  for (int i = 0; i < 5; i++) acc = mat_mul(acc, r);
  for (int i = 0; i < 3; i++) printf("row %g %g %g\n", acc.m[i][0], acc.m[i][1], acc.m[i][2]);
  printf("done\n");
  return 0;
}
