#include "lset.h"

int lset_a_twice(int x) { return 2 * x; }
static int square(int x) { return x * x; }
REGISTER_COMMAND(cmd_twice, lset_a_twice, 20);
REGISTER_COMMAND(cmd_square, square, 50);

int *const pointer_into_array = &shared_array[5];
static const char greeting[] = "hello linker sets";
const char *const tail_of_string = greeting + 6;
