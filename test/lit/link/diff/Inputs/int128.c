/* 64-bit and 128-bit integer arithmetic. Division, modulo and multiplication
   of __int128 come from compiler-rt builtins (__divti3, __udivti3, __modti3,
   __umodti3, __multi3, shifts), so those archive members get linked. */
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

typedef unsigned __int128 u128;
typedef __int128 i128;

static char *u128_str(u128 v, char *buf) {
  char tmp[48];
  int n = 0;
  do { tmp[n++] = (char)('0' + (int)(v % 10)); v /= 10; } while (v);
  for (int i = 0; i < n; i++) buf[i] = tmp[n - 1 - i];
  buf[n] = 0;
  return buf;
}

static char *i128_str(i128 v, char *buf) {
  if (v < 0) { buf[0] = '-'; u128_str(-(u128)v, buf + 1); return buf; }
  return u128_str((u128)v, buf);
}

static u128 factorial(unsigned n) { return n < 2 ? 1 : n * factorial(n - 1); }

/* volatile operands keep the optimiser from folding the builtin calls away */
static volatile int64_t vs[] = {INT64_MAX, INT64_MIN + 1, -7, 123456789012345LL, 1, -1};
static volatile uint64_t vu[] = {UINT64_MAX, 0x8000000000000000ULL, 3, 10000000000ULL};

int main(void) {
  char a[48], b[48], c[48];
  for (int i = 0; i < 6; i++)
    for (int j = 0; j < 6; j++) {
      int64_t x = vs[i], y = vs[j];
      if (y == -1 && x == INT64_MIN) continue;
      printf("%" PRId64 " / %" PRId64 " = %" PRId64 " r %" PRId64 "\n", x, y, x / y, x % y);
    }
  for (int i = 0; i < 4; i++)
    for (int j = 0; j < 4; j++) {
      uint64_t x = vu[i], y = vu[j];
      printf("%" PRIu64 " /u %" PRIu64 " = %" PRIu64 " r %" PRIu64 " mul=%" PRIx64 "\n", x, y,
             x / y, x % y, x * y);
    }
  for (unsigned n = 20; n <= 34; n += 2) printf("%u! = %s\n", n, u128_str(factorial(n), a));
  u128 big = (u128)vu[0] * vu[0];
  printf("(2^64-1)^2 = %s\n", u128_str(big, a));
  printf("  hi=%016" PRIx64 " lo=%016" PRIx64 "\n", (uint64_t)(big >> 64), (uint64_t)big);
  i128 s = (i128)vs[1] * vs[0] + (i128)vs[2] * vs[3];
  printf("signed product = %s\n", i128_str(s, a));
  i128 q = s / (i128)vs[3], r = s % (i128)vs[3];
  printf("  / %lld = %s rem %s\n", (long long)vs[3], i128_str(q, b), i128_str(r, c));
  printf("  check: %d\n", q * (i128)vs[3] + r == s);
  u128 m = ((u128)1 << 127) - 1; /* 2^127 - 1, a Mersenne prime */
  printf("2^127-1 = %s\n", u128_str(m, a));
  printf("  mod 1e18 = %s, >> 70 = %s\n", u128_str(m % 1000000000000000000ULL, b),
         u128_str(m >> (vu[2] * 23 + 1), c));
  for (int sh = 0; sh < 128; sh += 37) {
    u128 v = m >> sh;
    printf("  shifted %3d: %s\n", sh, u128_str(v << (sh / 2), a));
  }
  int64_t ov;
  printf("mul_overflow: %d ", __builtin_mul_overflow((int64_t)vs[0], (int64_t)2, &ov));
  printf("%d (%" PRId64 ")\n", __builtin_mul_overflow((int64_t)vs[3], (int64_t)1000, &ov), ov);
  printf("clz=%d ctz=%d popcount=%d\n", __builtin_clzll(vu[3]), __builtin_ctzll(vu[3]),
         __builtin_popcountll(vu[3]));
  double d = (double)big, dn = (double)s;
  printf("u128 -> double %.17g, i128 -> double %.17g\n", d, dn);
  u128 back = (u128)1.0e30;
  printf("double -> u128 %s\n", u128_str(back, a));
  return 0;
}
