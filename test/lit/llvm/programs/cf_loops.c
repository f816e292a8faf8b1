// Loop shapes: nested loops with break/continue, loops with several exits,
// do-while, loops counting down to and past zero with unsigned indices,
// loops whose bounds change inside, infinite loops left by return.
// RUN: python3 %src/utils/test/run-c-program.py --toyc %toyc --work %t %s
#include <stdio.h>

__attribute__((noinline)) int find_pair(const int *v, int n, int target, int *oi, int *oj) {
  for (int i = 0; i < n; i++) {
    if (v[i] > target) continue;
    for (int j = i + 1; j < n; j++) {
      if (v[j] < 0) break;
      if (v[i] + v[j] == target) {
        *oi = i;
        *oj = j;
        return 1;
      }
    }
  }
  return 0;
}
__attribute__((noinline)) int multi_exit(const int *v, int n) {
  int i = 0;
  while (1) {
    if (i >= n) return -1;
    if (v[i] == 0) return 1000 + i;
    if (v[i] < 0) break;
    i++;
  }
  return i;
}
__attribute__((noinline)) unsigned countdown(unsigned n) {
  unsigned s = 0;
  for (unsigned i = n; i-- > 0;) s = s * 3 + i;
  return s;
}
__attribute__((noinline)) int shrinking(int n) {
  int steps = 0;
  for (int i = 0; i < n; i++, n--) steps += i * n;
  return steps;
}
__attribute__((noinline)) int digits_sum(unsigned x) {
  int s = 0;
  do {
    s += (int)(x % 10);
    x /= 10;
  } while (x);
  return s;
}
__attribute__((noinline)) int labeled_like(int n) {
  int count = 0;
  for (int a = 1; a < n; a++) {
    for (int b = a; b < n; b++) {
      for (int c = b; c < n; c++) {
        if (a * a + b * b == c * c) {
          count++;
          goto next_a;
        }
        if (a * a + b * b < c * c) break;
      }
    }
  next_a:;
  }
  return count;
}

int main(void) {
  int v[] = {5, 1, 9, 3, 7, 2, -1, 8, 6};
  int i = -1, j = -1;
  int found = find_pair(v, 9, 10, &i, &j);
  printf("pair %d %d %d\n", found, i, j);
  printf("pair %d\n", find_pair(v, 9, 14, &i, &j));
  printf("multi %d %d %d\n", multi_exit(v, 9), multi_exit((int[]){1, 2, 0, -1}, 4), multi_exit(v, 3));
  printf("countdown %u %u\n", countdown(0), countdown(15));
  printf("shrinking %d %d\n", shrinking(10), shrinking(101));
  printf("digits %d %d\n", digits_sum(0), digits_sum(4294967295u));
  printf("triples %d\n", labeled_like(60));
  printf("done\n");
  return 0;
}
