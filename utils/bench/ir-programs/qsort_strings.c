// Sorting: libc qsort with a comparator (indirect calls into user code),
// a hand-written introsort-like quicksort on ints, and string sorting with
// strcmp, over generated data.
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define N 400000
static int32_t a[N], b[N];
static char words[50000][12];
static const char *ptrs[50000];

static int cmp_i32(const void *x, const void *y) {
  int32_t p = *(const int32_t *)x, q = *(const int32_t *)y;
  return (p > q) - (p < q);
}
static int cmp_str(const void *x, const void *y) { return strcmp(*(const char *const *)x, *(const char *const *)y); }
static void quick(int32_t *v, int lo, int hi) {
  while (hi - lo > 16) {
    int32_t p = v[lo + (hi - lo) / 2];
    int i = lo, j = hi;
    while (i <= j) {
      while (v[i] < p) i++;
      while (v[j] > p) j--;
      if (i <= j) {
        int32_t t = v[i];
        v[i++] = v[j];
        v[j--] = t;
      }
    }
    if (j - lo < hi - i) {
      quick(v, lo, j);
      lo = i;
    } else {
      quick(v, i, hi);
      hi = j;
    }
  }
  for (int k = lo + 1; k <= hi; k++) {
    int32_t x = v[k];
    int m = k - 1;
    while (m >= lo && v[m] > x) {
      v[m + 1] = v[m];
      m--;
    }
    v[m + 1] = x;
  }
}

int main(void) {
  uint32_t s = 2463534242u;
  for (int i = 0; i < N; i++) {
    s ^= s << 13;
    s ^= s >> 17;
    s ^= s << 5;
    a[i] = b[i] = (int32_t)(s >> 1) - 0x20000000;
  }
  qsort(a, N, sizeof a[0], cmp_i32);
  quick(b, 0, N - 1);
  int same = memcmp(a, b, sizeof a) == 0;
  for (int i = 0; i < 50000; i++) {
    for (int k = 0; k < 11; k++) {
      s ^= s << 13;
      s ^= s >> 17;
      s ^= s << 5;
      words[i][k] = (char)('a' + s % 7);
    }
    words[i][11] = 0;
    ptrs[i] = words[i];
  }
  qsort(ptrs, 50000, sizeof ptrs[0], cmp_str);
  uint32_t h = 0;
  for (int i = 0; i < N; i += 997) h = h * 31u + (uint32_t)a[i];
  printf("same %d hash %08x first %s last %s\n", same, h, ptrs[0], ptrs[49999]);
  return 0;
}
