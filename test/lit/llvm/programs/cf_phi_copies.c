// SSA destruction: loops whose phis swap or rotate values (the swap and
// lost-copy problems), phis that read other phis of the same block, and
// values live across loop back edges.
// RUN: python3 %src/utils/test/run-c-program.py --toyc %toyc --work %t %s
#include <stdint.h>
#include <stdio.h>

__attribute__((noinline)) uint32_t swap_loop(uint32_t a, uint32_t b, int n) {
  for (int i = 0; i < n; i++) {
    uint32_t t = a;
    a = b;
    b = t;
  }
  return a * 1000 + b;
}
__attribute__((noinline)) uint64_t rotate3(uint64_t a, uint64_t b, uint64_t c, int n) {
  for (int i = 0; i < n; i++) {
    uint64_t t = a;
    a = b;
    b = c;
    c = t + (uint64_t)i;
  }
  return a * 1000000 + b * 1000 + c;
}
__attribute__((noinline)) uint32_t fib_pair(int n) {
  uint32_t x = 0, y = 1;
  while (n-- > 0) {
    uint32_t nx = y, ny = x + y;
    x = nx;
    y = ny;
  }
  return x;
}
// The lost-copy problem: the value of `x` before the increment is used
// after the loop.
__attribute__((noinline)) int lost_copy(int n) {
  int x = 0, y;
  do {
    y = x;
    x = x + 3;
  } while (x < n);
  return y * 100 + x;
}
__attribute__((noinline)) double gcd_like(double a, double b, int steps) {
  while (steps-- > 0 && b != 0) {
    double r = a - b * (double)(long long)(a / b);
    a = b;
    b = r;
  }
  return a;
}
__attribute__((noinline)) long long conditional_swaps(const int *v, int n) {
  int lo = 1 << 30, hi = -(1 << 30), prev = 0, cur = 0;
  for (int i = 0; i < n; i++) {
    int x = v[i];
    if (x < lo) {
      int t = lo;
      lo = x;
      x = t;
    }
    if (x > hi) {
      int t = hi;
      hi = x;
      x = t;
    }
    prev = cur;
    cur = x;
  }
  return lo * 1000000LL + hi * 1000LL + prev - cur;
}

int main(void) {
  for (int n = 0; n < 4; n++) printf("swap %d %u\n", n, swap_loop(7, 9, n));
  for (int n = 0; n < 7; n++) printf("rotate %d %llu\n", n, (unsigned long long)rotate3(1, 2, 3, n));
  printf("fib %u %u %u\n", fib_pair(0), fib_pair(10), fib_pair(47));
  printf("lost %d %d %d\n", lost_copy(1), lost_copy(10), lost_copy(100));
  printf("gcd %.17g %.17g\n", gcd_like(1071, 462, 50), gcd_like(3.75, 1.25, 10));
  int v[] = {5, -3, 12, 7, 0, 99, -50, 14, 3};
  printf("swaps %lld\n", conditional_swaps(v, 9));
  printf("done\n");
  return 0;
}
