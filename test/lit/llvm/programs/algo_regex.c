// A backtracking regular-expression matcher (Pike/Kernighan style, extended
// with character classes, '+', '?' and anchors) over a table of cases.
// RUN: python3 %src/utils/test/run-c-program.py --toyc %toyc --work %t %s
#include <stdio.h>

static int match_here(const char *re, const char *text);

// Length of the atom at re (a char, '.', or a [class]).
static int atom_len(const char *re) {
  if (*re != '[') return *re == '\\' ? 2 : 1;
  const char *p = re + 1;
  if (*p == '^') p++;
  if (*p == ']') p++;
  while (*p && *p != ']') p++;
  return (int)(p - re) + (*p == ']');
}
static int atom_matches(const char *re, char c) {
  if (!c) return 0;
  if (*re == '.') return 1;
  if (*re == '\\') {
    switch (re[1]) {
    case 'd': return c >= '0' && c <= '9';
    case 'w': return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    case 's': return c == ' ' || c == '\t';
    default: return c == re[1];
    }
  }
  if (*re != '[') return *re == c;
  const char *p = re + 1;
  int negate = *p == '^', found = 0;
  if (negate) p++;
  do {
    if (p[1] == '-' && p[2] && p[2] != ']') {
      if (c >= p[0] && c <= p[2]) found = 1;
      p += 3;
    } else {
      if (c == *p) found = 1;
      p++;
    }
  } while (*p && *p != ']');
  return found != negate;
}
static int match_repeat(const char *atom, const char *rest, const char *text, int min) {
  const char *t = text;
  while (atom_matches(atom, *t)) t++;  // greedy, then back off
  for (; t >= text + min; t--)
    if (match_here(rest, t)) return 1;
  return 0;
}
static int match_here(const char *re, const char *text) {
  if (!*re) return 1;
  if (re[0] == '$' && !re[1]) return !*text;
  int alen = atom_len(re);
  char q = re[alen];
  if (q == '*') return match_repeat(re, re + alen + 1, text, 0);
  if (q == '+') return match_repeat(re, re + alen + 1, text, 1);
  if (q == '?') {
    if (atom_matches(re, *text) && match_here(re + alen + 1, text + 1)) return 1;
    return match_here(re + alen + 1, text);
  }
  if (atom_matches(re, *text)) return match_here(re + alen, text + 1);
  return 0;
}
static int search(const char *re, const char *text) {
  if (*re == '^') return match_here(re + 1, text);
  do {
    if (match_here(re, text)) return 1;
  } while (*text++);
  return 0;
}

int main(void) {
  const char *cases[][2] = {
      {"abc", "xxabcxx"}, {"^abc", "xxabc"}, {"abc$", "xxabc"}, {"a.c", "abc"}, {"a*b", "aaab"},
      {"^a*$", "aaaa"}, {"^a+$", ""}, {"colou?r", "color"}, {"colou?r", "colour"}, {"colou?r", "colouur"},
      {"[0-9]+-[0-9]+", "call 555-1234 now"}, {"^[^0-9]*$", "no digits"}, {"^[^0-9]*$", "one 1"},
      {"\\d\\d:\\d\\d", "at 12:45"}, {"^\\w+@\\w+\\.com$", "user_1@example.com"}, {"^\\w+@\\w+\\.com$", "bad@ex.org"},
      {"a.*b.*c", "axxbyyc"}, {"a.*b.*c", "axxcyyb"}, {"[a-c]+[x-z]", "cabbaz"}, {"^$", ""},
      {"x?y?z?$", "anything"}, {"(a)", "(a)"}, {"a\\.b", "a.b"}, {"a\\.b", "axb"}};
  int n = (int)(sizeof cases / sizeof cases[0]), hits = 0;
  for (int i = 0; i < n; i++) {
    int m = search(cases[i][0], cases[i][1]);
    hits += m;
    printf("%-18s %-22s %d\n", cases[i][0], cases[i][1], m);
  }
  printf("hits %d/%d\n", hits, n);
  printf("done\n");
  return 0;
}
