/* qsort and bsearch over ints, strings and structs; the comparators live in
   sort_cmp.c so libc calls back into another object's functions. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "sort.h"

static void show_ints(const char *what, const int *v, int n) {
  printf("%s:", what);
  for (int i = 0; i < n; i++) printf(" %d", v[i]);
  printf("\n");
}

int main(void) {
  int nums[40];
  unsigned seed = 7;
  for (int i = 0; i < 40; i++) {
    seed = seed * 1103515245u + 12345u;
    nums[i] = (int)((seed >> 8) % 1000) - 500;
  }
  qsort(nums, 40, sizeof(int), cmp_int_asc);
  show_ints("asc", nums, 40);
  qsort(nums, 40, sizeof(int), cmp_int_desc);
  show_ints("desc", nums, 40);
  qsort(nums, 40, sizeof(int), cmp_int_asc);
  int probes[] = {nums[0], nums[17], nums[39], 10000, -10000, 1};
  for (int i = 0; i < 6; i++) {
    int *hit = bsearch(&probes[i], nums, 40, sizeof(int), cmp_int_asc);
    printf("bsearch %d: %s\n", probes[i], hit ? "found" : "absent");
  }

  const char *names[] = {"kiwi", "banana", "apple", "cherry", "date", "fig", "grape", "elderberry"};
  enum { NN = sizeof names / sizeof *names };
  qsort(names, NN, sizeof *names, cmp_str);
  for (int i = 0; i < NN; i++) printf("name[%d]=%s\n", i, names[i]);
  const char *key = "date";
  const char **found = bsearch(&key, names, NN, sizeof *names, cmp_str);
  printf("date at %td\n", found ? found - names : (ptrdiff_t)-1);

  struct person people[] = {{"ann", 31, 5.5}, {"bob", 25, 6.1}, {"cyd", 31, 5.9},
                            {"dee", 19, 5.2}, {"eve", 25, 5.7}, {"fay", 44, 5.4}};
  enum { NP = sizeof people / sizeof *people };
  qsort(people, NP, sizeof *people, cmp_person);
  for (int i = 0; i < NP; i++)
    printf("%s age=%d height=%.1f\n", people[i].name, people[i].age, people[i].height);
  struct person probe = {"", 31, 5.9};
  struct person *who = bsearch(&probe, people, NP, sizeof *people, cmp_person);
  printf("age 31 height 5.9: %s\n", who ? who->name : "nobody");

  double ds[] = {3.5, -1.25, 9.0, 0.0, 2.75, -8.5};
  qsort(ds, 6, sizeof(double), cmp_double);
  for (int i = 0; i < 6; i++) printf("%g%c", ds[i], i == 5 ? '\n' : ' ');
  printf("comparator calls > 0: %d\n", comparator_calls() > 0);
  return 0;
}
