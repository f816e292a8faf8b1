/* printf of integers of every width, with flags, widths and precisions. */
#include <inttypes.h>
#include <limits.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

int main(void) {
  signed char sc[] = {SCHAR_MIN, -1, 0, 1, SCHAR_MAX};
  for (int i = 0; i < 5; i++) printf("hhd=%hhd hhu=%hhu hhx=%hhx\n", sc[i], sc[i], sc[i]);
  short s[] = {SHRT_MIN, -300, 0, 300, SHRT_MAX};
  for (int i = 0; i < 5; i++) printf("hd=%hd hu=%hu ho=%ho\n", s[i], s[i], s[i]);
  int n[] = {INT_MIN, -123456, -1, 0, 1, 65536, INT_MAX};
  for (int i = 0; i < 7; i++)
    printf("d=%d i=%i u=%u x=%x X=%X o=%o\n", n[i], n[i], (unsigned)n[i], n[i], n[i], n[i]);
  long l[] = {LONG_MIN, -1L, LONG_MAX};
  for (int i = 0; i < 3; i++) printf("ld=%ld lu=%lu lx=%lx\n", l[i], (unsigned long)l[i], l[i]);
  long long ll[] = {LLONG_MIN, -1234567890123LL, 0, 9876543210987LL, LLONG_MAX};
  for (int i = 0; i < 5; i++)
    printf("lld=%lld llu=%llu llx=%llx llo=%llo\n", ll[i], (unsigned long long)ll[i], ll[i], ll[i]);
  printf("ULLONG_MAX=%llu\n", ULLONG_MAX);

  int8_t a = INT8_MIN; int16_t b = INT16_MIN; int32_t c = INT32_MIN; int64_t d = INT64_MIN;
  uint8_t e = UINT8_MAX; uint16_t f = UINT16_MAX; uint32_t g = UINT32_MAX; uint64_t h = UINT64_MAX;
  printf("%" PRId8 " %" PRId16 " %" PRId32 " %" PRId64 "\n", a, b, c, d);
  printf("%" PRIu8 " %" PRIu16 " %" PRIu32 " %" PRIu64 "\n", e, f, g, h);
  printf("%" PRIx8 " %" PRIx16 " %" PRIx32 " %" PRIx64 "\n", e, f, g, h);
  intmax_t im = INTMAX_MIN; uintmax_t um = UINTMAX_MAX;
  printf("jd=%jd ju=%ju\n", im, um);
  size_t z = (size_t)-1; ptrdiff_t t = PTRDIFF_MIN;
  printf("zu=%zu zd=%zd td=%td\n", z, (ptrdiff_t)z, t);

  printf("[%8d] [%-8d] [%08d] [%+d] [% d] [%+.3d]\n", 42, 42, 42, 42, 42, 7);
  printf("[%#x] [%#o] [%#X] [%#llx]\n", 255, 8, 48879, 0xdeadbeefcafeULL);
  printf("[%*d] [%-*d] [%.*d]\n", 6, -5, 6, -5, 4, 3);
  printf("[%.0d] [%5.0d] [%x]\n", 0, 0, 0);
  printf("[%c%c%c] [%5c] [%-3c|]\n", 'a', 'b', 'c', 'R', 'L');
  printf("[%%] [%s] [%10.3s] [%-6s|]\n", "str", "truncate", "ab");
  int count;
  printf("counted%n:", &count);
  printf(" %d\n", count);
  for (int shift = 0; shift < 64; shift += 7)
    printf("1<<%2d = %20llu %16llx\n", shift, 1ULL << shift, 1ULL << shift);
  return 0;
}
