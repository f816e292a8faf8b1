#include <stdio.h>
#include <stdlib.h>
static int twice(int x) { return 2 * x; }
static int add(int x) { return x + 21; }
int (*ops[])(int) = {twice, add};
int main(void) {
  int* v = malloc(100 * sizeof(int));
  int s = 0;
  for (int i = 0; i < 100; ++i) v[i] = i;
  for (int i = 0; i < 100; ++i) s += v[i];
  printf("sum=%d fp=%d\n", s, ops[0](ops[1](0)));
  free(v);
  return 0;
}
