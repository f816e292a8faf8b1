// qsort on ints, doubles, strings and structs with multi-key comparators;
// stability is simulated with an index tie-break so the order is unique.
// RUN: python3 %src/utils/test/run-c-program.py --toyc %toyc --work %t %s
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct person { char name[12]; int age; double score; int idx; };

static int by_age_name(const void *a, const void *b) {
  const struct person *p = a, *q = b;
  if (p->age != q->age) return p->age - q->age;
  int c = strcmp(p->name, q->name);
  return c ? c : p->idx - q->idx;
}
static int by_score_desc(const void *a, const void *b) {
  const struct person *p = a, *q = b;
  if (p->score != q->score) return p->score < q->score ? 1 : -1;
  return p->idx - q->idx;
}
static int cmp_double(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}
static int cmp_u16(const void *a, const void *b) {
  return (int)*(const unsigned short *)a - (int)*(const unsigned short *)b;
}

int main(void) {
  const char *names[] = {"kim", "ann", "bob", "eve", "dan", "amy", "joe", "zed", "liz", "tom", "ann", "bob"};
  struct person ps[12];
  for (int i = 0; i < 12; i++) {
    strcpy(ps[i].name, names[i]);
    ps[i].age = 20 + (i * 7) % 5;
    ps[i].score = (double)((i * 37) % 11) / 4;
    ps[i].idx = i;
  }
  qsort(ps, 12, sizeof ps[0], by_age_name);
  for (int i = 0; i < 12; i++) printf("%s:%d:%d ", ps[i].name, ps[i].age, ps[i].idx);
  printf("\n");
  qsort(ps, 12, sizeof ps[0], by_score_desc);
  for (int i = 0; i < 12; i++) printf("%g:%d ", ps[i].score, ps[i].idx);
  printf("\n");
  double d[50];
  for (int i = 0; i < 50; i++) d[i] = ((i * 7919) % 113) / 7.0 - 8;
  qsort(d, 50, sizeof d[0], cmp_double);
  printf("doubles %g %g %g %g\n", d[0], d[1], d[25], d[49]);
  unsigned short u[1000];
  unsigned x = 12345;
  for (int i = 0; i < 1000; i++) {
    x = x * 1103515245u + 12345u;
    u[i] = (unsigned short)(x >> 16);
  }
  qsort(u, 1000, sizeof u[0], cmp_u16);
  int sorted = 1;
  for (int i = 1; i < 1000; i++) sorted &= u[i - 1] <= u[i];
  printf("u16 sorted %d min %u max %u median %u\n", sorted, u[0], u[999], u[500]);
  printf("done\n");
  return 0;
}
