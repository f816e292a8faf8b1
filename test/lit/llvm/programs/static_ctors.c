// Global constructors and destructors: __attribute__((constructor)) with
// and without priorities (llvm.global_ctors order), atexit handlers and
// destructors running after main in reverse order.
// RUN: python3 %src/utils/test/run-c-program.py --toyc %toyc --work %t %s
#include <stdio.h>
#include <stdlib.h>

static int order[16], norder;
static int initialized_value;
static const char *greeting;

__attribute__((constructor(200))) static void ctor_late(void) { order[norder++] = 200; }
__attribute__((constructor(101))) static void ctor_early(void) {
  order[norder++] = 101;
  initialized_value = 41;
}
__attribute__((constructor)) static void ctor_default(void) {
  order[norder++] = 65535;
  initialized_value++;
  greeting = "set by constructor";
}
__attribute__((constructor(150))) static void ctor_mid(void) { order[norder++] = 150; }

static void at_exit_1(void) { printf("atexit 1\n"); }
static void at_exit_2(void) { printf("atexit 2 (registered last, runs first)\n"); }
__attribute__((destructor)) static void dtor(void) { printf("destructor\ndone\n"); }

int main(void) {
  printf("ctor order:");
  for (int i = 0; i < norder; i++) printf(" %d", order[i]);
  printf("\nvalue %d greeting %s\n", initialized_value, greeting);
  atexit(at_exit_1);
  atexit(at_exit_2);
  printf("main returns\n");
  return 0;
}
