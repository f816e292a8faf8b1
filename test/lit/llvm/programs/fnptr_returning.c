// Functions returning function pointers, function pointers in structs
// (vtables), casts between compatible function pointer types, and pointers
// to variadic functions.
// RUN: python3 %src/utils/test/run-c-program.py --toyc %toyc --work %t %s
#include <stdarg.h>
#include <stdio.h>

typedef long (*op)(long);
static long inc(long x) { return x + 1; }
static long dbl(long x) { return x * 2; }
static long sq(long x) { return x * x; }
__attribute__((noinline)) op pick(char c) {
  switch (c) {
  case '+': return inc;
  case '*': return dbl;
  case '^': return sq;
  default: return 0;
  }
}
__attribute__((noinline)) long run(const char *prog, long x) {
  for (; *prog; prog++) {
    op f = pick(*prog);
    if (f) x = f(x);
  }
  return x;
}

struct shape;
struct vtable {
  double (*area)(const struct shape *);
  const char *(*name)(void);
};
struct shape { const struct vtable *vt; double a, b; };
static double rect_area(const struct shape *s) { return s->a * s->b; }
static double tri_area(const struct shape *s) { return s->a * s->b / 2; }
static const char *rect_name(void) { return "rect"; }
static const char *tri_name(void) { return "tri"; }
static const struct vtable rect_vt = {rect_area, rect_name}, tri_vt = {tri_area, tri_name};

static int vsum(int n, ...) {
  va_list ap;
  va_start(ap, n);
  int s = 0;
  while (n--) s += va_arg(ap, int);
  va_end(ap);
  return s;
}

int main(void) {
  printf("run %ld %ld %ld\n", run("++*^", 3), run("^^^", 2), run("x+y*z", 10));
  struct shape shapes[] = {{&rect_vt, 3, 4}, {&tri_vt, 3, 4}, {&rect_vt, 0.5, 0.5}};
  double total = 0;
  for (int i = 0; i < 3; i++) {
    printf("%s %g\n", shapes[i].vt->name(), shapes[i].vt->area(&shapes[i]));
    total += shapes[i].vt->area(&shapes[i]);
  }
  printf("total %g\n", total);
  int (*vp)(int, ...) = vsum;
  printf("variadic ptr %d %d\n", vp(3, 1, 2, 3), vp(0));
  int (*pf)(const char *, ...) = printf;
  pf("printf via pointer %d %s\n", 5, "ok");
  printf("same %d %d\n", pick('+') == inc, pick('*') == pick('^'));
  printf("done\n");
  return 0;
}
