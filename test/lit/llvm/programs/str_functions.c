// <string.h>: strlen, strcmp/strncmp signs, strcpy/strncpy padding, strcat,
// strchr/strrchr/strstr/strspn/strcspn/strpbrk, strtok, strdup.
// RUN: python3 %src/utils/test/run-c-program.py --toyc %toyc --work %t %s
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int sgn(int x) { return (x > 0) - (x < 0); }

int main(void) {
  const char *strs[] = {"", "a", "abc", "abd", "ab", "ABC", "hello world", "\xff\x01", "\x01\xff"};
  int n = 9;
  for (int i = 0; i < n; i++) {
    printf("len %u:", (unsigned)strlen(strs[i]));
    for (int j = 0; j < n; j++) printf(" %d/%d", sgn(strcmp(strs[i], strs[j])), sgn(strncmp(strs[i], strs[j], 2)));
    printf("\n");
  }
  char buf[32];
  strcpy(buf, "copy");
  strcat(buf, "-and-");
  strcat(buf, "cat");
  printf("%s %u\n", buf, (unsigned)strlen(buf));
  char pad[8];
  memset(pad, 'x', sizeof pad);
  strncpy(pad, "ab", sizeof pad);
  for (int i = 0; i < 8; i++) printf("%d ", pad[i]);
  printf("\n");
  const char *s = "the quick brown fox jumps over the lazy dog";
  printf("strchr %s\n", strchr(s, 'q'));
  printf("strrchr %s\n", strrchr(s, 'o'));
  printf("strstr %s | %d\n", strstr(s, "fox"), strstr(s, "cat") == NULL);
  printf("spn %u cspn %u pbrk %s\n", (unsigned)strspn(s, "the "), (unsigned)strcspn(s, "xyz"), strpbrk(s, "zyx"));
  printf("chr0 %d\n", (int)(strchr(s, 0) - s));
  char tok[] = "  alpha,beta;;gamma , delta,,";
  for (char *t = strtok(tok, " ,;"); t; t = strtok(NULL, " ,;")) printf("[%s]", t);
  printf("\n");
  char *d = strdup(s + 4);
  d[5] = 0;
  printf("dup %s\n", d);
  free(d);
  printf("done\n");
  return 0;
}
