// Number formatting without printf's help: integer to decimal/hex with
// signs and grouping, fixed-point double formatting by integer arithmetic,
// and parsing back; compared against printf's own output.
// RUN: python3 %src/utils/test/run-c-program.py --toyc %toyc --work %t %s
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *fmt_i64(int64_t v, char *buf, int group) {
  char tmp[32];
  int n = 0, digits = 0;
  uint64_t u = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
  do {
    if (group && digits && digits % 3 == 0) tmp[n++] = ',';
    tmp[n++] = (char)('0' + u % 10);
    u /= 10;
    digits++;
  } while (u);
  if (v < 0) tmp[n++] = '-';
  for (int i = 0; i < n; i++) buf[i] = tmp[n - 1 - i];
  buf[n] = 0;
  return buf;
}
static char *fmt_hex(uint64_t v, char *buf) {
  static const char hex[] = "0123456789abcdef";
  int n = 0;
  char tmp[20];
  do {
    tmp[n++] = hex[v & 15];
    v >>= 4;
  } while (v);
  for (int i = 0; i < n; i++) buf[i] = tmp[n - 1 - i];
  buf[n] = 0;
  return buf;
}
// Formats |d| < 1e13 with `prec` decimals, rounding half away from zero on
// the exact binary value's decimal expansion truncated to prec+1 digits.
static char *fmt_fixed(double d, int prec, char *buf) {
  int neg = d < 0;
  if (neg) d = -d;
  uint64_t scale = 1;
  for (int i = 0; i < prec; i++) scale *= 10;
  double scaled = d * (double)scale;
  uint64_t v = (uint64_t)scaled;
  if (scaled - (double)v >= 0.5) v++;
  uint64_t ip = v / scale, fp = v % scale;
  char ib[32];
  fmt_i64((int64_t)ip, ib, 0);
  int n = sprintf(buf, "%s%s", neg ? "-" : "", ib);
  if (prec) {
    buf[n++] = '.';
    for (int i = prec - 1; i >= 0; i--) {
      buf[n + i] = (char)('0' + fp % 10);
      fp /= 10;
    }
    n += prec;
  }
  buf[n] = 0;
  return buf;
}

int main(void) {
  int64_t ints[] = {0, 7, -7, 1000, -999999, 1234567890123LL, INT64_MAX, INT64_MIN};
  char a[64], b[64], grouped[64], hex[64];
  for (int i = 0; i < 8; i++) {
    fmt_i64(ints[i], a, 0);
    snprintf(b, sizeof b, "%lld", (long long)ints[i]);
    fmt_i64(ints[i], grouped, 1);
    fmt_hex((uint64_t)ints[i], hex);
    printf("%s %s %s %s\n", a, strcmp(a, b) ? "MISMATCH" : "ok", grouped, hex);
    if (strtoll(fmt_i64(ints[i], a, 0), NULL, 10) != ints[i]) printf("parse FAIL\n");
  }
  double ds[] = {0.0, 1.5, -2.25, 3.14159265, 123456.789, 0.005, 1e12 + 0.25, -0.000049};
  for (int i = 0; i < 8; i++)
    for (int p = 0; p <= 6; p += 3) printf("%s|", fmt_fixed(ds[i], p, a));
  printf("\n");
  printf("done\n");
  return 0;
}
