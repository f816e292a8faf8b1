// Function-local statics (counters, memo tables, lazily initialized
// state), statics shared through returned pointers, and global state
// mutated across calls.
// RUN: python3 %src/utils/test/run-c-program.py --toyc %toyc --work %t %s
#include <stdio.h>

__attribute__((noinline)) int counter(void) {
  static int n;
  return ++n;
}
__attribute__((noinline)) int *scratch(void) {
  static int buf[4] = {1, 2, 3, 4};
  return buf;
}
__attribute__((noinline)) unsigned long long fib_memo(int n) {
  static unsigned long long memo[94];
  static int ready;
  if (!ready) {
    memo[0] = 0;
    memo[1] = 1;
    for (int i = 2; i < 94; i++) memo[i] = 0;
    ready = 1;
  }
  if (n < 2) return memo[n];
  if (memo[n]) return memo[n];
  return memo[n] = fib_memo(n - 1) + fib_memo(n - 2);
}
__attribute__((noinline)) const char *next_name(void) {
  static const char *names[] = {"red", "green", "blue"};
  static unsigned i;
  return names[i++ % 3];
}
int global_calls;
__attribute__((noinline)) double running_mean(double x) {
  static double sum;
  static int count;
  global_calls++;
  sum += x;
  return sum / ++count;
}

int main(void) {
  for (int i = 0; i < 5; i++) counter();
  printf("counter %d\n", counter());
  int *s = scratch();
  s[2] += 40;
  printf("scratch %d %d\n", scratch()[2], scratch()[3]);
  printf("fib %llu %llu %llu\n", fib_memo(50), fib_memo(90), fib_memo(93));
  for (int i = 0; i < 7; i++) printf("%s ", next_name());
  printf("\n");
  double m = 0;
  for (int i = 1; i <= 10; i++) m = running_mean(i * 1.5);
  printf("mean %g calls %d\n", m, global_calls);
  printf("done\n");
  return 0;
}
