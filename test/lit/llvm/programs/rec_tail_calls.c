// Tail calls (clang may mark them `tail`; they are ordinary calls in wasm
// MVP): accumulator recursion, mutual tail recursion through pointers, and a
// trampoline.
// RUN: python3 %src/utils/test/run-c-program.py --toyc %toyc --work %t %s
#include <stdio.h>

__attribute__((noinline)) unsigned long long fact_acc(unsigned n, unsigned long long acc) {
  return n <= 1 ? acc : fact_acc(n - 1, acc * n);
}
__attribute__((noinline)) int sum_to(int n, int acc) { return n == 0 ? acc : sum_to(n - 1, acc + n); }
__attribute__((noinline)) unsigned collatz_steps(unsigned long long n, unsigned steps) {
  if (n == 1) return steps;
  return collatz_steps(n % 2 ? 3 * n + 1 : n / 2, steps + 1);
}
unsigned ping(int n, unsigned acc);
__attribute__((noinline)) unsigned pong(int n, unsigned acc) { return n <= 0 ? acc : ping(n - 1, acc * 3 + 1); }
__attribute__((noinline)) unsigned ping(int n, unsigned acc) { return n <= 0 ? acc : pong(n - 1, acc ^ (unsigned)n); }

typedef struct step { struct step (*fn)(int, long); int n; long acc; } step;
static step done_step(int n, long acc) { return (step){0, n, acc}; }
static step count_down(int n, long acc) {
  if (n == 0) return done_step(n, acc);
  return (step){count_down, n - 1, acc + n % 7};
}

int main(void) {
  for (unsigned i = 0; i <= 20; i += 4) printf("fact %u = %llu\n", i, fact_acc(i, 1));
  printf("sum_to %d\n", sum_to(3000, 0));
  unsigned best = 0, arg = 0;
  for (unsigned i = 1; i < 3000; i++) {
    unsigned s = collatz_steps(i, 0);
    if (s > best) {
      best = s;
      arg = i;
    }
  }
  printf("collatz %u %u\n", arg, best);
  printf("pingpong %u %u\n", ping(100, 1), pong(99, 5));
  step s = {count_down, 100000, 0};
  while (s.fn) s = s.fn(s.n, s.acc);
  printf("trampoline %ld\n", s.acc);
  printf("done\n");
  return 0;
}
