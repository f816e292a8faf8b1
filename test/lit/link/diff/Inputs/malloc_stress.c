/* Allocator stress: many live blocks of varied sizes, frees in scrambled
   order, reallocs that grow and shrink, calloc zeroing. Every block carries
   a pattern that is verified before it is released. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SLOTS 512
static unsigned char *blocks[SLOTS];
static size_t sizes[SLOTS];
static uint32_t rng = 12345;

static uint32_t next(void) {
  rng ^= rng << 13;
  rng ^= rng >> 17;
  rng ^= rng << 5;
  return rng;
}

static void fill(int i) {
  for (size_t k = 0; k < sizes[i]; k++) blocks[i][k] = (unsigned char)(i * 31 + k);
}

static int check(int i, size_t n) {
  for (size_t k = 0; k < n; k++)
    if (blocks[i][k] != (unsigned char)(i * 31 + k)) return 0;
  return 1;
}

static size_t pick_size(void) {
  uint32_t r = next();
  switch (r % 8) {
  case 0: return 0;
  case 1: case 2: case 3: return 1 + r % 64;
  case 4: case 5: return 64 + r % 1024;
  case 6: return 1024 + r % 16384;
  default: return 65536 + r % 200000;
  }
}

int main(void) {
  unsigned long allocs = 0, frees = 0, reallocs = 0, bad = 0, misaligned = 0;
  unsigned long long bytes = 0;
  for (int round = 0; round < 6000; round++) {
    int i = next() % SLOTS;
    uint32_t op = next() % 10;
    if (!blocks[i]) {
      sizes[i] = pick_size();
      if (op < 3) {
        blocks[i] = calloc(sizes[i] ? sizes[i] : 1, 1);
        for (size_t k = 0; k < sizes[i]; k++) bad += blocks[i][k] != 0;
      } else {
        blocks[i] = malloc(sizes[i] ? sizes[i] : 1);
      }
      if (!blocks[i]) { printf("allocation of %zu failed\n", sizes[i]); return 1; }
      misaligned += ((uintptr_t)blocks[i] & 7) != 0;
      fill(i);
      allocs++;
      bytes += sizes[i];
    } else if (op < 4) {
      size_t ns = pick_size(), keep = ns < sizes[i] ? ns : sizes[i];
      unsigned char *p = realloc(blocks[i], ns ? ns : 1);
      if (!p) { printf("realloc failed\n"); return 1; }
      blocks[i] = p;
      bad += !check(i, keep);
      sizes[i] = ns;
      fill(i);
      reallocs++;
    } else {
      bad += !check(i, sizes[i]);
      free(blocks[i]);
      blocks[i] = NULL;
      frees++;
    }
  }
  unsigned long live = 0;
  for (int i = 0; i < SLOTS; i++)
    if (blocks[i]) {
      bad += !check(i, sizes[i]);
      free(blocks[i]);
      live++;
    }
  /* A big allocation after all that churn still has to work. */
  size_t big = 8u << 20;
  char *p = malloc(big);
  if (!p) { printf("big malloc failed\n"); return 1; }
  memset(p, 0x5a, big);
  unsigned long sum = 0;
  for (size_t k = 0; k < big; k += 4096) sum += (unsigned char)p[k];
  free(p);
  int *z = calloc(1000, sizeof(int));
  int nz = 0;
  for (int k = 0; k < 1000; k++) nz += z[k] != 0;
  free(z);
  free(NULL);
  printf("allocs=%lu frees=%lu reallocs=%lu live-at-end=%lu bytes=%llu\n", allocs, frees,
         reallocs, live, bytes);
  printf("bad=%lu misaligned=%lu bigsum=%lu calloc-nonzero=%d\n", bad, misaligned, sum, nz);
  return bad || misaligned || nz;
}
