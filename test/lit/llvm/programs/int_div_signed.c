// Signed division and remainder: every sign combination, truncation toward
// zero, division by constants (magic-number lowering at -O2) and by
// variables, for 32 and 64 bits.  INT_MIN / -1 is undefined and avoided.
// RUN: python3 %src/utils/test/run-c-program.py --toyc %toyc --work %t %s
#include <limits.h>
#include <stdio.h>

int nums[] = {0, 1, -1, 7, -7, 100, -100, 2147483647, -2147483647 - 1, 12345678, -98765, 3};
int dens[] = {1, -1, 2, -2, 3, -3, 7, -7, 10, 16, -16, 1000, 2147483647, -2147483647 - 1};
long long nums64[] = {0, 1, -1, 9223372036854775807LL, -9223372036854775807LL - 1, 1000000000000LL,
                      -77777777777LL, 5};
long long dens64[] = {1, -1, 3, -3, 10, 1 << 20, -(1LL << 33), 9223372036854775807LL};

__attribute__((noinline)) int sdiv(int a, int b) { return a / b; }
__attribute__((noinline)) int srem(int a, int b) { return a % b; }
__attribute__((noinline)) long long sdiv64(long long a, long long b) { return a / b; }
__attribute__((noinline)) long long srem64(long long a, long long b) { return a % b; }

#define BYCONST(d) \
  __attribute__((noinline)) int div_##d(int a) { return a / (d); } \
  __attribute__((noinline)) int rem_##d(int a) { return a % (d); }
BYCONST(2) BYCONST(3) BYCONST(7) BYCONST(10) BYCONST(16) BYCONST(1000)
__attribute__((noinline)) int div_m3(int a) { return a / -3; }
__attribute__((noinline)) int rem_m8(int a) { return a % -8; }
__attribute__((noinline)) long long div64_10(long long a) { return a / 10; }
__attribute__((noinline)) long long rem64_7(long long a) { return a % 7; }

int main(void) {
  int n = sizeof nums / sizeof nums[0], d = sizeof dens / sizeof dens[0];
  for (int i = 0; i < n; i++)
    for (int j = 0; j < d; j++) {
      if (nums[i] == INT_MIN && dens[j] == -1) continue;
      int q = sdiv(nums[i], dens[j]), r = srem(nums[i], dens[j]);
      if (q * dens[j] + r != nums[i]) printf("FAIL identity %d %d\n", nums[i], dens[j]);
      printf("%d / %d = %d rem %d\n", nums[i], dens[j], q, r);
    }
  for (int i = 0; i < n; i++)
    printf("const %d: %d %d %d %d %d %d %d %d %d %d %d %d %d %d\n", nums[i], div_2(nums[i]),
           rem_2(nums[i]), div_3(nums[i]), rem_3(nums[i]), div_7(nums[i]), rem_7(nums[i]),
           div_10(nums[i]), rem_10(nums[i]), div_16(nums[i]), rem_16(nums[i]), div_1000(nums[i]),
           rem_1000(nums[i]), div_m3(nums[i]), rem_m8(nums[i]));
  for (int i = 0; i < 8; i++) {
    for (int j = 0; j < 8; j++) {
      if (nums64[i] == LLONG_MIN && dens64[j] == -1) continue;
      printf("%lld / %lld = %lld rem %lld\n", nums64[i], dens64[j], sdiv64(nums64[i], dens64[j]),
             srem64(nums64[i], dens64[j]));
    }
    printf("const64 %lld %lld\n", div64_10(nums64[i]), rem64_7(nums64[i]));
  }
  printf("done\n");
  return 0;
}
