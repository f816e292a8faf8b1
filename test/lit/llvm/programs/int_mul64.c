// 64-bit multiplication: wrap-around, high halves computed from 32-bit
// pieces (checked against unsigned __int128), mixed-width products.
// RUN: python3 %src/utils/test/run-c-program.py --toyc %toyc --work %t %s
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

// Debian's compiler-rt __umodti3 is built with a stack protector and
// wasi-libc does not define its symbols.
#ifdef __wasm__
uintptr_t __stack_chk_guard = 0x2f8a41c3;
void __stack_chk_fail(void) { abort(); }
#endif

uint64_t in[] = {0, 1, 3, 0xffffffffull, 0x100000000ull, 0xffffffffffffffffull, 0x8000000000000000ull,
                 0x123456789abcdef0ull, 0xfedcba9876543210ull, 1000000007ull};

__attribute__((noinline)) uint64_t mul(uint64_t a, uint64_t b) { return a * b; }
__attribute__((noinline)) int64_t smul(int64_t a, int64_t b) {
  return (int64_t)((uint64_t)a * (uint64_t)b);
}
__attribute__((noinline)) uint64_t mulhi(uint64_t a, uint64_t b) {
  uint64_t al = (uint32_t)a, ah = a >> 32, bl = (uint32_t)b, bh = b >> 32;
  uint64_t ll = al * bl, lh = al * bh, hl = ah * bl, hh = ah * bh;
  uint64_t mid = (ll >> 32) + (uint32_t)lh + (uint32_t)hl;
  return hh + (lh >> 32) + (hl >> 32) + (mid >> 32);
}
__attribute__((noinline)) uint64_t mulhi128(uint64_t a, uint64_t b) {
  return (uint64_t)(((unsigned __int128)a * b) >> 64);
}
__attribute__((noinline)) uint64_t widen_mul(uint32_t a, uint32_t b) { return (uint64_t)a * b; }
__attribute__((noinline)) int64_t swiden_mul(int32_t a, int32_t b) { return (int64_t)a * b; }
static uint64_t mulmod(uint64_t a, uint64_t b, uint64_t m) {
  return (uint64_t)((unsigned __int128)a * b % m);
}
__attribute__((noinline)) uint64_t powmod(uint64_t b, uint64_t e, uint64_t m) {
  uint64_t r = 1 % m;
  b %= m;
  while (e) {
    if (e & 1) r = mulmod(r, b, m);
    b = mulmod(b, b, m);
    e >>= 1;
  }
  return r;
}

int main(void) {
  for (int i = 0; i < 10; i++)
    for (int j = i; j < 10; j++) {
      uint64_t lo = mul(in[i], in[j]), hi = mulhi(in[i], in[j]);
      if (hi != mulhi128(in[i], in[j])) printf("FAIL mulhi %d %d\n", i, j);
      printf("%016llx * %016llx = %016llx:%016llx s=%lld\n", (unsigned long long)in[i],
             (unsigned long long)in[j], (unsigned long long)hi, (unsigned long long)lo,
             (long long)smul((int64_t)in[i], (int64_t)in[j]));
    }
  printf("%llu %lld %lld\n", (unsigned long long)widen_mul(4294967295u, 4294967295u),
         (long long)swiden_mul(-2147483647 - 1, -2147483647 - 1), (long long)swiden_mul(-65536, 65537));
  printf("powmod %llu %llu %llu\n", (unsigned long long)powmod(2, 1000000, 1000000007),
         (unsigned long long)powmod(3, 0xffffffffffffull, 0xffffffffffffffc5ull),
         (unsigned long long)powmod(123456789, 987654321, 18446744073709551557ull));
  uint64_t h = 0xcbf29ce484222325ull;
  for (int i = 0; i < 100000; i++) h = (h ^ (uint64_t)i) * 0x100000001b3ull;
  printf("fnv %016llx\n", (unsigned long long)h);
  printf("done\n");
  return 0;
}
