// 64-bit induction variables and comparisons: loops counting in int64 and
// uint64 across the 32-bit boundary, 64-bit array indexing, strided
// accumulation, and 64-bit bit loops.
// RUN: python3 %src/utils/test/run-c-program.py --toyc %toyc --work %t %s
#include <stdint.h>
#include <stdio.h>

__attribute__((noinline)) uint64_t cross_boundary(uint64_t start, int n) {
  uint64_t s = 0;
  for (uint64_t i = start; i < start + (uint64_t)n; i++) s += i ^ (i >> 32);
  return s;
}
__attribute__((noinline)) int64_t signed_down(int64_t from, int64_t to, int64_t step) {
  int64_t s = 0;
  for (int64_t i = from; i > to; i -= step) s = s * 3 + i;
  return s;
}
__attribute__((noinline)) uint64_t indexed(const uint32_t *v, int64_t n) {
  uint64_t s = 0;
  for (int64_t i = n - 1; i >= 0; i--) s = s * 1000003 + v[i];
  return s;
}
__attribute__((noinline)) int bits_set(uint64_t x) {
  int n = 0;
  for (uint64_t m = 1; m; m <<= 1) n += (x & m) != 0;
  return n;
}
__attribute__((noinline)) uint64_t isqrt64(uint64_t x) {
  uint64_t lo = 0, hi = 1ull << 32;
  while (lo + 1 < hi) {
    uint64_t mid = lo + (hi - lo) / 2;
    if (mid * mid <= x) lo = mid;
    else hi = mid;
  }
  return lo;
}

int main(void) {
  printf("cross %llu %llu\n", (unsigned long long)cross_boundary(0xfffffff0ull, 40),
         (unsigned long long)cross_boundary(0xfffffffffffffff0ull, 15));
  printf("down %lld %lld\n", (long long)signed_down(5000000000LL, 4999999990LL, 1),
         (long long)signed_down(10, -10, 3));
  uint32_t v[100];
  for (int i = 0; i < 100; i++) v[i] = (uint32_t)i * 2654435761u;
  printf("indexed %llu\n", (unsigned long long)indexed(v, 100));
  printf("bits %d %d %d\n", bits_set(0), bits_set(0xffffffffffffffffull), bits_set(0x8000000100000001ull));
  uint64_t xs[] = {0, 1, 15, 16, 1ull << 40, 18446744073709551615ull, 999999999999ull};
  for (int i = 0; i < 7; i++) printf("isqrt %llu = %llu\n", (unsigned long long)xs[i], (unsigned long long)isqrt64(xs[i]));
  printf("done\n");
  return 0;
}
