/* main lives in its own object; everything else comes from libdiff.a, built
   with llvm-ar from arc_num.c, arc_geom.c, arc_text.c and arc_unused.c. Only
   members that resolve a reference may be linked: arc_unused.o is never
   needed, so neither its constructor nor its definitions may appear. */
#include <stdio.h>
#include "arc.h"

/* Weak definitions: a strong definition in an extracted member replaces
   arc_policy; arc_tuning's strong twin sits in a member nothing pulls in. */
__attribute__((weak)) const char *arc_policy(void) { return "weak policy from main"; }
__attribute__((weak)) const char *arc_tuning(void) { return "weak tuning from main"; }

/* Weak reference to a function that only arc_unused.o defines. */
extern int unused_feature(void) __attribute__((weak));

int main(void) {
  text_banner("archive demo");
  for (int sides = 3; sides <= 8; sides++)
    printf("%-8s area(r=2)=%.6f\n", geom_name(sides), geom_area(sides, 2.0));
  printf("gcd(1071,462)=%ld isqrt(1000000007)=%ld\n", num_gcd(1071, 462), num_isqrt(1000000007));
  printf("primes:");
  for (int i = 0; i < 10; i++) printf(" %d", num_primes[i]);
  printf("\nwidth=%d\n", text_width());
  printf("policy: %s\n", arc_policy());
  printf("tuning: %s\n", arc_tuning());
  printf("unused_feature: %s\n", unused_feature ? "linked" : "not linked");
  return 0;
}
