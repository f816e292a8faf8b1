// Irreducible control flow: gotos that enter loops in the middle, two loops
// that jump into each other, a loop with two entry points selected by data.
// The structurizer must handle multiple-entry cycles.
// RUN: python3 %src/utils/test/run-c-program.py --toyc %toyc --work %t %s
#include <stdio.h>

__attribute__((noinline)) int enter_middle(int n, int start_inside) {
  int i = 0, acc = 0;
  if (start_inside) goto inside;
  while (i < n) {
    acc += i * 3;
  inside:
    acc ^= i;
    i++;
  }
  return acc;
}
__attribute__((noinline)) unsigned two_loops(unsigned x, int which) {
  unsigned steps = 0;
  if (which) goto loop_b;
loop_a:
  steps++;
  if (x <= 1 || steps > 1000) return steps * 1000 + x;
  if (x & 1) {
    x = 3 * x + 1;
    goto loop_b;
  }
  x /= 2;
  goto loop_a;
loop_b:
  steps++;
  if (x <= 1 || steps > 1000) return steps * 1000 + x;
  x = x % 2 ? x + 5 : x / 2;
  if (x % 3 == 0) goto loop_a;
  goto loop_b;
}
__attribute__((noinline)) int multi_entry(const int *v, int n, int entry) {
  int i = 0, s = 0;
  switch (entry) {
  case 0: goto a;
  case 1: goto b;
  default: goto c;
  }
a:
  s += v[i % n];
  i++;
b:
  s -= i;
  i++;
c:
  s *= 2;
  s %= 100003;
  i++;
  if (i < 50) goto a;
  return s;
}
// A loop whose header is reached from two different predecessors outside it.
__attribute__((noinline)) int odd_loop(int x) {
  int r = 0;
  if (x > 10) goto second;
first:
  r += x;
  x -= 3;
second:
  r ^= x * 7;
  x -= 1;
  if (x > 0) goto first;
  return r;
}

int main(void) {
  for (int n = 0; n < 6; n++) printf("enter %d: %d %d\n", n, enter_middle(n, 0), enter_middle(n, 1));
  unsigned h = 0;
  for (unsigned x = 1; x < 300; x++) h = h * 17 + two_loops(x, (int)(x & 1));
  printf("two_loops %u %u %u\n", two_loops(27, 0), two_loops(27, 1), h);
  int v[7] = {3, -1, 4, 1, -5, 9, 2};
  printf("multi %d %d %d\n", multi_entry(v, 7, 0), multi_entry(v, 7, 1), multi_entry(v, 7, 2));
  for (int x = 0; x < 25; x += 4) printf("odd_loop %d %d\n", x, odd_loop(x));
  printf("done\n");
  return 0;
}
