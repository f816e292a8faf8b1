#include "lset.h"

static int negate(int x) { return -x; }
static int plus_hundred(int x) { return x + 100; }
REGISTER_COMMAND(cmd_negate, negate, 10);
REGISTER_COMMAND(cmd_plus_hundred, plus_hundred, 40);

int (*const lset_b_entry)(int) = lset_a_twice;
const int *const array_end_minus_2 = &shared_array[16] - 2;
