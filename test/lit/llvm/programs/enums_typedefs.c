// Enums with explicit, negative and large values, enums as array indices
// and switch subjects, typedef'd function types and arrays, sizeof of
// enum types and enum arithmetic.
// RUN: python3 %src/utils/test/run-c-program.py --toyc %toyc --work %t %s
#include <stdio.h>

enum color { RED, GREEN = 5, BLUE, ALPHA = -3, MAXC = 0x7fffffff };
enum small { S_A = 1, S_B = 2, S_C = 4, S_ALL = S_A | S_B | S_C };
typedef enum { NORTH, EAST, SOUTH, WEST, NDIRS } dir;
typedef int vec3[3];
typedef int (*cmp_fn)(int, int);

static const char *const dir_names[NDIRS] = {[NORTH] = "N", [EAST] = "E", [SOUTH] = "S", [WEST] = "W"};
static const int dx[NDIRS] = {0, 1, 0, -1}, dy[NDIRS] = {1, 0, -1, 0};

__attribute__((noinline)) dir turn(dir d, int right) { return (dir)((d + (right ? 1 : 3)) % NDIRS); }
__attribute__((noinline)) const char *color_name(enum color c) {
  switch (c) {
  case RED: return "red";
  case GREEN: return "green";
  case BLUE: return "blue";
  case ALPHA: return "alpha";
  case MAXC: return "max";
  }
  return "?";
}
static int less(int a, int b) { return a < b; }
__attribute__((noinline)) void add3(vec3 out, const vec3 a, const vec3 b) {
  for (int i = 0; i < 3; i++) out[i] = a[i] + b[i];
}

int main(void) {
  enum color cs[] = {RED, GREEN, BLUE, ALPHA, MAXC};
  for (int i = 0; i < 5; i++) printf("%s=%d ", color_name(cs[i]), (int)cs[i]);
  printf("\nflags %d %d\n", S_ALL, S_ALL & ~S_B);
  dir d = NORTH;
  int x = 0, y = 0;
  const char *path = "FFRFFLFRRFLF";
  for (const char *p = path; *p; p++) {
    if (*p == 'R') d = turn(d, 1);
    else if (*p == 'L') d = turn(d, 0);
    else {
      x += dx[d];
      y += dy[d];
    }
  }
  printf("pos %d %d facing %s\n", x, y, dir_names[d]);
  vec3 a = {1, 2, 3}, b = {10, 20, 30}, c;
  add3(c, a, b);
  printf("vec %d %d %d size %u\n", c[0], c[1], c[2], (unsigned)sizeof(vec3));
  cmp_fn f = less;
  printf("cmp %d %d size %u\n", f(1, 2), f(2, 1), (unsigned)sizeof(enum color));
  printf("done\n");
  return 0;
}
