// min/max/abs patterns that -O2 turns into smin/smax/umin/umax/abs
// intrinsics, clamping and saturating helpers written in plain C.
// RUN: python3 %src/utils/test/run-c-program.py --toyc %toyc --work %t %s
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int32_t a32[] = {0, 5, -5, 2147483647, -2147483647, 100, -100, 7};
int64_t a64[] = {0, -1, 1, 9223372036854775807LL, -9223372036854775807LL, 1LL << 40};

__attribute__((noinline)) int smin(int a, int b) { return a < b ? a : b; }
__attribute__((noinline)) int smax(int a, int b) { return a > b ? a : b; }
__attribute__((noinline)) unsigned umin(unsigned a, unsigned b) { return a < b ? a : b; }
__attribute__((noinline)) unsigned umax(unsigned a, unsigned b) { return a > b ? a : b; }
__attribute__((noinline)) int iabs(int a) { return a < 0 ? -a : a; }
__attribute__((noinline)) long long labs64(long long a) { return llabs(a); }
__attribute__((noinline)) int clamp(int x, int lo, int hi) { return x < lo ? lo : x > hi ? hi : x; }
__attribute__((noinline)) int16_t sat16(int x) { return (int16_t)clamp(x, -32768, 32767); }
__attribute__((noinline)) uint8_t satu8(int x) { return (uint8_t)(x < 0 ? 0 : x > 255 ? 255 : x); }
__attribute__((noinline)) int32_t sat_add(int32_t a, int32_t b) {
  int64_t s = (int64_t)a + b;
  return s > INT32_MAX ? INT32_MAX : s < INT32_MIN ? INT32_MIN : (int32_t)s;
}
__attribute__((noinline)) uint32_t usat_sub(uint32_t a, uint32_t b) { return a > b ? a - b : 0; }
__attribute__((noinline)) int64_t smin64(int64_t a, int64_t b) { return a < b ? a : b; }
__attribute__((noinline)) uint64_t umax64(uint64_t a, uint64_t b) { return a > b ? a : b; }

int main(void) {
  for (int i = 0; i < 8; i++) {
    for (int j = 0; j < 8; j++)
      printf("%d %d | %d %d %u %u %d %u\n", a32[i], a32[j], smin(a32[i], a32[j]), smax(a32[i], a32[j]),
             umin((unsigned)a32[i], (unsigned)a32[j]), umax((unsigned)a32[i], (unsigned)a32[j]),
             sat_add(a32[i], a32[j]), usat_sub((unsigned)a32[i], (unsigned)a32[j]));
    printf("abs %d %d clamp %d sat16 %d satu8 %u\n", iabs(a32[i]), abs(a32[i]), clamp(a32[i], -10, 10),
           sat16(a32[i]), satu8(a32[i]));
  }
  for (int i = 0; i < 6; i++)
    for (int j = 0; j < 6; j++)
      printf("64: %lld %lld %llu\n", labs64(a64[i]), (long long)smin64(a64[i], a64[j]),
             (unsigned long long)umax64((uint64_t)a64[i], (uint64_t)a64[j]));
  int arr[50], mn = 1 << 30, mx = -(1 << 30);
  for (int i = 0; i < 50; i++) arr[i] = (i * 7919) % 101 - 50;
  for (int i = 0; i < 50; i++) {
    mn = mn < arr[i] ? mn : arr[i];
    mx = mx > arr[i] ? mx : arr[i];
  }
  long sum_abs = 0;
  for (int i = 0; i < 50; i++) sum_abs += abs(arr[i]);
  printf("arr min %d max %d sumabs %ld\n", mn, mx, sum_abs);
  printf("done\n");
  return 0;
}
