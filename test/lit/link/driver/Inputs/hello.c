#include <stdio.h>
int main(void) {
  printf("hello %d %g\n", 42, 2.5);
  return 0;
}
