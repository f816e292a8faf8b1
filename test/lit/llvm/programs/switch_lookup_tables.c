// Switches that -O2 turns into constant lookup tables (@switch.table
// globals) or bit tests, returning ints, strings and doubles.
// RUN: python3 %src/utils/test/run-c-program.py --toyc %toyc --work %t %s
#include <stdio.h>

__attribute__((noinline)) int days_in_month(int m) {
  switch (m) {
  case 1: return 31; case 2: return 28; case 3: return 31; case 4: return 30;
  case 5: return 31; case 6: return 30; case 7: return 31; case 8: return 31;
  case 9: return 30; case 10: return 31; case 11: return 30; case 12: return 31;
  default: return 0;
  }
}
__attribute__((noinline)) const char *weekday(int d) {
  switch (d) {
  case 0: return "Sun"; case 1: return "Mon"; case 2: return "Tue"; case 3: return "Wed";
  case 4: return "Thu"; case 5: return "Fri"; case 6: return "Sat";
  default: return "???";
  }
}
__attribute__((noinline)) double weight(int k) {
  switch (k) {
  case 0: return 0.5; case 1: return 1.25; case 2: return -3.0; case 3: return 1e10;
  case 4: return 0.1; default: return 0;
  }
}
__attribute__((noinline)) int is_vowel(char c) {
  switch (c) {
  case 'a': case 'e': case 'i': case 'o': case 'u': case 'A': case 'E': case 'I': case 'O': case 'U': return 1;
  default: return 0;
  }
}
__attribute__((noinline)) long long big_vals(unsigned k) {
  switch (k) {
  case 0: return 1LL << 40; case 1: return -5; case 2: return 123456789012345LL; case 3: return 0;
  default: return -1;
  }
}

int main(void) {
  int total = 0;
  for (int m = 0; m <= 13; m++) total = total * 2 + days_in_month(m);
  printf("days %d\n", total);
  for (int d = -1; d < 9; d++) printf("%s ", weekday(d));
  printf("\n");
  double w = 0;
  for (int k = -1; k < 7; k++) w = w * 1.5 + weight(k);
  printf("weight %.17g\n", w);
  const char *s = "The quick brown fox jumps over the lazy dog, EVIDENTLY";
  int vowels = 0;
  for (const char *p = s; *p; p++) vowels += is_vowel(*p);
  printf("vowels %d\n", vowels);
  for (unsigned k = 0; k < 6; k++) printf("%lld ", big_vals(k));
  printf("\n");
  printf("done\n");
  return 0;
}
