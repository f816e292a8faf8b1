/* Large static data: a 256 KiB initialised table built at compile time by
   macro expansion, a mostly-zero initialised table, read-only strings and
   about 1.2 MiB of .bss. Checksums show that every byte arrived where it should. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

/* Entry i of big_table is H(i); __COUNTER__ numbers the entries while the
   preprocessor expands the initialiser, so the expansion stays small. */
#define H(i) ((uint64_t)(i) * 0x9E3779B97F4A7C15ull ^ ((uint64_t)(i) << 40))
#define E(n) H(n)
#define V E(__COUNTER__)
#define R4 V, V, V, V
#define R16 R4, R4, R4, R4
#define R64 R16, R16, R16, R16
#define R256 R64, R64, R64, R64
#define R1K R256, R256, R256, R256
#define R8K R1K, R1K, R1K, R1K, R1K, R1K, R1K, R1K

uint64_t big_table[32768] = {R8K, R8K, R8K, R8K}; /* 256 KiB of .data */

#define B(i) (unsigned char)((i) * 7 + ((i) >> 8))
static unsigned char byte_table[40000] = {1, 2, 3}; /* rest filled at run time */

static char zeroes[1 << 20];           /* .bss */
static double more_zeroes[20000];      /* .bss */
static int small_init = 0x1234;        /* .data between big things */
static const char *const messages[] = {"first message", "second message", "third"};

static uint32_t fnv(const void *p, size_t n) {
  const unsigned char *c = p;
  uint32_t h = 2166136261u;
  for (size_t i = 0; i < n; i++) h = (h ^ c[i]) * 16777619u;
  return h;
}

int main(void) {
  uint32_t mismatches = 0;
  for (uint32_t i = 0; i < 32768; i++) mismatches += big_table[i] != H(i);
  mismatches += byte_table[0] != 1 || byte_table[2] != 3 || byte_table[3] != 0;
  for (uint32_t i = 0; i < sizeof byte_table; i++) byte_table[i] = B(i);
  printf("big_table: fnv=%08x first=%08x last=%08x mismatches=%u\n",
         (unsigned)fnv(big_table, sizeof big_table), (unsigned)big_table[1],
         (unsigned)(big_table[32767] >> 32), (unsigned)mismatches);
  printf("byte_table: fnv=%08x size=%zu\n", (unsigned)fnv(byte_table, sizeof byte_table),
         sizeof byte_table);
  size_t nonzero = 0;
  for (size_t i = 0; i < sizeof zeroes; i++) nonzero += zeroes[i] != 0;
  for (size_t i = 0; i < 20000; i++) nonzero += more_zeroes[i] != 0;
  printf("bss nonzero bytes: %zu\n", nonzero);
  /* Write all over .bss, then read back. */
  for (size_t i = 0; i < sizeof zeroes; i += 1) zeroes[i] = (char)(i >> 5);
  for (size_t i = 0; i < 20000; i++) more_zeroes[i] = i * 0.5;
  printf("bss after writes: fnv=%08x sum=%.1f\n", (unsigned)fnv(zeroes, sizeof zeroes),
         more_zeroes[19999] + more_zeroes[1]);
  big_table[12345] = 42;
  printf("writable table: %u, small_init=%#x\n", (unsigned)big_table[12345], small_init);
  for (int i = 0; i < 3; i++) printf("%s (%zu)\n", messages[i], strlen(messages[i]));
  return mismatches != 0;
}
