// Structs of floats and doubles by value and returned: vectors, a struct of
// one float (passed as a float), mixed int/double layouts with padding.
// RUN: python3 %src/utils/test/run-c-program.py --toyc %toyc --work %t %s
#include <math.h>
#include <stdio.h>

struct vec2f { float x, y; };
struct vec3 { double x, y, z; };
struct onef { float f; };
struct padded { char c; double d; short s; float f; };

__attribute__((noinline)) struct vec3 cross(struct vec3 a, struct vec3 b) {
  return (struct vec3){a.y * b.z - a.z * b.y, a.z * b.x - a.x * b.z, a.x * b.y - a.y * b.x};
}
__attribute__((noinline)) double dot(struct vec3 a, struct vec3 b) { return a.x * b.x + a.y * b.y + a.z * b.z; }
__attribute__((noinline)) struct vec3 norm(struct vec3 a) {
  double l = sqrt(dot(a, a));
  return (struct vec3){a.x / l, a.y / l, a.z / l};
}
__attribute__((noinline)) struct vec2f rot90(struct vec2f v) { return (struct vec2f){-v.y, v.x}; }
__attribute__((noinline)) struct onef twice(struct onef a) { return (struct onef){a.f * 2}; }
__attribute__((noinline)) struct padded bump(struct padded p) {
  p.c++;
  p.d *= 1.5;
  p.s = (short)(p.s - 7);
  p.f += 0.25f;
  return p;
}

int main(void) {
  struct vec3 a = {1, 2, 3}, b = {-4, 0.5, 2};
  struct vec3 c = cross(a, b);
  printf("cross %.17g %.17g %.17g dot %.17g\n", c.x, c.y, c.z, dot(a, b));
  struct vec3 n = norm(c);
  printf("norm %.17g %.17g %.17g\n", n.x, n.y, n.z);
  struct vec2f v = {1.5f, -2.25f};
  for (int i = 0; i < 3; i++) {
    v = rot90(v);
    printf("rot %g %g\n", (double)v.x, (double)v.y);
  }
  struct onef o = {0.1f};
  for (int i = 0; i < 4; i++) o = twice(o);
  printf("onef %.9g\n", (double)o.f);
  struct padded p = {'a', 2.0, 100, 1.0f};
  for (int i = 0; i < 3; i++) p = bump(p);
  printf("padded %c %g %d %g size %u\n", p.c, p.d, p.s, (double)p.f, (unsigned)sizeof p);
  printf("done\n");
  return 0;
}
