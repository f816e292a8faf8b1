// User variadic functions: integer and double sums, a mini formatter that
// walks a format string with va_arg of int/long long/double/char*/pointer,
// sentinel-terminated lists.
// RUN: python3 %src/utils/test/run-c-program.py --toyc %toyc --work %t %s
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

__attribute__((noinline)) int sum_ints(int n, ...) {
  va_list ap;
  va_start(ap, n);
  int s = 0;
  for (int i = 0; i < n; i++) s += va_arg(ap, int);
  va_end(ap);
  return s;
}
__attribute__((noinline)) double mean(int n, ...) {
  va_list ap;
  va_start(ap, n);
  double s = 0;
  for (int i = 0; i < n; i++) s += va_arg(ap, double);
  va_end(ap);
  return n ? s / n : 0;
}
__attribute__((noinline)) int concat(char *out, ...) {
  va_list ap;
  va_start(ap, out);
  out[0] = 0;
  int count = 0;
  const char *s;
  while ((s = va_arg(ap, const char *)) != NULL) {
    strcat(out, s);
    count++;
  }
  va_end(ap);
  return count;
}
__attribute__((noinline)) void mini_format(char *out, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  char *o = out;
  for (const char *p = fmt; *p; p++) {
    if (*p != '%') {
      *o++ = *p;
      continue;
    }
    switch (*++p) {
    case 'i': o += sprintf(o, "<i:%d>", va_arg(ap, int)); break;
    case 'L': o += sprintf(o, "<L:%lld>", va_arg(ap, long long)); break;
    case 'f': o += sprintf(o, "<f:%.3f>", va_arg(ap, double)); break;
    case 's': o += sprintf(o, "<s:%s>", va_arg(ap, const char *)); break;
    case 'c': o += sprintf(o, "<c:%c>", (char)va_arg(ap, int)); break;
    case 'p': o += sprintf(o, "<p:%d>", *va_arg(ap, int *)); break;
    default: *o++ = '?';
    }
  }
  *o = 0;
  va_end(ap);
}
__attribute__((noinline)) long long sum_mixed(int n, ...) {
  va_list ap;
  va_start(ap, n);
  long long s = 0;
  for (int i = 0; i < n; i++) s += (i % 2) ? va_arg(ap, long long) : va_arg(ap, int);
  va_end(ap);
  return s;
}

int main(void) {
  printf("sum %d %d %d\n", sum_ints(0), sum_ints(3, 1, 2, 3), sum_ints(10, 1, -2, 3, -4, 5, -6, 7, -8, 9, 1000));
  printf("mean %.17g %.17g\n", mean(3, 1.0, 2.0, 4.0), mean(5, 0.1, 0.2, 0.3, 0.4, 1e10));
  char buf[256];
  int c = concat(buf, "alpha", "-", "beta", "-", "gamma", (const char *)NULL);
  printf("concat %d %s\n", c, buf);
  int v = 77;
  mini_format(buf, "x=%i y=%L z=%f s=%s c=%c p=%p %%q", -5, 1LL << 40, 2.0 / 3.0, "str", 'k', &v);
  printf("%s\n", buf);
  printf("mixed %lld\n", sum_mixed(6, 1, 10000000000LL, 2, 20000000000LL, 3, -1LL));
  printf("done\n");
  return 0;
}
