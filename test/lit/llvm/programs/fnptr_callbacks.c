// Callbacks with context pointers: qsort and bsearch comparators, a generic
// map/fold over arrays, an event dispatcher with registered handlers.
// RUN: python3 %src/utils/test/run-c-program.py --toyc %toyc --work %t %s
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int cmp_int(const void *a, const void *b) {
  int x = *(const int *)a, y = *(const int *)b;
  return (x > y) - (x < y);
}
static int cmp_int_desc(const void *a, const void *b) { return cmp_int(b, a); }
static int cmp_str(const void *a, const void *b) { return strcmp(*(const char *const *)a, *(const char *const *)b); }

typedef int (*fold_fn)(void *ctx, int acc, int x);
__attribute__((noinline)) int fold(const int *v, int n, int init, fold_fn f, void *ctx) {
  for (int i = 0; i < n; i++) init = f(ctx, init, v[i]);
  return init;
}
static int f_sum(void *ctx, int acc, int x) {
  (void)ctx;
  return acc + x;
}
static int f_count_gt(void *ctx, int acc, int x) { return acc + (x > *(int *)ctx); }
static int f_weighted(void *ctx, int acc, int x) {
  int *w = ctx;
  return acc + x * (*w)++;
}

struct handler { int event; void (*fn)(void *, int); void *data; };
static struct handler handlers[8];
static int nhandlers;
static void on(int event, void (*fn)(void *, int), void *data) { handlers[nhandlers++] = (struct handler){event, fn, data}; }
static void emit(int event, int arg) {
  for (int i = 0; i < nhandlers; i++)
    if (handlers[i].event == event) handlers[i].fn(handlers[i].data, arg);
}
static void h_add(void *d, int a) { *(int *)d += a; }
static void h_log(void *d, int a) { printf("[%s] %d\n", (const char *)d, a); }

int main(void) {
  int v[20];
  for (int i = 0; i < 20; i++) v[i] = (i * 37 + 11) % 23 - 7;
  qsort(v, 20, sizeof v[0], cmp_int);
  for (int i = 0; i < 20; i++) printf("%d ", v[i]);
  printf("\n");
  int key = 9;
  int *hit = bsearch(&key, v, 20, sizeof v[0], cmp_int);
  printf("bsearch %d\n", hit ? (int)(hit - v) : -1);
  qsort(v, 20, sizeof v[0], cmp_int_desc);
  printf("desc first %d last %d\n", v[0], v[19]);
  const char *words[] = {"pear", "apple", "fig", "banana", "cherry", "apricot"};
  qsort(words, 6, sizeof words[0], cmp_str);
  for (int i = 0; i < 6; i++) printf("%s ", words[i]);
  printf("\n");
  int thr = 3, w = 1;
  printf("fold %d %d %d\n", fold(v, 20, 0, f_sum, NULL), fold(v, 20, 0, f_count_gt, &thr),
         fold(v, 20, 0, f_weighted, &w));
  int total = 0;
  on(1, h_add, &total);
  on(2, h_log, "two");
  on(1, h_log, "one");
  on(1, h_add, &total);
  for (int i = 0; i < 4; i++) emit(1 + (i & 1), i * 10);
  printf("total %d\n", total);
  printf("done\n");
  return 0;
}
