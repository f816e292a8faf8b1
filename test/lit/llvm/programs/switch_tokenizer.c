// A tokenizer driven by a switch on characters, with nested switches,
// fall-through, and a switch on token kinds (an enum).
// RUN: python3 %src/utils/test/run-c-program.py --toyc %toyc --work %t %s
#include <stdio.h>

enum kind { T_NUM, T_IDENT, T_OP, T_LPAREN, T_RPAREN, T_STR, T_END, T_BAD };
struct tok { enum kind k; int len; long val; };

__attribute__((noinline)) struct tok next(const char **pp) {
  const char *p = *pp;
  struct tok t = {T_END, 0, 0};
  while (*p == ' ' || *p == '\t' || *p == '\n') p++;
  const char *start = p;
  switch (*p) {
  case 0: break;
  case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': case '8': case '9':
    t.k = T_NUM;
    while (*p >= '0' && *p <= '9') t.val = t.val * 10 + (*p++ - '0');
    break;
  case '(': t.k = T_LPAREN; p++; break;
  case ')': t.k = T_RPAREN; p++; break;
  case '"':
    t.k = T_STR;
    p++;
    while (*p && *p != '"') p++;
    if (*p) p++;
    break;
  case '<': case '>': case '=': case '!':
    t.k = T_OP;
    t.val = *p++;
    if (*p == '=') {
      t.val = t.val * 256 + '=';
      p++;
    }
    break;
  case '+': case '-': case '*': case '/': case '%':
    t.k = T_OP;
    t.val = *p++;
    break;
  default:
    if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || *p == '_') {
      t.k = T_IDENT;
      while ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || *p == '_' || (*p >= '0' && *p <= '9')) p++;
    } else {
      t.k = T_BAD;
      p++;
    }
  }
  t.len = (int)(p - start);
  *pp = p;
  return t;
}
static const char *kind_name(enum kind k) {
  switch (k) {
  case T_NUM: return "num";
  case T_IDENT: return "ident";
  case T_OP: return "op";
  case T_LPAREN: return "(";
  case T_RPAREN: return ")";
  case T_STR: return "str";
  case T_END: return "end";
  case T_BAD: return "bad";
  }
  return "?";
}

int main(void) {
  const char *src = "count = (alpha_1 + 42) * beta >= 7 != \"a string\" % x9 <= 100 @ done_";
  const char *p = src;
  int counts[8] = {0};
  for (;;) {
    struct tok t = next(&p);
    counts[t.k]++;
    printf("%s:%.*s", kind_name(t.k), t.len, p - t.len);
    if (t.k == T_NUM || t.k == T_OP) printf("=%ld", t.val);
    printf(" ");
    if (t.k == T_END) break;
  }
  printf("\n");
  for (int i = 0; i < 8; i++) printf("%d ", counts[i]);
  printf("\n");
  printf("done\n");
  return 0;
}
