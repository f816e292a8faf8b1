/* Variadic functions: a vprintf-style logging wrapper (in varargs_log.c),
   va_copy, mixed int/double/long long/pointer arguments and a sentinel list. */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

void log_msg(int level, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
int format_twice(char *buf, size_t len, const char *fmt, ...);
extern int log_lines;

static long long sum_ints(int count, ...) {
  va_list ap;
  va_start(ap, count);
  long long s = 0;
  for (int i = 0; i < count; i++) s += va_arg(ap, int);
  va_end(ap);
  return s;
}

static double mean(int count, ...) {
  va_list ap;
  va_start(ap, count);
  double s = 0;
  for (int i = 0; i < count; i++) s += va_arg(ap, double);
  va_end(ap);
  return count ? s / count : 0;
}

/* kinds: i=int, L=long long, d=double, s=string, c=char (promoted) */
static void dump(const char *kinds, ...) {
  va_list ap;
  va_start(ap, kinds);
  for (const char *k = kinds; *k; k++) {
    switch (*k) {
    case 'i': printf("int:%d ", va_arg(ap, int)); break;
    case 'L': printf("ll:%lld ", va_arg(ap, long long)); break;
    case 'd': printf("dbl:%g ", va_arg(ap, double)); break;
    case 's': printf("str:%s ", va_arg(ap, const char *)); break;
    case 'c': printf("chr:%c ", (char)va_arg(ap, int)); break;
    }
  }
  va_end(ap);
  printf("\n");
}

static size_t concat(char *out, ...) {
  va_list ap;
  va_start(ap, out);
  out[0] = 0;
  for (const char *s = va_arg(ap, const char *); s; s = va_arg(ap, const char *)) strcat(out, s);
  va_end(ap);
  return strlen(out);
}

int main(void) {
  printf("sum_ints: %lld %lld %lld\n", sum_ints(0), sum_ints(3, 1, 2, 3),
         sum_ints(6, -1, 1000000, 7, 8, 9, 2147483647));
  printf("mean: %g %g\n", mean(2, 1.0, 2.0), mean(5, 1.5, 2.5, -3.0, 1e3, 0.25));
  dump("iLdsc", 42, 1LL << 50, 2.75, "text", 'Q');
  dump("dddiii", 1.0, 2.0, 3.0, 4, 5, 6);
  dump("LiLiL", -1LL, 2, INT64_MAX, -3, INT64_MIN);
  char buf[200];
  printf("concat: %zu [%s]\n", concat(buf, "a", "bb", "ccc", "", "dddd", (char *)NULL), buf);
  log_msg(1, "started with %d workers and %s mode", 4, "fast");
  log_msg(2, "ratio %.3f, total %lld", 0.125, 1LL << 40);
  log_msg(0, "suppressed %d", 99);
  log_msg(3, "%s/%s/%s %c%c %5.1f%%", "x", "y", "z", 'o', 'k', 99.5);
  int n = format_twice(buf, sizeof buf, "<%d:%s>", 7, "seven");
  printf("format_twice: %d [%s]\n", n, buf);
  printf("log lines: %d\n", log_lines);
  return 0;
}
