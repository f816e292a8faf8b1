/* Used by selftest.test: same shape as argv_status.c, different behaviour. */
#include <stdio.h>
int main(int argc, char **argv) {
  (void)argv;
  printf("argc=%d\n", argc);
  fprintf(stderr, "unexpected stderr\n");
  return 7;
}
