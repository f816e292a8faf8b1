// Recursion: Fibonacci, Ackermann, mutual recursion (even/odd, Hofstadter
// female/male), binomials, gcd, power sets.
// RUN: python3 %src/utils/test/run-c-program.py --toyc %toyc --work %t %s
#include <stdio.h>

__attribute__((noinline)) int fib(int n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
__attribute__((noinline)) unsigned ack(unsigned m, unsigned n) {
  if (m == 0) return n + 1;
  if (n == 0) return ack(m - 1, 1);
  return ack(m - 1, ack(m, n - 1));
}
int is_odd(unsigned n);
__attribute__((noinline)) int is_even(unsigned n) { return n == 0 ? 1 : is_odd(n - 1); }
__attribute__((noinline)) int is_odd(unsigned n) { return n == 0 ? 0 : is_even(n - 1); }
int hm(int n);
__attribute__((noinline)) int hf(int n) { return n == 0 ? 1 : n - hm(hf(n - 1)); }
__attribute__((noinline)) int hm(int n) { return n == 0 ? 0 : n - hf(hm(n - 1)); }
__attribute__((noinline)) long long binom(int n, int k) {
  if (k == 0 || k == n) return 1;
  return binom(n - 1, k - 1) + binom(n - 1, k);
}
__attribute__((noinline)) unsigned gcd(unsigned a, unsigned b) { return b ? gcd(b, a % b) : a; }
static int subsets_with_sum(const int *v, int n, int target) {
  if (n == 0) return target == 0;
  return subsets_with_sum(v + 1, n - 1, target) + subsets_with_sum(v + 1, n - 1, target - v[0]);
}
__attribute__((noinline)) int depth_sum(int n, int acc) {
  int local[4] = {n, n * 2, n * 3, acc};
  if (n == 0) return acc;
  return depth_sum(n - 1, acc + local[0] + local[1] - local[2] + (local[3] & 1));
}

int main(void) {
  for (int i = 0; i <= 25; i += 5) printf("fib %d = %d\n", i, fib(i));
  printf("ack %u %u %u\n", ack(1, 5), ack(2, 3), ack(3, 3));
  printf("even %d %d odd %d\n", is_even(1000), is_even(777), is_odd(555));
  for (int i = 0; i < 15; i++) printf("%d/%d ", hf(i), hm(i));
  printf("\n");
  printf("binom %lld %lld\n", binom(20, 10), binom(24, 5));
  printf("gcd %u %u\n", gcd(1071, 462), gcd(4294967291u, 65537u * 3));
  int v[] = {3, 34, 4, 12, 5, 2, 7, 9, 1, 15, 8, 6};
  printf("subsets %d %d\n", subsets_with_sum(v, 12, 20), subsets_with_sum(v, 12, 1000));
  printf("depth %d\n", depth_sum(2000, 0));
  printf("done\n");
  return 0;
}
