// Flexible array members with malloc, struct copies with memcpy, arrays of
// variable-size records packed in a buffer.
// RUN: python3 %src/utils/test/run-c-program.py --toyc %toyc --work %t %s
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct blob { unsigned len; unsigned checksum; unsigned char data[]; };
struct strlist { int n; const char *items[]; };

__attribute__((noinline)) struct blob *blob_new(const char *s) {
  unsigned n = (unsigned)strlen(s);
  struct blob *b = malloc(sizeof *b + n);
  b->len = n;
  memcpy(b->data, s, n);
  b->checksum = 0;
  for (unsigned i = 0; i < n; i++) b->checksum = b->checksum * 31 + b->data[i];
  return b;
}
__attribute__((noinline)) struct blob *blob_cat(const struct blob *a, const struct blob *b) {
  struct blob *r = malloc(sizeof *r + a->len + b->len);
  r->len = a->len + b->len;
  memcpy(r->data, a->data, a->len);
  memcpy(r->data + a->len, b->data, b->len);
  r->checksum = a->checksum ^ b->checksum;
  return r;
}

int main(void) {
  struct blob *a = blob_new("hello, "), *b = blob_new("flexible world");
  struct blob *c = blob_cat(a, b);
  printf("%u %u %u | %.*s | %08x\n", a->len, b->len, c->len, (int)c->len, (const char *)c->data, c->checksum);
  struct strlist *l = malloc(sizeof *l + 4 * sizeof(const char *));
  l->n = 4;
  l->items[0] = "zero";
  l->items[1] = "one";
  l->items[2] = "two";
  l->items[3] = "three";
  for (int i = l->n - 1; i >= 0; i--) printf("%s%c", l->items[i], i ? ' ' : '\n');
  unsigned char pool[256];
  unsigned off = 0;
  const char *words[] = {"ab", "cdef", "g", "hijklmn"};
  for (int i = 0; i < 4; i++) {
    unsigned n = (unsigned)strlen(words[i]);
    memcpy(pool + off, &n, sizeof n);
    memcpy(pool + off + sizeof n, words[i], n);
    off += (unsigned)sizeof n + n;
  }
  for (unsigned p = 0; p < off;) {
    unsigned n;
    memcpy(&n, pool + p, sizeof n);
    printf("[%.*s]", (int)n, (const char *)pool + p + sizeof n);
    p += (unsigned)sizeof n + n;
  }
  printf("\n");
  free(a);
  free(b);
  free(c);
  free(l);
  printf("done\n");
  return 0;
}
