/* String handling from libc: lengths, copies, comparisons, searching,
   tokenising and formatting into buffers. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int sign(int v) { return v < 0 ? -1 : v > 0; }

static void show_cmp(const char *a, const char *b) {
  printf("cmp(%s,%s)=%d ncmp3=%d casecmp=%d\n", a, b, sign(strcmp(a, b)),
         sign(strncmp(a, b, 3)), sign(strcasecmp(a, b)));
}

int main(void) {
  char buf[128];
  const char *words[] = {"", "a", "wasm", "linker", "relocation", "toyc links objects"};
  for (unsigned i = 0; i < sizeof words / sizeof *words; i++)
    printf("strlen(\"%s\")=%zu\n", words[i], strlen(words[i]));

  strcpy(buf, "Hello");
  strcat(buf, ", ");
  strncat(buf, "world!!!!", 6);
  printf("built: [%s] len=%zu\n", buf, strlen(buf));
  char copy[16];
  memset(copy, 'x', sizeof copy);
  strncpy(copy, "abc", 8);
  printf("strncpy pad: %d %d %c\n", copy[3], copy[7], copy[8]);

  show_cmp("apple", "apricot");
  show_cmp("apricot", "apple");
  show_cmp("Same", "same");
  show_cmp("abc", "abc");
  show_cmp("ab", "abc");

  const char *hay = "the quick brown fox jumps over the lazy dog";
  const char *needles[] = {"fox", "the", "lazy dog", "cat", "", "o"};
  for (unsigned i = 0; i < sizeof needles / sizeof *needles; i++) {
    const char *p = strstr(hay, needles[i]);
    printf("strstr(%s) -> %td\n", needles[i], p ? p - hay : (ptrdiff_t)-1);
  }
  printf("strchr(q)=%td strrchr(o)=%td memchr(z)=%td\n", strchr(hay, 'q') - hay,
         strrchr(hay, 'o') - hay, (const char *)memchr(hay, 'z', strlen(hay)) - hay);
  printf("strspn=%zu strcspn=%zu\n", strspn(hay, "the "), strcspn(hay, "xyz"));

  char line[] = "alpha,beta;;gamma , delta";
  int n = 0;
  for (char *tok = strtok(line, ",; "); tok; tok = strtok(NULL, ",; "))
    printf("tok%d=%s\n", n++, tok);

  int len = snprintf(buf, sizeof buf, "%s-%d-%05.1f-%x-%c", "id", -42, 3.14159, 255u, 'Z');
  printf("snprintf: %s (%d)\n", buf, len);
  len = snprintf(buf, 8, "%s", "truncated output here");
  printf("truncated: [%s] wanted=%d\n", buf, len);
  len = snprintf(NULL, 0, "%d items at %s", 12345, "somewhere");
  printf("measure only: %d\n", len);

  char moved[] = "0123456789";
  memmove(moved + 2, moved, 6);
  printf("memmove: %s\n", moved);
  memcpy(moved, "ABCD", 4);
  printf("memcpy: %s memcmp=%d\n", moved, sign(memcmp(moved, "ABCE", 4)));

  char *dup = strdup("Mixed Case 123");
  for (char *p = dup; *p; p++)
    *p = isupper((unsigned char)*p) ? tolower((unsigned char)*p) : toupper((unsigned char)*p);
  printf("swapcase: %s\n", dup);
  free(dup);

  printf("atoi=%d strtol=%ld strtoul=%lu\n", atoi("  -77xyz"), strtol("0x7fff", NULL, 16),
         strtoul("777", NULL, 8));
  char rev[32];
  const char *src = "reverse me";
  size_t l = strlen(src);
  for (size_t i = 0; i < l; i++) rev[i] = src[l - 1 - i];
  rev[l] = 0;
  printf("reversed: %s\n", rev);
  return 0;
}
