// Structs and wide values through varargs: structs by value in variadic
// calls, a mix of i32/i64/f64 alignment in the buffer.
// RUN: python3 %src/utils/test/run-c-program.py --toyc %toyc --work %t %s
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>

struct pt { int x, y; };
struct big { double a; long long b; char c[5]; };

__attribute__((noinline)) void show(const char *kinds, ...) {
  va_list ap;
  va_start(ap, kinds);
  for (const char *k = kinds; *k; k++) {
    switch (*k) {
    case 'i': printf("i%d ", va_arg(ap, int)); break;
    case 'l': printf("l%lld ", va_arg(ap, long long)); break;
    case 'd': printf("d%g ", va_arg(ap, double)); break;
    case 'p': {
      struct pt p = va_arg(ap, struct pt);
      printf("p(%d,%d) ", p.x, p.y);
      break;
    }
    case 'b': {
      struct big b = va_arg(ap, struct big);
      printf("b(%g,%lld,%s) ", b.a, b.b, b.c);
      break;
    }
    }
  }
  va_end(ap);
  printf("\n");
}

int main(void) {
  struct pt p = {3, -4};
  struct big b = {1.5, -99, "abcd"};
  show("ipi", 1, p, 2);
  show("dbl", 0.25, b, 123456789012LL);
  show("ldildi", 7LL, 8.5, 9, 10LL, 11.5, 12);
  show("bpbp", b, p, b, (struct pt){-1, -2});
  show("iiiiiiiiiid", 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11.0);
  printf("done\n");
  return 0;
}
