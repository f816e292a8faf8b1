/* Function pointers: tables of them in another object, pointers stored in
   structs (a small vtable scheme), pointers passed across objects and compared
   for identity, and indirect calls with different signatures. */
#include <stdio.h>
#include <string.h>
#include "fptr.h"

static int square(int x) { return x * x; }
static int negate(int x) { return -x; }
static int (*const unary[])(int) = {square, negate, NULL};

typedef long long (*wide_fn)(long long, double);
static long long mix(long long a, double d) { return a * 3 + (long long)(d * 10); }
static void say(const char *s) { printf("say: %s\n", s); }
static void (*hook)(const char *) = say;

struct state_machine {
  int state;
  int (*step[3])(struct state_machine *, int);
};
static int st0(struct state_machine *m, int in) { m->state = in & 1 ? 1 : 2; return 0; }
static int st1(struct state_machine *m, int in) { m->state = 2; return in * 2; }
static int st2(struct state_machine *m, int in) { m->state = 0; return in + 100; }

int main(void) {
  for (int i = 0; i < op_count; i++)
    printf("%s(17, 5) = %d\n", op_names[i], op_table[i](17, 5));
  const char *queries[] = {"mul", "sub", "pow", "add"};
  for (int i = 0; i < 4; i++) {
    binop f = lookup_op(queries[i]);
    printf("lookup %s: %s", queries[i], f ? "" : "missing\n");
    if (f) printf("%d\n", f(6, 7));
  }
  /* The address of a function is the same whichever object takes it. */
  printf("op_add identity: %d %d\n", op_add == op_address_from_ops_file(),
         op_table[0] == &op_add);
  printf("unary table:");
  for (int i = 0; unary[i]; i++) printf(" %d", unary[i](-9));
  printf("\n");
  int v[] = {1, 2, 3, 4, 5};
  printf("apply square: %d, negate: %d\n", apply_all(square, v, 5), apply_all(unary[1], v, 5));

  struct shape shapes[] = {{&rect_ops, 3, 4}, {&circle_ops, 2, 0}, {&rect_ops, 1.5, 2.5}};
  for (int i = 0; i < 3; i++) {
    char text[64];
    shapes[i].ops->describe(&shapes[i], text, sizeof text);
    printf("%s: area=%.4f perimeter=%.4f (%s)\n", shapes[i].ops->kind,
           shapes[i].ops->area(&shapes[i]), shapes[i].ops->perimeter(&shapes[i]), text);
  }

  wide_fn w = mix;
  printf("wide: %lld\n", w(1LL << 40, 2.5));
  hook("through a global pointer");
  void (*volatile later)(const char *) = hook;
  later("through a volatile copy");

  struct state_machine m = {0, {st0, st1, st2}};
  int acc = 0;
  for (int in = 0; in < 10; in++) acc += m.step[m.state](&m, in);
  printf("state machine: acc=%d final=%d\n", acc, m.state);
  return 0;
}
