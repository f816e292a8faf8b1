/* Memory layout seen from C, without printing addresses: the linker-defined
   symbols __global_base, __data_end and __heap_base must be ordered and
   aligned sensibly, static data must lie between them, and where the stack
   sits (before or after the data, --stack-first) shows in the relations that
   are printed. Heap growth via malloc must work with the memory limits given. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

extern unsigned char __global_base, __data_end, __heap_base;

static int initialised[64] = {1, 2, 3};
static int zeroed[1000];
static const char text[] = "read-only text";
static char *volatile keep[64]; /* the blocks escape, so malloc stays */

static int stack_is_below(uintptr_t addr) {
  volatile int local = 0;
  return (uintptr_t)&local < addr;
}

int main(int argc, char **argv) {
  uintptr_t gb = (uintptr_t)&__global_base, de = (uintptr_t)&__data_end,
            hb = (uintptr_t)&__heap_base;
  printf("global_base <= data_end: %d\n", gb <= de);
  printf("data_end <= heap_base: %d\n", de <= hb);
  printf("heap_base 16-aligned: %d\n", hb % 16 == 0);
  printf("statics inside [global_base, data_end): %d %d %d\n",
         (uintptr_t)initialised >= gb && (uintptr_t)(initialised + 64) <= de,
         (uintptr_t)zeroed >= gb && (uintptr_t)(zeroed + 1000) <= de,
         (uintptr_t)text >= gb && (uintptr_t)text < de);
  printf("stack below data: %d\n", stack_is_below(gb));
  printf("stack below heap: %d\n", stack_is_below(hb));
  void *first = malloc(16);
  printf("heap above heap_base: %d\n", (uintptr_t)first >= hb);
  free(first);
  /* Grow the memory in steps; the limit (if any) comes from the link line. */
  size_t total = 0;
  int steps = argc > 1 ? atoi(argv[1]) : 8;
  for (int i = 0; i < steps && i < 64; i++) {
    char *p = malloc(1 << 20);
    if (!p) break;
    memset(p, i, 1 << 20);
    keep[i] = p;
    total += 1 << 20;
  }
  printf("allocated %zu MiB of %d asked\n", total >> 20, steps);
  printf("initialised[2]=%d zeroed[999]=%d text=%s\n", initialised[2], zeroed[999], text);
  return 0;
}
