// String to number conversions: strtol/strtoul/strtoll in bases 0, 2, 8,
// 16, 36 with end pointers, atoi/atol, strtod, and number-to-string
// conversion written by hand.
// RUN: python3 %src/utils/test/run-c-program.py --toyc %toyc --work %t %s
#include <stdio.h>
#include <stdlib.h>

static void utoa_base(unsigned long long v, int base, char *out) {
  char tmp[70];
  int n = 0;
  do {
    int d = (int)(v % (unsigned)base);
    tmp[n++] = (char)(d < 10 ? '0' + d : 'a' + d - 10);
    v /= (unsigned)base;
  } while (v);
  for (int i = 0; i < n; i++) out[i] = tmp[n - 1 - i];
  out[n] = 0;
}

int main(void) {
  const char *ins[] = {"42", "-17xyz", "  +0x1fZ", "0777", "0b101", "zz", "2147483647", "-2147483648", "   12 34", ""};
  int bases[] = {0, 10, 16, 8, 2, 36};
  for (int i = 0; i < 10; i++) {
    printf("'%s':", ins[i]);
    for (int b = 0; b < 6; b++) {
      char *end;
      long long v = strtoll(ins[i], &end, bases[b]);
      printf(" b%d=%lld+%d", bases[b], v, (int)(end - ins[i]));
    }
    printf(" atoi=%d\n", atoi(ins[i]));
  }
  char *end;
  printf("strtoul %lu %lu\n", strtoul("4294967295", &end, 10), strtoul("ffff", &end, 16));
  printf("strtoull %llu\n", strtoull("18446744073709551615", &end, 10));
  const char *ds[] = {"3.25", "-1e-3", "6.02214076e23", "0x1.8p1", "inf", "  .5e+2xyz", "1e400", "abc"};
  for (int i = 0; i < 8; i++) {
    double d = strtod(ds[i], &end);
    printf("strtod '%s' %.17g used %d\n", ds[i], d, (int)(end - ds[i]));
  }
  char out[70];
  unsigned long long vals[] = {0, 255, 1000000, 18446744073709551615ull};
  for (int i = 0; i < 4; i++) {
    printf("%llu:", vals[i]);
    for (int b = 2; b <= 36; b += 7) {
      utoa_base(vals[i], b, out);
      printf(" %s", out);
      if (strtoull(out, &end, b) != vals[i]) printf("(FAIL)");
    }
    printf("\n");
  }
  printf("done\n");
  return 0;
}
