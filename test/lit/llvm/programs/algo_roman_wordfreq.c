// Text processing: Roman numeral conversion both ways, word frequency
// counting with a sorted table, Caesar/ROT13 and Vigenere ciphers,
// run-of-words statistics.
// RUN: python3 %src/utils/test/run-c-program.py --toyc %toyc --work %t %s
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void to_roman(int n, char *out) {
  static const int vals[] = {1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1};
  static const char *syms[] = {"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"};
  out[0] = 0;
  for (int i = 0; i < 13; i++)
    while (n >= vals[i]) {
      strcat(out, syms[i]);
      n -= vals[i];
    }
}
static int from_roman(const char *s) {
  int total = 0;
  for (int i = 0; s[i]; i++) {
    int v = 0, w = 0;
    switch (s[i]) { case 'I': v = 1; break; case 'V': v = 5; break; case 'X': v = 10; break; case 'L': v = 50; break;
                    case 'C': v = 100; break; case 'D': v = 500; break; case 'M': v = 1000; break; }
    switch (s[i + 1]) { case 'I': w = 1; break; case 'V': w = 5; break; case 'X': w = 10; break; case 'L': w = 50; break;
                        case 'C': w = 100; break; case 'D': w = 500; break; case 'M': w = 1000; break; }
    total += v < w ? -v : v;
  }
  return total;
}
struct wc { char w[16]; int n; };
static int by_count(const void *a, const void *b) {
  const struct wc *x = a, *y = b;
  return x->n != y->n ? y->n - x->n : strcmp(x->w, y->w);
}

int main(void) {
  int nums[] = {1, 4, 9, 14, 40, 90, 400, 1994, 2024, 3999};
  int ok = 1;
  char buf[32];
  for (int i = 0; i < 10; i++) {
    to_roman(nums[i], buf);
    printf("%d=%s ", nums[i], buf);
  }
  for (int n = 1; n < 4000; n++) {
    to_roman(n, buf);
    ok &= from_roman(buf) == n;
  }
  printf("\nroundtrip %d\n", ok);
  const char *text =
      "It was the best of times, it was the worst of times, it was the age of wisdom, it was the age of "
      "foolishness, it was the epoch of belief, it was the epoch of incredulity, it was the season of Light";
  struct wc table[64];
  int nw = 0;
  for (const char *p = text; *p;) {
    while (*p && !isalpha((unsigned char)*p)) p++;
    if (!*p) break;
    char w[16];
    int l = 0;
    while (isalpha((unsigned char)*p)) {
      if (l < 15) w[l++] = (char)tolower((unsigned char)*p);
      p++;
    }
    w[l] = 0;
    int k = 0;
    while (k < nw && strcmp(table[k].w, w)) k++;
    if (k == nw) {
      strcpy(table[nw].w, w);
      table[nw++].n = 0;
    }
    table[k].n++;
  }
  qsort(table, (size_t)nw, sizeof table[0], by_count);
  for (int i = 0; i < nw && i < 8; i++) printf("%s:%d ", table[i].w, table[i].n);
  printf("(%d distinct)\n", nw);
  char msg[] = "Attack at Dawn, 10 Zebras!";
  for (char *p = msg; *p; p++)
    if (isalpha((unsigned char)*p)) {
      char base = isupper((unsigned char)*p) ? 'A' : 'a';
      *p = (char)(base + (*p - base + 13) % 26);
    }
  printf("rot13 %s\n", msg);
  const char *key = "LEMON";
  char plain[] = "ATTACKATDAWN", cipher[16];
  for (int i = 0; plain[i]; i++) cipher[i] = (char)('A' + (plain[i] - 'A' + key[i % 5] - 'A') % 26);
  cipher[12] = 0;
  printf("vigenere %s\n", cipher);
  printf("done\n");
  return 0;
}
