const char *greeting(void) { return "strong greeting"; }
int config_value = 42;
int table[4] = {2, 3, 5, 7};
/* A weak definition of farewell here too: the first one seen wins. */
__attribute__((weak)) const char *farewell(void) { return "second weak farewell"; }
extern __attribute__((weak)) int unset_value;
int strong_only(void) { return unset_value * 100; }
const char *which_greeting_from_other_file(void) { return greeting(); }
