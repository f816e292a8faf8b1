/* Weak symbols across two objects: weak definitions here that weak_strong.c
   overrides, weak definitions nobody overrides, a weak undefined function
   and a weak undefined variable that stay null. */
#include <stdio.h>

__attribute__((weak)) const char *greeting(void) { return "weak greeting"; }
__attribute__((weak)) const char *farewell(void) { return "weak farewell"; }
__attribute__((weak)) int config_value = 1;
__attribute__((weak)) int unset_value = 7;
__attribute__((weak)) int table[4] = {1, 1, 1, 1};

extern void optional_hook(void) __attribute__((weak));
extern int optional_counter __attribute__((weak));
int strong_only(void);
const char *which_greeting_from_other_file(void);

int main(void) {
  printf("greeting: %s\n", greeting());
  printf("farewell: %s\n", farewell());
  printf("config_value=%d unset_value=%d\n", config_value, unset_value);
  printf("table: %d %d %d %d\n", table[0], table[1], table[2], table[3]);
  printf("optional_hook is %s\n", optional_hook ? "present" : "absent");
  if (optional_hook) optional_hook();
  printf("optional_counter is %s\n", &optional_counter ? "present" : "absent");
  printf("strong_only=%d\n", strong_only());
  printf("other file sees: %s\n", which_greeting_from_other_file());
  return 0;
}
