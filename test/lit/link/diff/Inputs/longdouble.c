/* long double is IEEE binary128 on wasm32: arithmetic goes through
   compiler-rt soft-float builtins and printing needs -lc-printscan-long-double. */
#include <float.h>
#include <stdio.h>

static volatile long double third = 1.0L / 3.0L;

int main(void) {
  long double x = third, acc = 0;
  for (int i = 1; i <= 30; i++) acc += x / i;
  printf("third=%.33Lg\n", x);
  printf("acc=%.30Lf\n", acc);
  printf("LDBL_EPSILON=%Le LDBL_MAX=%Lg\n", LDBL_EPSILON, LDBL_MAX);
  printf("mant_dig=%d as double=%.17g\n", LDBL_MANT_DIG, (double)acc);
  long double big = (long double)(1ULL << 63) * 4 + 1;
  printf("big=%.0Lf cmp=%d\n", big, big > (long double)(1ULL << 63));
  long double parsed;
  sscanf("2.718281828459045235360287471352662", "%Lf", &parsed);
  printf("parsed=%.34Lg hex=%La\n", parsed, parsed);
  return 0;
}
