#include <string.h>
#include "sort.h"

static long calls;

int cmp_int_asc(const void *a, const void *b) {
  int x = *(const int *)a, y = *(const int *)b;
  calls++;
  return (x > y) - (x < y);
}

int cmp_int_desc(const void *a, const void *b) { return cmp_int_asc(b, a); }

int cmp_str(const void *a, const void *b) {
  calls++;
  return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* By age, then by height. */
int cmp_person(const void *a, const void *b) {
  const struct person *p = a, *q = b;
  calls++;
  if (p->age != q->age) return p->age - q->age;
  return (p->height > q->height) - (p->height < q->height);
}

int cmp_double(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  calls++;
  return (x > y) - (x < y);
}

long comparator_calls(void) { return calls; }
