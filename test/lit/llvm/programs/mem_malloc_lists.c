// Heap use: malloc/calloc/realloc/free, a singly linked list (insert,
// reverse, delete), a growable vector with realloc, zeroed calloc memory.
// RUN: python3 %src/utils/test/run-c-program.py --toyc %toyc --work %t %s
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct node { int v; struct node *next; };

static struct node *push(struct node *h, int v) {
  struct node *n = malloc(sizeof *n);
  n->v = v;
  n->next = h;
  return n;
}
__attribute__((noinline)) struct node *reverse(struct node *h) {
  struct node *r = NULL;
  while (h) {
    struct node *nx = h->next;
    h->next = r;
    r = h;
    h = nx;
  }
  return r;
}
__attribute__((noinline)) struct node *remove_if_div(struct node *h, int d) {
  struct node **pp = &h;
  while (*pp) {
    if ((*pp)->v % d == 0) {
      struct node *dead = *pp;
      *pp = dead->next;
      free(dead);
    } else {
      pp = &(*pp)->next;
    }
  }
  return h;
}
static void print_list(struct node *h) {
  for (; h; h = h->next) printf("%d ", h->v);
  printf("\n");
}

int main(void) {
  struct node *h = NULL;
  for (int i = 1; i <= 20; i++) h = push(h, i);
  print_list(h);
  h = reverse(h);
  h = remove_if_div(h, 3);
  print_list(h);
  while (h) {
    struct node *n = h->next;
    free(h);
    h = n;
  }
  int *vec = NULL;
  size_t len = 0, cap = 0;
  for (int i = 0; i < 5000; i++) {
    if (len == cap) {
      cap = cap ? cap * 2 : 4;
      vec = realloc(vec, cap * sizeof *vec);
    }
    vec[len++] = i * i % 1009;
  }
  long s = 0;
  for (size_t i = 0; i < len; i++) s += vec[i];
  printf("vec len %u cap %u sum %ld\n", (unsigned)len, (unsigned)cap, s);
  free(vec);
  unsigned *z = calloc(1000, sizeof *z);
  unsigned any = 0;
  for (int i = 0; i < 1000; i++) any |= z[i];
  printf("calloc zero %u\n", any);
  free(z);
  char *blocks[64];
  for (int round = 0; round < 3; round++) {
    for (int i = 0; i < 64; i++) {
      blocks[i] = malloc((size_t)(i * 13 + round + 1));
      memset(blocks[i], i, (size_t)(i * 13 + round + 1));
    }
    unsigned check = 0;
    for (int i = 0; i < 64; i++) check += (unsigned char)blocks[i][i * 13 + round];
    for (int i = 63; i >= 0; i -= 2) free(blocks[i]);
    for (int i = 62; i >= 0; i -= 2) free(blocks[i]);
    printf("round %d check %u\n", round, check);
  }
  printf("done\n");
  return 0;
}
