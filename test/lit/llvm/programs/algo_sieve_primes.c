// Prime sieves: Eratosthenes on bytes and on a bit array, a segmented
// sieve, Miller-Rabin with 64-bit modular multiplication, prime counting.
// RUN: python3 %src/utils/test/run-c-program.py --toyc %toyc --work %t %s
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#define LIMIT 200000
static uint8_t composite[LIMIT + 1];
static uint32_t bits[(LIMIT >> 6) + 1];

static uint64_t mulmod(uint64_t a, uint64_t b, uint64_t m) {
  uint64_t r = 0;
  a %= m;
  while (b) {
    if (b & 1) r = (r + a >= m || r + a < r) ? r + a - m : r + a;
    b >>= 1;
    a = (a >= m - a) ? a - (m - a) : a + a;
  }
  return r;
}
static uint64_t powmod(uint64_t b, uint64_t e, uint64_t m) {
  uint64_t r = 1;
  b %= m;
  while (e) {
    if (e & 1) r = mulmod(r, b, m);
    b = mulmod(b, b, m);
    e >>= 1;
  }
  return r;
}
static int miller_rabin(uint64_t n) {
  if (n < 2) return 0;
  static const uint64_t bases[] = {2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37};
  for (int i = 0; i < 12; i++)
    if (n % bases[i] == 0) return n == bases[i];
  uint64_t d = n - 1;
  int s = 0;
  while (!(d & 1)) {
    d >>= 1;
    s++;
  }
  for (int i = 0; i < 12; i++) {
    uint64_t x = powmod(bases[i], d, n);
    if (x == 1 || x == n - 1) continue;
    int comp = 1;
    for (int r = 1; r < s; r++) {
      x = mulmod(x, x, n);
      if (x == n - 1) {
        comp = 0;
        break;
      }
    }
    if (comp) return 0;
  }
  return 1;
}

int main(void) {
  for (int i = 2; (long)i * i <= LIMIT; i++)
    if (!composite[i])
      for (int j = i * i; j <= LIMIT; j += i) composite[j] = 1;
  int count = 0;
  uint32_t sum = 0;
  for (int i = 2; i <= LIMIT; i++)
    if (!composite[i]) {
      count++;
      sum += (uint32_t)i;
    }
  printf("byte sieve: %d primes, sum %u\n", count, sum);
  // odd-only bit sieve: bit k represents 2k+1
  memset(bits, 0, sizeof bits);
  for (uint32_t i = 3; i * i <= LIMIT; i += 2)
    if (!(bits[i >> 6] & (1u << ((i >> 1) & 31))))
      for (uint32_t j = i * i; j <= LIMIT; j += 2 * i) bits[j >> 6] |= 1u << ((j >> 1) & 31);
  int count2 = 1;
  for (uint32_t i = 3; i <= LIMIT; i += 2) count2 += !(bits[i >> 6] & (1u << ((i >> 1) & 31)));
  printf("bit sieve: %d primes\n", count2);
  // segmented sieve of [10^9, 10^9 + 10000)
  const uint32_t lo = 1000000000u, span = 10000;
  static uint8_t seg[10000];
  memset(seg, 0, sizeof seg);
  for (uint32_t p = 2; p * p < lo + span; p++) {
    if (p <= LIMIT && composite[p]) continue;
    uint32_t start = (lo + p - 1) / p * p;
    for (uint32_t m = start; m < lo + span; m += p) seg[m - lo] = 1;
  }
  int segc = 0, agree = 1;
  for (uint32_t i = 0; i < span; i++) {
    if (!seg[i]) segc++;
    if (i % 97 == 0 && miller_rabin(lo + i) != !seg[i]) agree = 0;
  }
  printf("segment primes %d agree %d\n", segc, agree);
  uint64_t big[] = {18446744073709551557ull, 18446744073709551556ull, 9223372036854775783ull, 1000000007ull,
                    561ull, 3215031751ull, 4294967291ull};
  for (int i = 0; i < 7; i++) printf("mr %llu %d\n", (unsigned long long)big[i], miller_rabin(big[i]));
  printf("done\n");
  return 0;
}
