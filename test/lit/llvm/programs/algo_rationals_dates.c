// Exact rational arithmetic with 64-bit numerators and gcd normalization
// (continued fractions, Egyptian fractions), and calendar arithmetic: day of
// week, days between dates, leap years, Julian day numbers.
// RUN: python3 %src/utils/test/run-c-program.py --toyc %toyc --work %t %s
#include <stdint.h>
#include <stdio.h>

typedef struct { int64_t n, d; } rat;
static int64_t gcd(int64_t a, int64_t b) {
  if (a < 0) a = -a;
  if (b < 0) b = -b;
  while (b) {
    int64_t t = a % b;
    a = b;
    b = t;
  }
  return a;
}
static rat mk(int64_t n, int64_t d) {
  if (d < 0) {
    n = -n;
    d = -d;
  }
  int64_t g = gcd(n, d);
  return (rat){n / g, d / g};
}
static rat add(rat a, rat b) { return mk(a.n * b.d + b.n * a.d, a.d * b.d); }
static rat mulr(rat a, rat b) { return mk(a.n * b.n, a.d * b.d); }
static rat sub(rat a, rat b) { return add(a, (rat){-b.n, b.d}); }

static int leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }
static long jdn(int y, int m, int d) {
  int a = (14 - m) / 12;
  long yy = y + 4800 - a, mm = m + 12 * a - 3;
  return d + (153 * mm + 2) / 5 + 365 * yy + yy / 4 - yy / 100 + yy / 400 - 32045;
}
static const char *dow(int y, int m, int d) {
  static const char *names[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
  return names[jdn(y, m, d) % 7];
}

int main(void) {
  rat h = {0, 1};
  for (int i = 1; i <= 20; i++) h = add(h, mk(1, i));
  printf("H20 = %lld/%lld\n", (long long)h.n, (long long)h.d);
  rat x = mk(415, 93);
  printf("cf 415/93 =");
  while (x.d) {
    int64_t q = x.n / x.d;
    printf(" %lld", (long long)q);
    x = (rat){x.d, x.n - q * x.d};
  }
  printf("\n");
  rat e = mk(7, 15);
  printf("egyptian 7/15 =");
  while (e.n) {
    int64_t den = (e.d + e.n - 1) / e.n;
    printf(" 1/%lld", (long long)den);
    e = sub(e, mk(1, den));
  }
  printf("\n");
  rat p = {1, 1};
  for (int i = 2; i <= 12; i++) p = mulr(p, mk(i * i - 1, i * i));
  printf("prod = %lld/%lld\n", (long long)p.n, (long long)p.d);
  int dates[][3] = {{2000, 1, 1}, {1969, 7, 20}, {2024, 2, 29}, {1900, 3, 1}, {2100, 12, 31}, {1582, 10, 15}};
  for (int i = 0; i < 6; i++)
    printf("%04d-%02d-%02d %s jdn %ld leap %d\n", dates[i][0], dates[i][1], dates[i][2],
           dow(dates[i][0], dates[i][1], dates[i][2]), jdn(dates[i][0], dates[i][1], dates[i][2]), leap(dates[i][0]));
  printf("days 1969-07-20..2000-01-01 = %ld\n", jdn(2000, 1, 1) - jdn(1969, 7, 20));
  int leaps = 0;
  for (int y = 1600; y <= 2400; y++) leaps += leap(y);
  printf("leap years 1600-2400: %d\n", leaps);
  printf("done\n");
  return 0;
}
