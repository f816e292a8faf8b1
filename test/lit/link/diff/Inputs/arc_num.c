#include "arc.h"

const int num_primes[10] = {2, 3, 5, 7, 11, 13, 17, 19, 23, 29};
int num_calls; /* read by arc_text.c */

long num_gcd(long a, long b) {
  num_calls++;
  while (b) { long t = a % b; a = b; b = t; }
  return a;
}

long num_isqrt(long v) {
  num_calls++;
  long lo = 0, hi = v < 2 ? v : v / 2 + 1;
  while (lo < hi) {
    long mid = lo + (hi - lo + 1) / 2;
    if (mid <= v / mid) lo = mid; else hi = mid - 1;
  }
  return lo;
}
