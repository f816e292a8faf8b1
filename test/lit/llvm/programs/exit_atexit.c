// exit() from deep inside the call stack: atexit handlers run in reverse
// order, stdout is flushed, and the status reaches the runner.
// RUN: python3 %src/utils/test/run-c-program.py --toyc %toyc --work %t %s
// EXIT: 7
#include <stdio.h>
#include <stdlib.h>

static int depth_reached;
static void h1(void) { printf("handler 1 (depth %d)\ndone\n", depth_reached); }
static void h2(void) { printf("handler 2\n"); }
__attribute__((noinline)) void dive(int n) {
  depth_reached = n;
  if (n == 10) {
    printf("exiting at depth %d\n", n);
    exit(7);
  }
  dive(n + 1);
  printf("never printed\n");
}

int main(void) {
  atexit(h1);
  atexit(h2);
  printf("buffered output without newline... ");
  dive(0);
  return 0;
}
