// Linkage: weak definitions, weak undefined functions tested for NULL,
// aliases of functions and data, hidden and default visibility, and
// used/section-free static data that must survive.
// RUN: python3 %src/utils/test/run-c-program.py --toyc %toyc --work %t %s
#include <stdio.h>

__attribute__((weak)) int weak_value = 7;
__attribute__((weak)) int weak_fn(int x) { return x + 100; }
extern int missing_fn(int) __attribute__((weak));
int real_impl(int x) { return x * 3; }
int aliased(int) __attribute__((alias("real_impl")));
int data_target[3] = {4, 5, 6};
extern int data_alias[3] __attribute__((alias("data_target")));
__attribute__((visibility("hidden"))) int hidden_counter = 10;
__attribute__((visibility("default"))) int exported_fn(void) { return ++hidden_counter; }
__attribute__((used)) static const char keep_me[] = "kept";

int main(void) {
  printf("weak %d %d\n", weak_value, weak_fn(1));
  printf("missing %s\n", missing_fn ? "present" : "absent");
  printf("alias %d same %d\n", aliased(5), aliased == real_impl);
  data_alias[1] = 50;
  printf("data alias %d %d\n", data_target[1], data_alias[2]);
  exported_fn();
  printf("hidden %d\n", exported_fn());
  printf("kept %s\n", keep_me);
  printf("done\n");
  return 0;
}
