// __builtin_trap after output: the program must print, flush, then trap
// (wasm `unreachable`), which the runner reports as exit status 134.
// __builtin_unreachable on paths never taken and __builtin_expect/assume
// hints must not change results.
// RUN: python3 %src/utils/test/run-c-program.py --toyc %toyc --work %t %s
// EXIT: 134
// NOT-PORTABLE: the trap message and status are the runner's
#include <stdio.h>

__attribute__((noinline)) int classify(int x) {
  if (__builtin_expect(x < 0, 0)) return -1;
  __builtin_assume(x >= 0);
  switch (x & 3) {
  case 0: return 10;
  case 1: return 11;
  case 2: return 12;
  case 3: return 13;
  }
  __builtin_unreachable();
}

int main(void) {
  int s = 0;
  for (int i = -5; i < 50; i++) s += classify(i);
  printf("sum %d\n", s);
  printf("done\n");
  fflush(stdout);
  __builtin_trap();
}
