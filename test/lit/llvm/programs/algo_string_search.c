// String searching: naive, Knuth-Morris-Pratt, Boyer-Moore-Horspool and
// Rabin-Karp over a generated text, counting all occurrences; Z-function
// and a longest palindromic substring.
// RUN: python3 %src/utils/test/run-c-program.py --toyc %toyc --work %t %s
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static int naive(const char *t, int n, const char *p, int m) {
  int c = 0;
  for (int i = 0; i + m <= n; i++) c += memcmp(t + i, p, (size_t)m) == 0;
  return c;
}
static int kmp(const char *t, int n, const char *p, int m) {
  int fail[64], c = 0;
  fail[0] = 0;
  for (int i = 1, k = 0; i < m; i++) {
    while (k && p[i] != p[k]) k = fail[k - 1];
    if (p[i] == p[k]) k++;
    fail[i] = k;
  }
  for (int i = 0, k = 0; i < n; i++) {
    while (k && t[i] != p[k]) k = fail[k - 1];
    if (t[i] == p[k]) k++;
    if (k == m) {
      c++;
      k = fail[k - 1];
    }
  }
  return c;
}
static int horspool(const char *t, int n, const char *p, int m) {
  int shift[256], c = 0;
  for (int i = 0; i < 256; i++) shift[i] = m;
  for (int i = 0; i < m - 1; i++) shift[(unsigned char)p[i]] = m - 1 - i;
  for (int i = 0; i + m <= n; i += shift[(unsigned char)t[i + m - 1]]) c += memcmp(t + i, p, (size_t)m) == 0;
  return c;
}
static int rabin_karp(const char *t, int n, const char *p, int m) {
  const uint32_t B = 257, M = 1000000007u;
  uint64_t hp = 0, ht = 0, pw = 1;
  for (int i = 0; i < m; i++) {
    hp = (hp * B + (unsigned char)p[i]) % M;
    ht = (ht * B + (unsigned char)t[i]) % M;
    if (i) pw = pw * B % M;
  }
  int c = 0;
  for (int i = 0; i + m <= n; i++) {
    if (hp == ht && !memcmp(t + i, p, (size_t)m)) c++;
    if (i + m < n) ht = ((ht + M - (unsigned char)t[i] * pw % M) * B + (unsigned char)t[i + m]) % M;
  }
  return c;
}
static void zfunc(const char *s, int n, int *z) {
  z[0] = n;
  for (int i = 1, l = 0, r = 0; i < n; i++) {
    z[i] = i < r ? (r - i < z[i - l] ? r - i : z[i - l]) : 0;
    while (i + z[i] < n && s[z[i]] == s[i + z[i]]) z[i]++;
    if (i + z[i] > r) {
      l = i;
      r = i + z[i];
    }
  }
}

int main(void) {
  static char text[30001];
  uint32_t x = 99;
  for (int i = 0; i < 30000; i++) {
    x = x * 1103515245u + 12345u;
    text[i] = "abcab"[(x >> 16) % 5];
  }
  const char *pats[] = {"abc", "aaaa", "abcabcab", "cabbac", "b", "bacabacab"};
  for (int i = 0; i < 6; i++) {
    int m = (int)strlen(pats[i]);
    printf("%-10s naive %d kmp %d horspool %d rk %d\n", pats[i], naive(text, 30000, pats[i], m),
           kmp(text, 30000, pats[i], m), horspool(text, 30000, pats[i], m), rabin_karp(text, 30000, pats[i], m));
  }
  const char *s = "aabcaabxaaaz";
  int z[16];
  zfunc(s, 12, z);
  printf("z:");
  for (int i = 0; i < 12; i++) printf(" %d", z[i]);
  printf("\n");
  const char *pal = "forgeeksskeegforabacdfgdcabba";
  int n = (int)strlen(pal), best = 1, at = 0;
  for (int c = 0; c < n; c++)
    for (int odd = 0; odd < 2; odd++) {
      int l = c, r = c + odd;
      while (l >= 0 && r < n && pal[l] == pal[r]) {
        l--;
        r++;
      }
      if (r - l - 1 > best) {
        best = r - l - 1;
        at = l + 1;
      }
    }
  printf("palindrome %.*s\n", best, pal + at);
  printf("done\n");
  return 0;
}
