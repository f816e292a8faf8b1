// An expression evaluator: tokenizer plus precedence-climbing parser over
// integers with + - * / % ^ (right-assoc), unary minus, parentheses,
// variables and function calls; errors reported by position.
// RUN: python3 %src/utils/test/run-c-program.py --toyc %toyc --work %t %s
#include <stdio.h>
#include <string.h>

static const char *p;
static int error_at = -1;
static const char *start;
static long long vars[26];

static long long expr(int min_prec);
static void skip(void) { while (*p == ' ') p++; }
static long long ipow(long long b, long long e) {
  long long r = 1;
  while (e-- > 0) r *= b;
  return r;
}
static long long primary(void) {
  skip();
  if (*p == '(') {
    p++;
    long long v = expr(0);
    skip();
    if (*p != ')') {
      if (error_at < 0) error_at = (int)(p - start);
      return 0;
    }
    p++;
    return v;
  }
  if (*p == '-') {
    p++;
    return -primary();
  }
  if (*p >= '0' && *p <= '9') {
    long long v = 0;
    while (*p >= '0' && *p <= '9') v = v * 10 + (*p++ - '0');
    return v;
  }
  if (!strncmp(p, "max(", 4) || !strncmp(p, "min(", 4)) {
    int is_max = p[1] == 'a';
    p += 4;
    long long a = expr(0);
    skip();
    if (*p == ',') p++;
    long long b = expr(0);
    skip();
    if (*p == ')') p++;
    return is_max ? (a > b ? a : b) : (a < b ? a : b);
  }
  if (*p >= 'a' && *p <= 'z') return vars[*p++ - 'a'];
  if (error_at < 0) error_at = (int)(p - start);
  return 0;
}
static int prec(char op) {
  switch (op) {
  case '+': case '-': return 1;
  case '*': case '/': case '%': return 2;
  case '^': return 3;
  default: return -1;
  }
}
static long long expr(int min_prec) {
  long long lhs = primary();
  for (;;) {
    skip();
    char op = *p;
    int pr = prec(op);
    if (pr < 0 || pr < min_prec) return lhs;
    p++;
    long long rhs = expr(op == '^' ? pr : pr + 1);
    switch (op) {
    case '+': lhs += rhs; break;
    case '-': lhs -= rhs; break;
    case '*': lhs *= rhs; break;
    case '/': lhs = rhs ? lhs / rhs : 0; break;
    case '%': lhs = rhs ? lhs % rhs : 0; break;
    case '^': lhs = ipow(lhs, rhs); break;
    }
  }
}
static void eval(const char *s) {
  start = p = s;
  error_at = -1;
  long long v = expr(0);
  skip();
  if (*p && error_at < 0) error_at = (int)(p - start);
  if (error_at >= 0) printf("%-28s => error at %d\n", s, error_at);
  else printf("%-28s => %lld\n", s, v);
}

int main(void) {
  for (int i = 0; i < 26; i++) vars[i] = i * i - 10;
  eval("1 + 2 * 3");
  eval("(1 + 2) * 3");
  eval("2 ^ 3 ^ 2");
  eval("-7 / 2 + -7 % 3");
  eval("100 - 3 - 2 - 1");
  eval("max(3, 9) * min(-2, 4)");
  eval("a + b * c - d ^ 2");
  eval("((((((1))))))+z");
  eval("2 ^ 62 + (2 ^ 62 - 1) * 1");
  eval("1 + * 2");
  eval("(1 + 2");
  eval("3 4");
  printf("done\n");
  return 0;
}
