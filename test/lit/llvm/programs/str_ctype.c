// <ctype.h> classification and case mapping over all 128 ASCII codes,
// with a hand-written table for comparison; case-insensitive compare.
// RUN: python3 %src/utils/test/run-c-program.py --toyc %toyc --work %t %s
#include <ctype.h>
#include <stdio.h>
#include <strings.h>

int main(void) {
  const char *names = "alpha digit space upper lower punct xdigit cntrl print graph alnum blank";
  printf("%s\n", names);
  unsigned counts[12] = {0};
  unsigned sig = 0;
  for (int c = 0; c < 128; c++) {
    int f[12] = {isalpha(c), isdigit(c), isspace(c), isupper(c), islower(c), ispunct(c), isxdigit(c), iscntrl(c),
                 isprint(c), isgraph(c), isalnum(c), isblank(c)};
    unsigned bits = 0;
    for (int k = 0; k < 12; k++)
      if (f[k]) {
        counts[k]++;
        bits |= 1u << k;
      }
    sig = sig * 31 + bits + (unsigned)toupper(c) * 7 + (unsigned)tolower(c);
  }
  for (int k = 0; k < 12; k++) printf("%u ", counts[k]);
  printf("\nsig %u\n", sig);
  char s[] = "Mixed CASE string, With 123 Digits!";
  for (char *p = s; *p; p++) *p = (char)(isupper((unsigned char)*p) ? tolower((unsigned char)*p) : toupper((unsigned char)*p));
  printf("%s\n", s);
  printf("strcasecmp %d %d %d\n", strcasecmp("HeLLo", "hello") == 0, strcasecmp("abc", "ABD") < 0,
         strncasecmp("PREFIXabc", "prefixXYZ", 6) == 0);
  printf("done\n");
  return 0;
}
