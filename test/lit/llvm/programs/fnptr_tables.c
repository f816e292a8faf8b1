// Function pointer tables: arrays of operations indexed at run time,
// pointers of several signatures, pointer comparison and NULL checks.
// RUN: python3 %src/utils/test/run-c-program.py --toyc %toyc --work %t %s
#include <stdio.h>

typedef int (*binop)(int, int);
static int op_add(int a, int b) { return a + b; }
static int op_sub(int a, int b) { return a - b; }
static int op_mul(int a, int b) { return a * b; }
static int op_div(int a, int b) { return b ? a / b : 0; }
static int op_min(int a, int b) { return a < b ? a : b; }
static int op_xor(int a, int b) { return a ^ b; }
static binop ops[] = {op_add, op_sub, op_mul, op_div, op_min, op_xor, 0};
static const char *names[] = {"add", "sub", "mul", "div", "min", "xor"};

typedef double (*unop_d)(double);
static double dbl(double x) { return x * 2; }
static double sqr(double x) { return x * x; }
static double neg(double x) { return -x; }

typedef void (*visitor)(int *, int);
static void v_inc(int *p, int k) { *p += k; }
static void v_shl(int *p, int k) { *p <<= k & 7; }

__attribute__((noinline)) int apply_all(const binop *t, int a, int b) {
  int acc = 0;
  for (int i = 0; t[i]; i++) acc = acc * 3 + t[i](a, b);
  return acc;
}
__attribute__((noinline)) double compose(unop_d f, unop_d g, double x) { return f(g(x)); }
__attribute__((noinline)) int find(binop f) {
  for (int i = 0; ops[i]; i++)
    if (ops[i] == f) return i;
  return -1;
}

int main(void) {
  for (int i = 0; ops[i]; i++) printf("%s %d %d\n", names[i], ops[i](17, 5), ops[i](-9, 4));
  printf("apply_all %d %d\n", apply_all(ops, 6, 3), apply_all(ops + 3, 100, 7));
  unop_d fs[] = {dbl, sqr, neg};
  for (int i = 0; i < 3; i++)
    for (int j = 0; j < 3; j++) printf("compose %d%d %g\n", i, j, compose(fs[i], fs[j], 1.5));
  printf("find %d %d %d\n", find(op_mul), find(op_xor), find(0));
  visitor vs[2] = {v_inc, v_shl};
  int x = 1;
  for (int i = 0; i < 10; i++) vs[i & 1](&x, i);
  printf("visited %d\n", x);
  binop chosen = (x & 1) ? op_add : op_sub;
  printf("chosen %d\n", chosen(10, 3));
  printf("done\n");
  return 0;
}
