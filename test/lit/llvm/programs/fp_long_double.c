// long double is IEEE binary128 on wasm32 (fp128 in the IR): arithmetic,
// comparisons and conversions go through compiler-rt soft-float calls
// (__addtf3, __multf3, __divtf3, __extenddftf2, __fixtfdi, ...).  Values are
// printed as raw bits and through double: printf's %Lg needs
// -lc-printscan-long-double, which clang does not link by default.
// RUN: python3 %src/utils/test/run-c-program.py --toyc %toyc --work %t %s
// NOT-PORTABLE: the host's long double is the x87 80-bit format
#include <stdint.h>
#include <stdio.h>
#include <string.h>

__attribute__((noinline)) long double ld_add(long double a, long double b) { return a + b; }
__attribute__((noinline)) long double ld_sub(long double a, long double b) { return a - b; }
__attribute__((noinline)) long double ld_mul(long double a, long double b) { return a * b; }
__attribute__((noinline)) long double ld_div(long double a, long double b) { return a / b; }
__attribute__((noinline)) int ld_lt(long double a, long double b) { return a < b; }
__attribute__((noinline)) int ld_eq(long double a, long double b) { return a == b; }
__attribute__((noinline)) long double from_d(double d) { return d; }
__attribute__((noinline)) double to_d(long double x) { return (double)x; }
__attribute__((noinline)) long long to_ll(long double x) { return (long long)x; }
__attribute__((noinline)) long double from_ll(long long x) { return x; }

static void show(const char *tag, long double x) {
  uint64_t w[2];
  memcpy(w, &x, 16);
  printf("%s %016llx%016llx (%.17g)\n", tag, (unsigned long long)w[1], (unsigned long long)w[0], to_d(x));
}

int main(void) {
  long double third = ld_div(1.0L, 3.0L);
  show("third", third);
  show("third*3", ld_mul(third, 3.0L));
  show("1-third*3", ld_sub(1.0L, ld_mul(third, 3.0L)));
  long double big = from_ll(9007199254740993LL);
  show("big+1", ld_add(big, 1.0L));
  printf("lt %d %d eq %d\n", ld_lt(big, 9007199254740992.0L), ld_lt(third, 0.34L), ld_eq(big, big));
  printf("to_ll %lld %lld\n", to_ll(ld_mul(from_d(1e15), 7.5L)), to_ll(big));
  long double s = 0;
  for (int i = 1; i <= 50; i++) s = ld_add(s, ld_div(1.0L, (long double)i * i));
  show("basel", s);
  printf("sizeof %u\n", (unsigned)sizeof(long double));
  printf("done\n");
  return 0;
}
