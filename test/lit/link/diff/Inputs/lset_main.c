/* Linker sets through __start_/__stop_ of a named data section filled from
   three objects, cross-object data relocations with addends (pointers into
   arrays and strings, function pointers stored in data), over-aligned data,
   and a function exported under its own name with export_name. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include "lset.h"

static int triple(int x) { return 3 * x; }
REGISTER_COMMAND(cmd_triple, triple, 30);

int shared_array[16] = {0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110, 120, 130, 140, 150};

_Alignas(64) static char aligned64[3] = {1, 2, 3};
static char after64 = 9;
_Alignas(4096) static int page_aligned[2] = {7, 8};
_Alignas(256) static char bss_aligned[100];

__attribute__((export_name("diff_exported"))) int diff_exported(int x) { return x + 1; }

static int by_order(const void *a, const void *b) {
  const struct command *p = *(const struct command *const *)a;
  const struct command *q = *(const struct command *const *)b;
  return p->order - q->order;
}

int main(void) {
  size_t n = (size_t)(__stop_diff_commands - __start_diff_commands);
  printf("commands in the set: %zu\n", n);
  const struct command *sorted[16];
  for (size_t i = 0; i < n && i < 16; i++) sorted[i] = &__start_diff_commands[i];
  qsort(sorted, n, sizeof *sorted, by_order);
  for (size_t i = 0; i < n; i++)
    printf("  %-14s order=%d run(7)=%d\n", sorted[i]->name, sorted[i]->order, sorted[i]->run(7));

  printf("*pointer_into_array=%d index=%td\n", *pointer_into_array,
         pointer_into_array - shared_array);
  printf("tail_of_string=\"%s\"\n", tail_of_string);
  printf("lset_b_entry(5)=%d same as lset_a_twice: %d\n", lset_b_entry(5),
         lset_b_entry == lset_a_twice);
  printf("*array_end_minus_2=%d\n", *array_end_minus_2);
  printf("aligned64: %d %d, after64=%d\n", (int)((uintptr_t)aligned64 % 64), aligned64[2], after64);
  printf("page_aligned: %d %d %d\n", (int)((uintptr_t)page_aligned % 4096), page_aligned[0],
         page_aligned[1]);
  printf("bss_aligned: %d zero=%d\n", (int)((uintptr_t)bss_aligned % 256), bss_aligned[99] == 0);
  printf("diff_exported(41)=%d\n", diff_exported(41));
  return 0;
}
