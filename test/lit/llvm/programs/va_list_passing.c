// va_list handed to other functions: vsnprintf/vprintf wrappers, va_copy to
// walk the arguments twice, a va_list passed by pointer and consumed by a
// helper, nested variadic calls.
// RUN: python3 %src/utils/test/run-c-program.py --toyc %toyc --work %t %s
#include <stdarg.h>
#include <stdio.h>

static char logbuf[512];
static int logpos;

__attribute__((noinline)) void logf_(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(logbuf + logpos, sizeof logbuf - (unsigned)logpos, fmt, ap);
  va_end(ap);
  if (n > 0) logpos += n;
}
__attribute__((noinline)) int vcount_and_sum(int n, va_list ap, long *sum) {
  va_list copy;
  va_copy(copy, ap);
  long s = 0;
  for (int i = 0; i < n; i++) s += va_arg(copy, int);
  va_end(copy);
  *sum = s;
  int pos = 0;
  for (int i = 0; i < n; i++) pos += va_arg(ap, int) > 0;
  return pos;
}
__attribute__((noinline)) int stats(int n, ...) {
  va_list ap;
  va_start(ap, n);
  long sum;
  int pos = vcount_and_sum(n, ap, &sum);
  va_end(ap);
  printf("stats n=%d positive=%d sum=%ld\n", n, pos, sum);
  return pos;
}
static int take_two(va_list *ap) {
  int a = va_arg(*ap, int);
  int b = va_arg(*ap, int);
  return a * 10 + b;
}
__attribute__((noinline)) void pairs(int n, ...) {
  va_list ap;
  va_start(ap, n);
  for (int i = 0; i < n; i++) printf("pair %d\n", take_two(&ap));
  va_end(ap);
}
__attribute__((noinline)) void myprintf(const char *fmt, ...) {
  va_list ap, ap2;
  va_start(ap, fmt);
  va_copy(ap2, ap);
  vprintf(fmt, ap);
  char tmp[128];
  vsnprintf(tmp, sizeof tmp, fmt, ap2);
  va_end(ap2);
  va_end(ap);
  printf("again: %s", tmp);
}

int main(void) {
  logf_("%d-%s;", 1, "one");
  logf_("%.2f;", 2.5);
  logf_("%lld;", -3LL);
  printf("log %s\n", logbuf);
  stats(5, 1, -2, 3, -4, 5);
  stats(0);
  pairs(3, 1, 2, 3, 4, 5, 6);
  myprintf("%s %d %g %c\n", "mixed", 42, 0.125, '!');
  printf("done\n");
  return 0;
}
