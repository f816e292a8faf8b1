#include <stdarg.h>
#include <stdio.h>
#include <string.h>

int log_lines;
static const char *const level_names[] = {"debug", "info", "warn", "error"};

void log_msg(int level, const char *fmt, ...) {
  if (level < 1) return;
  va_list ap;
  va_start(ap, fmt);
  printf("[%s] ", level_names[level]);
  vprintf(fmt, ap);
  va_end(ap);
  putchar('\n');
  log_lines++;
}

/* Formats the arguments twice, through a va_copy, and joins the results. */
int format_twice(char *buf, size_t len, const char *fmt, ...) {
  va_list ap, again;
  va_start(ap, fmt);
  va_copy(again, ap);
  int n = vsnprintf(buf, len, fmt, ap);
  if (n >= 0 && (size_t)n < len) {
    buf[n++] = '|';
    n += vsnprintf(buf + n, len - n, fmt, again);
  }
  va_end(again);
  va_end(ap);
  return n;
}
