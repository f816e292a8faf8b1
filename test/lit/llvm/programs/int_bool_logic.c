// _Bool and logic: conversions to bool, !, &&, || with side effects and
// short-circuit order, bool arithmetic, bool arrays and bool returns.
// RUN: python3 %src/utils/test/run-c-program.py --toyc %toyc --work %t %s
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

static int trace[64], ntrace;
__attribute__((noinline)) bool note(int id, bool v) {
  if (ntrace < 64) trace[ntrace++] = id;
  return v;
}
__attribute__((noinline)) bool to_bool_i(int x) { return x; }
__attribute__((noinline)) bool to_bool_ll(long long x) { return x; }
__attribute__((noinline)) bool to_bool_d(double x) { return x; }
__attribute__((noinline)) bool to_bool_p(const void *p) { return p; }
__attribute__((noinline)) int bool_sum(const bool *b, int n) {
  int s = 0;
  for (int i = 0; i < n; i++) s += b[i];
  return s;
}
__attribute__((noinline)) bool implies(bool a, bool b) { return !a || b; }
__attribute__((noinline)) bool xor3(bool a, bool b, bool c) { return a ^ b ^ c; }
__attribute__((noinline)) int majority(int a, int b, int c) { return (a && b) || (a && c) || (b && c); }

int main(void) {
  long long lv[] = {0, 1, -1, 256, 1LL << 32, INT64_MIN};
  for (int i = 0; i < 6; i++) printf("ll %d int %d\n", to_bool_ll(lv[i]), to_bool_i((int)lv[i]));
  double dv[] = {0.0, -0.0, 0.5, -1e-300, 1e300};
  for (int i = 0; i < 5; i++) printf("d %d\n", to_bool_d(dv[i]));
  int x = 5;
  printf("p %d %d\n", to_bool_p(&x), to_bool_p(0));
  for (int m = 0; m < 8; m++) {
    bool a = m & 1, b = m & 2, c = m & 4;
    ntrace = 0;
    bool r1 = (note(1, a) && note(2, b)) || note(3, c);
    bool r2 = note(4, a) || (note(5, b) && note(6, c));
    bool r3 = !note(7, a) ? note(8, b) : note(9, c);
    printf("m%d: %d %d %d implies %d xor %d maj %d trace", m, r1, r2, r3, implies(a, b), xor3(a, b, c),
           majority(a, b, c));
    for (int i = 0; i < ntrace; i++) printf(" %d", trace[i]);
    printf("\n");
  }
  bool flags[37];
  for (int i = 0; i < 37; i++) flags[i] = (i * i) % 7 < 3;
  printf("bool sum %d size %u\n", bool_sum(flags, 37), (unsigned)sizeof(bool));
  bool t = true;
  t += 5;
  bool f = false;
  f = f - 1;
  printf("inc %d dec %d not %d notnot %d\n", t, f, !t, !!42);
  uint32_t bits = 0;
  for (int i = 0; i < 32; i++) bits |= (uint32_t)((i % 3 == 0) == (i % 2 == 0)) << i;
  printf("bits %08x\n", bits);
  printf("done\n");
  return 0;
}
