// Static data holding addresses: pointers to globals, to struct fields and
// array elements (constant GEP expressions), to functions, to string
// literals; a statically linked list; pointer arithmetic in initializers.
// RUN: python3 %src/utils/test/run-c-program.py --toyc %toyc --work %t %s
#include <stdio.h>

struct node { const char *name; int value; const struct node *next; int (*fn)(int); };
static int twice(int x) { return 2 * x; }
static int square(int x) { return x * x; }
static int negate(int x) { return -x; }

static const struct node n3 = {"third", 3, 0, negate};
static const struct node n2 = {"second", 2, &n3, square};
static const struct node n1 = {"first", 1, &n2, twice};
static const struct node *head = &n1;

static int table[10] = {0, 10, 20, 30, 40, 50, 60, 70, 80, 90};
static int *const ptrs[] = {&table[0], &table[3], table + 9, &table[5]};
static int *mutable_ptr = &table[2];
struct pair { int a, b; };
static struct pair pairs[3] = {{1, 2}, {3, 4}, {5, 6}};
static int *field_ptr = &pairs[1].b;
static const char msg[] = "static message";
static const char *const msg_tail = msg + 7;
static const char *strs[] = {"zero", "one", "two", msg};
static const char **strs_ptr = &strs[2];
static char *(*fn_table_ptr)(char *, const char *);
int (*const ops[])(int) = {twice, square, negate, 0};
static void *self_ref = &self_ref;
static const long long ll_table[] = {1LL << 40, -1, 0x7fffffffffffffffLL};
static const long long *ll_ptr = &ll_table[1];

int main(void) {
  for (const struct node *n = head; n; n = n->next) printf("%s %d %d\n", n->name, n->value, n->fn(n->value + 5));
  for (int i = 0; i < 4; i++) printf("ptr %d -> %d (index %d)\n", i, *ptrs[i], (int)(ptrs[i] - table));
  *mutable_ptr += 5;
  mutable_ptr += 4;
  *mutable_ptr += 7;
  printf("table %d %d\n", table[2], table[6]);
  *field_ptr = 44;
  printf("pairs %d %d %d\n", pairs[1].a, pairs[1].b, (int)((char *)field_ptr - (char *)pairs));
  printf("tail '%s' %s %s\n", msg_tail, *strs_ptr, strs_ptr[1]);
  for (int i = 0; ops[i]; i++) printf("op %d %d\n", i, ops[i](7));
  printf("self %d fnptr %d\n", self_ref == &self_ref, fn_table_ptr == 0);
  printf("ll %lld %lld\n", *ll_ptr, ll_ptr[1]);
  printf("done\n");
  return 0;
}
