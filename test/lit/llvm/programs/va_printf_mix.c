// printf with many mixed arguments: every integer length modifier, chars,
// strings with precision, doubles next to ints (the varargs buffer layout
// aligns 8-byte values), %n-free, widths from '*' arguments.
// RUN: python3 %src/utils/test/run-c-program.py --toyc %toyc --work %t %s
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

int main(void) {
  signed char sc = -5;
  unsigned char uc = 250;
  short ss = -12345;
  unsigned short us = 54321;
  long long ll = -1234567890123456789LL;
  unsigned long long ull = 18446744073709551615ull;
  double d = 2.718281828459045;
  float f = 1.25f;
  printf("%hhd %hhu %hd %hu %d %u %lld %llu\n", sc, uc, ss, us, -7, 7u, ll, ull);
  printf("%d %f %d %e %d %g %lld %c\n", 1, d, 2, d, 3, (double)f, ll, 'Z');
  printf("%x %X %o %#x %#o %08x %-8x| %+d % d\n", 0xbeefu, 0xbeefu, 0777u, 255u, 8u, 0x1234u, 0xabu, 5, 5);
  printf("%llx %llX %llo\n", 0xfedcba9876543210ull, 0x0123456789abcdefull, 01777777777777777777777ull);
  printf("[%s] [%10s] [%-10s] [%.3s] [%*s] [%-*.*s]\n", "str", "right", "left", "truncate", 6, "star", 8, 2, "xyz");
  printf("[%*d] [%-*d] [%.*f] [%0*d]\n", 5, 42, 5, 42, 3, 3.14159, 6, -42);
  printf("%c%c%c%c %%\n", 'a', 98, (char)99, 'd' + 1);
  printf("%jd %zu %td %ju\n", (intmax_t)-99, (size_t)12345, (ptrdiff_t)-8, (uintmax_t)77);
  printf("%d %lld %d %lld %d %f %d\n", 1, 2LL, 3, 4LL, 5, 6.0, 7);
  printf("%f %d %f %d %f %d %f %d %f %d %f\n", 0.5, 1, 1.5, 2, 2.5, 3, 3.5, 4, 4.5, 5, 5.5);
  int n = printf("count me\n");
  printf("printed %d\n", n);
  printf("done\n");
  return 0;
}
