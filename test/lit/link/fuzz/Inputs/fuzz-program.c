/* Seed object for the linker fuzz test (utils/test/fuzz-link.py).
   Deliberately non-trivial: several functions, data with pointers,
   function pointers in a table, string literals, loops, libc calls. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct shape {
  const char *name;
  int sides;
  double (*area)(double);
};

static double square_area(double s) { return s * s; }
static double triangle_area(double s) { return s * s * 0.4330127; }
static double hexagon_area(double s) { return s * s * 2.5980762; }

static const struct shape shapes[] = {
    {"triangle", 3, triangle_area},
    {"square", 4, square_area},
    {"hexagon", 6, hexagon_area},
};

const char *greetings[] = {"hello", "bonjour", "hallo", "ciao", 0};
int counter = 7;
int *counter_ptr = &counter;
static char scratch[256];

typedef int (*binop)(int, int);
static int add(int a, int b) { return a + b; }
static int mul(int a, int b) { return a * b; }
static int sub(int a, int b) { return a - b; }
binop ops[] = {add, mul, sub};

static int cmp_int(const void *a, const void *b) {
  int x = *(const int *)a, y = *(const int *)b;
  return (x > y) - (x < y);
}

__attribute__((noinline)) int fold(binop f, const int *v, int n) {
  int acc = v[0];
  for (int i = 1; i < n; i++)
    acc = f(acc, v[i]);
  return acc;
}

unsigned hash_string(const char *s) {
  unsigned h = 2166136261u;
  while (*s)
    h = (h ^ (unsigned char)*s++) * 16777619u;
  return h;
}

int main(int argc, char **argv) {
  int values[8] = {5, 3, 9, 1, 7, 2, 8, 4};
  qsort(values, 8, sizeof values[0], cmp_int);
  for (unsigned i = 0; i < sizeof ops / sizeof ops[0]; i++)
    printf("op %u -> %d\n", i, fold(ops[i], values, 8));
  for (unsigned i = 0; i < sizeof shapes / sizeof shapes[0]; i++)
    printf("%s (%d sides): %.3f\n", shapes[i].name, shapes[i].sides,
           shapes[i].area(2.0));
  for (const char **g = greetings; *g; g++) {
    snprintf(scratch, sizeof scratch, "%s world", *g);
    printf("%-16s %08x %zu\n", scratch, hash_string(scratch), strlen(scratch));
  }
  char *copy = malloc(64);
  strcpy(copy, argc > 1 ? argv[1] : "default");
  *counter_ptr += (int)strlen(copy);
  printf("counter=%d\n", counter);
  free(copy);
  return counter == 14 ? 0 : 1;
}
