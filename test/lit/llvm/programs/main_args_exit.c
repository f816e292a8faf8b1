// main(argc, argv): arguments passed by the runner, and a non-zero exit
// status returned from main.
// RUN: python3 %src/utils/test/run-c-program.py --toyc %toyc --work %t %s
// ARGS: first "second arg" 3 -x
// EXIT: 3
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv) {
  printf("argc %d\n", argc);
  for (int i = 1; i < argc; i++) printf("argv[%d] = '%s' (%u)\n", i, argv[i], (unsigned)strlen(argv[i]));
  printf("argv[argc] null %d\n", argv[argc] == NULL);
  int n = argc > 3 ? atoi(argv[3]) : 0;
  printf("done\n");
  return n;
}
