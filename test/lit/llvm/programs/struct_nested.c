// Nested structs and arrays of structs: nested field access, copies of
// nested members, structs containing structs by value in calls, designated
// initializers of nested aggregates.
// RUN: python3 %src/utils/test/run-c-program.py --toyc %toyc --work %t %s
#include <stdio.h>

struct point { int x, y; };
struct rect { struct point lo, hi; };
struct shape { const char *name; struct rect box; struct point pts[4]; int npts; };
struct scene { struct shape shapes[3]; int count; struct { double r, g, b; } bg; };

__attribute__((noinline)) int area(struct rect r) { return (r.hi.x - r.lo.x) * (r.hi.y - r.lo.y); }
__attribute__((noinline)) struct rect bbox(const struct shape *s) {
  struct rect r = {s->pts[0], s->pts[0]};
  for (int i = 1; i < s->npts; i++) {
    if (s->pts[i].x < r.lo.x) r.lo.x = s->pts[i].x;
    if (s->pts[i].y < r.lo.y) r.lo.y = s->pts[i].y;
    if (s->pts[i].x > r.hi.x) r.hi.x = s->pts[i].x;
    if (s->pts[i].y > r.hi.y) r.hi.y = s->pts[i].y;
  }
  return r;
}
__attribute__((noinline)) struct shape moved(struct shape s, struct point d) {
  for (int i = 0; i < s.npts; i++) {
    s.pts[i].x += d.x;
    s.pts[i].y += d.y;
  }
  s.box = bbox(&s);
  return s;
}
__attribute__((noinline)) struct scene build(void) {
  struct scene sc = {
      .shapes = {{.name = "tri", .pts = {{0, 0}, {4, 0}, {2, 3}}, .npts = 3},
                 {.name = "quad", .pts = {{-1, -1}, {5, -2}, {6, 4}, {0, 5}}, .npts = 4},
                 {.name = "dot", .pts = {{7, 7}}, .npts = 1}},
      .count = 3,
      .bg = {0.25, 0.5, 0.75}};
  for (int i = 0; i < sc.count; i++) sc.shapes[i].box = bbox(&sc.shapes[i]);
  return sc;
}

int main(void) {
  struct scene sc = build();
  for (int i = 0; i < sc.count; i++) {
    struct shape *s = &sc.shapes[i];
    printf("%s box (%d,%d)-(%d,%d) area %d\n", s->name, s->box.lo.x, s->box.lo.y, s->box.hi.x, s->box.hi.y,
           area(s->box));
    struct shape m = moved(*s, (struct point){10, -20});
    printf("  moved (%d,%d)-(%d,%d) orig first (%d,%d)\n", m.box.lo.x, m.box.lo.y, m.box.hi.x, m.box.hi.y,
           s->pts[0].x, s->pts[0].y);
  }
  struct rect copy = sc.shapes[1].box;
  copy.hi = sc.shapes[0].box.hi;
  printf("copy area %d bg %g %g %g\n", area(copy), sc.bg.r, sc.bg.g, sc.bg.b);
  struct scene sc2 = sc;
  sc2.shapes[0].pts[0].x = 100;
  printf("independent %d %d\n", sc.shapes[0].pts[0].x, sc2.shapes[0].pts[0].x);
  printf("done\n");
  return 0;
}
