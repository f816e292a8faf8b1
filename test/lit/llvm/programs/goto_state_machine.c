// A goto-based state machine (no setjmp): parsing quoted CSV fields with
// states as labels, including backward jumps and a shared error exit.
// RUN: python3 %src/utils/test/run-c-program.py --toyc %toyc --work %t %s
#include <stdio.h>

__attribute__((noinline)) int parse_csv(const char *s, char out[][32], int max) {
  int nf = 0, len = 0;
  const char *p = s;
start_field:
  if (nf == max) goto error;
  len = 0;
  if (*p == '"') {
    p++;
    goto quoted;
  }
unquoted:
  if (*p == ',') goto end_field;
  if (*p == 0 || *p == '\n') goto end_record;
  if (len < 31) out[nf][len++] = *p;
  p++;
  goto unquoted;
quoted:
  if (*p == 0) goto error;
  if (*p == '"') {
    if (p[1] == '"') {
      if (len < 31) out[nf][len++] = '"';
      p += 2;
      goto quoted;
    }
    p++;
    goto after_quote;
  }
  if (len < 31) out[nf][len++] = *p;
  p++;
  goto quoted;
after_quote:
  if (*p == ',') goto end_field;
  if (*p == 0 || *p == '\n') goto end_record;
  goto error;
end_field:
  out[nf++][len] = 0;
  p++;
  goto start_field;
end_record:
  out[nf++][len] = 0;
  return nf;
error:
  return -(int)(p - s) - 1;
}

int main(void) {
  const char *lines[] = {"a,b,c", "\"quoted, comma\",plain,\"with \"\"escapes\"\"\"", ",,", "\"unterminated",
                         "\"x\"y", "single", "1,2,3,4,5,6,7,8,9"};
  char fields[8][32];
  for (int i = 0; i < 7; i++) {
    int n = parse_csv(lines[i], fields, 8);
    printf("%d:", n);
    for (int f = 0; f < n; f++) printf(" [%s]", fields[f]);
    printf("\n");
  }
  printf("done\n");
  return 0;
}
