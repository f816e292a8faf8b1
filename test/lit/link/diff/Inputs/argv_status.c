/* argv/argc and the exit status: the arguments are echoed and the status
   returned from main is computed from them. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv) {
  printf("argc=%d\n", argc);
  printf("argv[0] ends in .wasm: %d\n", strlen(argv[0]) > 5 &&
         !strcmp(argv[0] + strlen(argv[0]) - 5, ".wasm"));
  int status = 0;
  for (int i = 1; i < argc; i++) {
    printf("argv[%d]=\"%s\" (%zu)\n", i, argv[i], strlen(argv[i]));
    status += atoi(argv[i]);
  }
  printf("argv[argc] is NULL: %d\n", argv[argc] == NULL);
  printf("status will be %d\n", status & 0xff);
  return status;
}
