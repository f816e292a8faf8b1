#include <stdio.h>

__attribute__((constructor)) static void announce(void) {
  printf("arc_unused.o constructor ran\n");
}

int unused_feature(void) { return 1; }
const char *arc_tuning(void) { return "strong tuning from arc_unused.o"; }
