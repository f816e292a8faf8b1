// Indirect calls with aggregate results and arguments: function pointers
// returning structs through sret, taking byval structs, returning doubles
// and 64-bit values, and recursion through a pointer.
// RUN: python3 %src/utils/test/run-c-program.py --toyc %toyc --work %t %s
#include <stdint.h>
#include <stdio.h>

struct vec { double x, y, z; };
struct big { int64_t v[6]; };
typedef struct vec (*vec_op)(struct vec, struct vec);
typedef struct big (*big_fn)(int);

static struct vec vadd(struct vec a, struct vec b) { return (struct vec){a.x + b.x, a.y + b.y, a.z + b.z}; }
static struct vec vmul(struct vec a, struct vec b) { return (struct vec){a.x * b.x, a.y * b.y, a.z * b.z}; }
static struct vec vcross(struct vec a, struct vec b) {
  return (struct vec){a.y * b.z - a.z * b.y, a.z * b.x - a.x * b.z, a.x * b.y - a.y * b.x};
}
static struct big squares(int k) {
  struct big b;
  for (int i = 0; i < 6; i++) b.v[i] = (int64_t)(k + i) * (k + i) * 1000003;
  return b;
}
static struct big cubes(int k) {
  struct big b;
  for (int i = 0; i < 6; i++) b.v[i] = (int64_t)(k - i) * (k - i) * (k - i);
  return b;
}
static int64_t (*volatile rec_ptr)(int64_t, int);
static int64_t rec(int64_t acc, int n) { return n == 0 ? acc : rec_ptr(acc * 3 + n, n - 1); }
static double poly(double x) { return x * x - 2; }
static double (*const dfns[])(double) = {poly};

int main(void) {
  vec_op ops[] = {vadd, vmul, vcross};
  struct vec a = {1, 2, 3}, b = {-4, 0.5, 8};
  for (int i = 0; i < 3; i++) {
    struct vec r = ops[i](a, b);
    printf("op%d %.17g %.17g %.17g\n", i, r.x, r.y, r.z);
    a = ops[i](r, a);
  }
  printf("a %.17g %.17g %.17g\n", a.x, a.y, a.z);
  big_fn fns[] = {squares, cubes};
  for (int i = 0; i < 2; i++) {
    struct big v = fns[i](100 + i);
    int64_t s = 0;
    for (int k = 0; k < 6; k++) s += v.v[k];
    printf("big%d %lld %lld\n", i, (long long)s, (long long)v.v[5]);
  }
  rec_ptr = rec;
  printf("rec %lld\n", (long long)rec(1, 30));
  double x = 1;
  for (int i = 0; i < 5; i++) x = x - dfns[0](x) / (2 * x);
  printf("newton %.17g\n", x);
  printf("done\n");
  return 0;
}
