// Compound literals and designated initializers: literals passed to
// functions, taking their address, arrays of literals, nested designators,
// out-of-order and repeated designators, zero filling.
// RUN: python3 %src/utils/test/run-c-program.py --toyc %toyc --work %t %s
// CFLAGS: -Wno-initializer-overrides
#include <stdio.h>

struct point { int x, y; };
struct line { struct point a, b; const char *label; };
struct cfg { int w, h; double scale; int flags[4]; const char *name; };

__attribute__((noinline)) int manhattan(struct point p, struct point q) {
  return (p.x > q.x ? p.x - q.x : q.x - p.x) + (p.y > q.y ? p.y - q.y : q.y - p.y);
}
__attribute__((noinline)) int sum(const int *v, int n) {
  int s = 0;
  for (int i = 0; i < n; i++) s += v[i];
  return s;
}
__attribute__((noinline)) void show(const struct cfg *c) {
  printf("cfg %s %dx%d %g [%d %d %d %d]\n", c->name ? c->name : "(null)", c->w, c->h, c->scale, c->flags[0],
         c->flags[1], c->flags[2], c->flags[3]);
}

int main(void) {
  printf("dist %d\n", manhattan((struct point){1, 2}, (struct point){.y = -5, .x = 4}));
  printf("sum %d %d\n", sum((int[]){1, 2, 3, 4, 5}, 5), sum((int[10]){[9] = 7, [2] = 3}, 10));
  struct point *pp = &(struct point){10, 20};
  pp->x += 5;
  printf("pp %d %d\n", pp->x, pp->y);
  struct line l = {.b = {.x = 3}, .label = "diag", .a.y = 9};
  printf("line %d %d %d %d %s\n", l.a.x, l.a.y, l.b.x, l.b.y, l.label);
  show(&(struct cfg){.name = "small", .w = 4, .h = 3, .flags = {[2] = 1}});
  show(&(struct cfg){640, 480, 1.5, {1, 2, 3, 4}, "full"});
  show(&(struct cfg){.flags[1] = 8, .scale = 0.25, .flags[3] = 9});
  int arr[8] = {[0 ... 3] = 5, [6] = 1, [2] = 9};
  for (int i = 0; i < 8; i++) printf("%d ", arr[i]);
  printf("\n");
  for (int i = 0; i < 3; i++) {
    const struct point *q = &(const struct point){i, i * i};
    printf("loop literal %d %d\n", q->x, q->y);
  }
  printf("done\n");
  return 0;
}
