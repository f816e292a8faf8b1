// Sorting algorithms on the same data: insertion, shell, merge (top-down
// with a buffer), heap, quicksort (Hoare, median of three), counting and
// radix sort; each result is checked and hashed.
// RUN: python3 %src/utils/test/run-c-program.py --toyc %toyc --work %t %s
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#define N 2000
static int32_t data[N], work[N], tmp[N];

static void gen(uint32_t seed) {
  for (int i = 0; i < N; i++) {
    seed ^= seed << 13;
    seed ^= seed >> 17;
    seed ^= seed << 5;
    data[i] = (int32_t)(seed % 20001) - 10000;
  }
}
static void insertion(int32_t *a, int n) {
  for (int i = 1; i < n; i++) {
    int32_t x = a[i];
    int j = i - 1;
    while (j >= 0 && a[j] > x) {
      a[j + 1] = a[j];
      j--;
    }
    a[j + 1] = x;
  }
}
static void shell(int32_t *a, int n) {
  for (int gap = n / 2; gap > 0; gap /= 2)
    for (int i = gap; i < n; i++) {
      int32_t x = a[i];
      int j = i;
      for (; j >= gap && a[j - gap] > x; j -= gap) a[j] = a[j - gap];
      a[j] = x;
    }
}
static void merge_sort(int32_t *a, int lo, int hi) {
  if (hi - lo < 2) return;
  int mid = (lo + hi) / 2;
  merge_sort(a, lo, mid);
  merge_sort(a, mid, hi);
  int i = lo, j = mid, k = lo;
  while (i < mid && j < hi) tmp[k++] = a[i] <= a[j] ? a[i++] : a[j++];
  while (i < mid) tmp[k++] = a[i++];
  while (j < hi) tmp[k++] = a[j++];
  memcpy(a + lo, tmp + lo, (size_t)(hi - lo) * sizeof *a);
}
static void sift(int32_t *a, int i, int n) {
  for (;;) {
    int l = 2 * i + 1, m = i;
    if (l < n && a[l] > a[m]) m = l;
    if (l + 1 < n && a[l + 1] > a[m]) m = l + 1;
    if (m == i) return;
    int32_t t = a[i];
    a[i] = a[m];
    a[m] = t;
    i = m;
  }
}
static void heap_sort(int32_t *a, int n) {
  for (int i = n / 2 - 1; i >= 0; i--) sift(a, i, n);
  for (int e = n - 1; e > 0; e--) {
    int32_t t = a[0];
    a[0] = a[e];
    a[e] = t;
    sift(a, 0, e);
  }
}
static void quick(int32_t *a, int lo, int hi) {
  while (lo < hi) {
    int mid = lo + (hi - lo) / 2;
    int32_t x = a[lo], y = a[mid], z = a[hi];
    int32_t p = x < y ? (y < z ? y : (x < z ? z : x)) : (x < z ? x : (y < z ? z : y));
    int i = lo - 1, j = hi + 1;
    for (;;) {
      do i++; while (a[i] < p);
      do j--; while (a[j] > p);
      if (i >= j) break;
      int32_t t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
    if (j - lo < hi - j) {
      quick(a, lo, j);
      lo = j + 1;
    } else {
      quick(a, j + 1, hi);
      hi = j;
    }
  }
}
static void counting(int32_t *a, int n) {
  static int counts[20001];
  memset(counts, 0, sizeof counts);
  for (int i = 0; i < n; i++) counts[a[i] + 10000]++;
  int k = 0;
  for (int v = 0; v <= 20000; v++)
    while (counts[v]--) a[k++] = v - 10000;
}
static void radix(int32_t *a, int n) {
  uint32_t *u = (uint32_t *)a, *b = (uint32_t *)tmp;
  for (int i = 0; i < n; i++) u[i] ^= 0x80000000u;
  for (int shift = 0; shift < 32; shift += 8) {
    int cnt[257] = {0};
    for (int i = 0; i < n; i++) cnt[((u[i] >> shift) & 255) + 1]++;
    for (int i = 0; i < 256; i++) cnt[i + 1] += cnt[i];
    for (int i = 0; i < n; i++) b[cnt[(u[i] >> shift) & 255]++] = u[i];
    memcpy(u, b, (size_t)n * sizeof *u);
  }
  for (int i = 0; i < n; i++) u[i] ^= 0x80000000u;
}
static void report(const char *name) {
  int ok = 1;
  uint32_t h = 0;
  for (int i = 0; i < N; i++) {
    if (i && work[i - 1] > work[i]) ok = 0;
    h = h * 31 + (uint32_t)work[i];
  }
  printf("%-9s sorted %d hash %08x min %d max %d\n", name, ok, h, work[0], work[N - 1]);
}

int main(void) {
  gen(12345);
  memcpy(work, data, sizeof work); insertion(work, N); report("insertion");
  memcpy(work, data, sizeof work); shell(work, N); report("shell");
  memcpy(work, data, sizeof work); merge_sort(work, 0, N); report("merge");
  memcpy(work, data, sizeof work); heap_sort(work, N); report("heap");
  memcpy(work, data, sizeof work); quick(work, 0, N - 1); report("quick");
  memcpy(work, data, sizeof work); counting(work, N); report("counting");
  memcpy(work, data, sizeof work); radix(work, N); report("radix");
  printf("done\n");
  return 0;
}
