// Sieve of Eratosthenes, repeated: byte stores with strides, a counting
// loop, and an odd-only bit sieve (shifts and masks on 32-bit words).
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#define LIMIT 4000000
static uint8_t composite[LIMIT + 1];
static uint32_t bits[LIMIT / 64 + 1];

int main(void) {
  int count = 0, count2 = 0;
  for (int round = 0; round < 6; round++) {
    memset(composite, 0, sizeof composite);
    for (int i = 2; i * i <= LIMIT; i++)
      if (!composite[i])
        for (int j = i * i; j <= LIMIT; j += i) composite[j] = 1;
    count = 0;
    for (int i = 2; i <= LIMIT; i++) count += !composite[i];
    memset(bits, 0, sizeof bits);
    for (uint32_t i = 3; i * i <= LIMIT; i += 2)
      if (!(bits[i >> 6] & (1u << ((i >> 1) & 31))))
        for (uint32_t j = i * i; j <= LIMIT; j += 2 * i) bits[j >> 6] |= 1u << ((j >> 1) & 31);
    count2 = 1;
    for (uint32_t i = 3; i <= LIMIT; i += 2) count2 += !(bits[i >> 6] & (1u << ((i >> 1) & 31)));
  }
  printf("primes below %d: %d %d\n", LIMIT, count, count2);
  return 0;
}
