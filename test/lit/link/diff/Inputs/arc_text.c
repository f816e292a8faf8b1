#include <stdio.h>
#include <string.h>
#include "arc.h"

extern int num_calls;
static int width = 40;

void text_banner(const char *title) {
  int pad = (width - (int)strlen(title) - 2) / 2;
  for (int i = 0; i < width; i++) putchar('=');
  printf("\n%*s %s\n", pad, "", title);
  for (int i = 0; i < width; i++) putchar('=');
  putchar('\n');
}

int text_width(void) { return width - (num_calls < 0); }

const char *arc_policy(void) { return "strong policy from arc_text.o"; }
