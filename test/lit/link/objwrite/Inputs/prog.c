#include <stdio.h>
static int square(int x) { return x * x; }
int (*op)(int) = square;
const char* greeting = "hello";
static double scale = 3.5;
__attribute__((constructor)) static void init(void) { puts("ctor ran"); }
int main(void) {
  printf("%s %d %g\n", greeting, op(7), scale);
  return 0;
}
