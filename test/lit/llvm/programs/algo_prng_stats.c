// Pseudo-random generators (xorshift32, xorshift64*, splitmix64, PCG32,
// a 48-bit LCG) with statistics: bucket histograms, mean and variance of
// uniform doubles, a Fisher-Yates shuffle and reservoir sampling.
// RUN: python3 %src/utils/test/run-c-program.py --toyc %toyc --work %t %s
#include <stdint.h>
#include <stdio.h>

static uint32_t xs32 = 2463534242u;
static uint32_t xorshift32(void) {
  xs32 ^= xs32 << 13;
  xs32 ^= xs32 >> 17;
  xs32 ^= xs32 << 5;
  return xs32;
}
static uint64_t xs64 = 88172645463325252ull;
static uint64_t xorshift64s(void) {
  xs64 ^= xs64 >> 12;
  xs64 ^= xs64 << 25;
  xs64 ^= xs64 >> 27;
  return xs64 * 2685821657736338717ull;
}
static uint64_t sm = 0;
static uint64_t splitmix64(void) {
  uint64_t z = (sm += 0x9e3779b97f4a7c15ull);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
  return z ^ (z >> 31);
}
static uint64_t pcg_state = 0x853c49e6748fea9bull, pcg_inc = 0xda3e39cb94b95bdbull;
static uint32_t pcg32(void) {
  uint64_t old = pcg_state;
  pcg_state = old * 6364136223846793005ull + pcg_inc;
  uint32_t xorshifted = (uint32_t)(((old >> 18) ^ old) >> 27);
  uint32_t rot = (uint32_t)(old >> 59);
  return (xorshifted >> rot) | (xorshifted << ((-rot) & 31));
}
static uint64_t lcg48 = 0x1234abcd330eull;
static uint32_t drand48_bits(void) {
  lcg48 = (lcg48 * 0x5deece66dull + 0xb) & 0xffffffffffffull;
  return (uint32_t)(lcg48 >> 16);
}

int main(void) {
  // One call per statement: argument evaluation order is unspecified.
  for (int i = 0; i < 3; i++) printf("xorshift32 %u\n", xorshift32());
  printf("xorshift64* %llu\n", (unsigned long long)xorshift64s());
  for (int i = 0; i < 2; i++) printf("splitmix %016llx\n", (unsigned long long)splitmix64());
  for (int i = 0; i < 3; i++) printf("pcg32 %08x\n", pcg32());
  for (int i = 0; i < 2; i++) printf("lcg48 %u\n", drand48_bits());
  int hist[10] = {0};
  double sum = 0, sumsq = 0;
  const int n = 100000;
  for (int i = 0; i < n; i++) {
    double u = (double)(splitmix64() >> 11) * 0x1p-53;
    sum += u;
    sumsq += u * u;
    hist[pcg32() % 10]++;
  }
  double mean = sum / n;
  printf("mean %.6f var %.6f hist", mean, sumsq / n - mean * mean);
  for (int i = 0; i < 10; i++) printf(" %d", hist[i]);
  printf("\n");
  int deck[52];
  for (int i = 0; i < 52; i++) deck[i] = i;
  for (int i = 51; i > 0; i--) {
    int j = (int)(xorshift32() % (uint32_t)(i + 1));
    int t = deck[i];
    deck[i] = deck[j];
    deck[j] = t;
  }
  printf("deck");
  for (int i = 0; i < 13; i++) printf(" %d", deck[i]);
  printf("\n");
  int reservoir[5];
  for (int i = 0; i < 10000; i++) {
    if (i < 5) reservoir[i] = i;
    else {
      uint32_t j = drand48_bits() % (uint32_t)(i + 1);
      if (j < 5) reservoir[j] = i;
    }
  }
  printf("reservoir %d %d %d %d %d\n", reservoir[0], reservoir[1], reservoir[2], reservoir[3], reservoir[4]);
  printf("done\n");
  return 0;
}
