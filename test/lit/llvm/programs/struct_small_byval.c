// Small structs by value: one-member structs (passed as the scalar under
// the BasicCABI), two-byte and mixed structs (byval pointers), returned
// through sret, modified copies that must not affect the caller.
// RUN: python3 %src/utils/test/run-c-program.py --toyc %toyc --work %t %s
#include <stdint.h>
#include <stdio.h>

struct one_int { int v; };
struct one_double { double d; };
struct one_char { char c; };
struct two_chars { char a, b; };
struct pair { int x, y; };
struct mixed { char tag; short s; int i; };
struct wrapper { struct one_int inner; };

__attribute__((noinline)) struct one_int inc1(struct one_int a) { a.v++; return a; }
__attribute__((noinline)) struct one_double half(struct one_double a) { a.d /= 2; return a; }
__attribute__((noinline)) struct one_char upper(struct one_char c) {
  if (c.c >= 'a' && c.c <= 'z') c.c = (char)(c.c - 32);
  return c;
}
__attribute__((noinline)) struct two_chars swap2(struct two_chars t) {
  char x = t.a;
  t.a = t.b;
  t.b = x;
  return t;
}
__attribute__((noinline)) struct pair add_pairs(struct pair a, struct pair b) {
  struct pair r = {a.x + b.x, a.y + b.y};
  return r;
}
__attribute__((noinline)) int sum_mixed(struct mixed m) { return m.tag + m.s + m.i; }
__attribute__((noinline)) struct mixed mk_mixed(char t, short s, int i) {
  struct mixed m = {t, s, i};
  return m;
}
__attribute__((noinline)) void clobber(struct pair p) {
  p.x = -1;
  p.y = -1;
  printf("callee copy %d %d\n", p.x, p.y);
}
__attribute__((noinline)) struct wrapper wrap(int v) { return (struct wrapper){{v * 3}}; }

int main(void) {
  struct one_int a = {41};
  struct one_int b = inc1(a);
  printf("one_int %d %d\n", a.v, b.v);
  struct one_double d = half((struct one_double){5.0});
  printf("one_double %g\n", d.d);
  printf("one_char %c%c\n", upper((struct one_char){'q'}).c, upper((struct one_char){'Q'}).c);
  struct two_chars t = swap2((struct two_chars){'x', 'y'});
  printf("two_chars %c%c\n", t.a, t.b);
  struct pair p = {1, 2}, q = {30, 40};
  struct pair r = add_pairs(p, q);
  for (int i = 0; i < 5; i++) r = add_pairs(r, p);
  printf("pair %d %d\n", r.x, r.y);
  clobber(p);
  printf("caller still %d %d\n", p.x, p.y);
  struct mixed m = mk_mixed('A', -300, 100000);
  printf("mixed %d %d %d sum %d\n", m.tag, m.s, m.i, sum_mixed(m));
  printf("wrap %d\n", wrap(14).inner.v);
  printf("done\n");
  return 0;
}
