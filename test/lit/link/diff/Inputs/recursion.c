/* Recursion: Ackermann, naive Fibonacci, Towers of Hanoi, mutual recursion,
   a recursive descent expression parser and a deep recursion that needs the
   bigger stack given at link time (-z stack-size). */
#include <stdio.h>
#include <string.h>

static unsigned ackermann(unsigned m, unsigned n) {
  if (m == 0) return n + 1;
  if (n == 0) return ackermann(m - 1, 1);
  return ackermann(m - 1, ackermann(m, n - 1));
}

static unsigned long fib(unsigned n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }

static unsigned long moves;
static void hanoi(int n, char from, char to, char via, int show) {
  if (n == 0) return;
  hanoi(n - 1, from, via, to, show);
  moves++;
  if (show) printf("move disc %d %c->%c\n", n, from, to);
  hanoi(n - 1, via, to, from, show);
}

static int is_odd(unsigned n);
static int is_even(unsigned n) { return n == 0 ? 1 : is_odd(n - 1); }
static int is_odd(unsigned n) { return n == 0 ? 0 : is_even(n - 1); }

/* expr := term (('+'|'-') term)*, term := factor (('*'|'/') factor)*,
   factor := number | '(' expr ')' | '-' factor */
static const char *cur;
static long expr(void);
static long factor(void) {
  if (*cur == '(') { cur++; long v = expr(); cur++; return v; }
  if (*cur == '-') { cur++; return -factor(); }
  long v = 0;
  while (*cur >= '0' && *cur <= '9') v = v * 10 + (*cur++ - '0');
  return v;
}
static long term(void) {
  long v = factor();
  while (*cur == '*' || *cur == '/') {
    char op = *cur++;
    long r = factor();
    v = op == '*' ? v * r : (r ? v / r : 0);
  }
  return v;
}
static long expr(void) {
  long v = term();
  while (*cur == '+' || *cur == '-') {
    char op = *cur++;
    long r = term();
    v = op == '+' ? v + r : v - r;
  }
  return v;
}

/* Each frame keeps a buffer live so the recursion really uses stack. */
static unsigned deep(unsigned n, unsigned acc) {
  volatile char pad[200];
  memset((char *)pad, (int)(n & 0xff), sizeof pad);
  if (n == 0) return acc;
  unsigned r = deep(n - 1, acc * 31 + pad[n % 200]);
  return r ^ pad[7];
}

static void permutations(char *s, int k, int n, int *count) {
  if (k == n) { if (*count < 8) printf("perm %s\n", s); (*count)++; return; }
  for (int i = k; i < n; i++) {
    char t = s[k]; s[k] = s[i]; s[i] = t;
    permutations(s, k + 1, n, count);
    t = s[k]; s[k] = s[i]; s[i] = t;
  }
}

int main(void) {
  printf("ackermann(2,3)=%u ackermann(3,5)=%u\n", ackermann(2, 3), ackermann(3, 5));
  printf("fib(25)=%lu\n", fib(25));
  hanoi(3, 'A', 'C', 'B', 1);
  moves = 0;
  hanoi(16, 'A', 'C', 'B', 0);
  printf("hanoi(16) moves=%lu\n", moves);
  printf("is_even(1001)=%d is_odd(777)=%d\n", is_even(1001), is_odd(777));
  const char *exprs[] = {"1+2*3", "(1+2)*3", "-(4-10)*(2+3)/3", "2*(3*(4*(5+1)))-7"};
  for (int i = 0; i < 4; i++) {
    cur = exprs[i];
    printf("%s = %ld\n", exprs[i], expr());
  }
  printf("deep(3000)=%u\n", deep(3000, 1));
  char word[] = "wasm";
  int count = 0;
  permutations(word, 0, 4, &count);
  printf("permutations: %d\n", count);
  return 0;
}
