// Unsigned division and remainder by constants (1..40, powers of two, large
// divisors) and by variables, 32 and 64 bits, with a checked identity.
// RUN: python3 %src/utils/test/run-c-program.py --toyc %toyc --work %t %s
#include <stdint.h>
#include <stdio.h>

uint32_t vals[] = {0, 1, 2, 3, 99, 100, 4294967295u, 2147483648u, 2147483647u, 123456789u, 4000000000u};
uint64_t vals64[] = {0, 1, 18446744073709551615ull, 9223372036854775808ull, 10000000000000000000ull,
                     4294967296ull, 4294967295ull, 12345678901234ull};

__attribute__((noinline)) uint32_t udiv(uint32_t a, uint32_t b) { return a / b; }
__attribute__((noinline)) uint32_t urem(uint32_t a, uint32_t b) { return a % b; }
__attribute__((noinline)) uint64_t udiv64(uint64_t a, uint64_t b) { return a / b; }
__attribute__((noinline)) uint64_t urem64(uint64_t a, uint64_t b) { return a % b; }

#define C(d) + (x / (d)) * 3u + (x % (d))
__attribute__((noinline)) uint32_t const_mix(uint32_t x) {
  return 0 C(1) C(2) C(3) C(4) C(5) C(6) C(7) C(8) C(9) C(10) C(11) C(12) C(13) C(14) C(15) C(16)
      C(17) C(19) C(23) C(25) C(31) C(32) C(37) C(40) C(641) C(65536) C(1000000007u) C(2147483648u)
      C(4294967295u);
}
#define C64(d) + (x / (d)) * 3u + (x % (d))
__attribute__((noinline)) uint64_t const_mix64(uint64_t x) {
  return 0 C64(3) C64(7) C64(10) C64(1000) C64(4294967296ull) C64(1000000007ull)
      C64(18446744073709551615ull) C64(9223372036854775809ull);
}

int main(void) {
  int n = sizeof vals / sizeof vals[0];
  for (int i = 0; i < n; i++) {
    for (int j = 0; j < n; j++) {
      if (vals[j] == 0) continue;
      uint32_t q = udiv(vals[i], vals[j]), r = urem(vals[i], vals[j]);
      if (q * vals[j] + r != vals[i] || r >= vals[j]) printf("FAIL %u %u\n", vals[i], vals[j]);
      if (i % 2 == 0) printf("%u / %u = %u rem %u\n", vals[i], vals[j], q, r);
    }
    printf("mix %u -> %u\n", vals[i], const_mix(vals[i]));
  }
  for (int i = 0; i < 8; i++) {
    for (int j = 0; j < 8; j++) {
      if (vals64[j] == 0) continue;
      printf("%llu / %llu = %llu rem %llu\n", (unsigned long long)vals64[i],
             (unsigned long long)vals64[j], (unsigned long long)udiv64(vals64[i], vals64[j]),
             (unsigned long long)urem64(vals64[i], vals64[j]));
    }
    printf("mix64 %llu\n", (unsigned long long)const_mix64(vals64[i]));
  }
  printf("done\n");
  return 0;
}
