/* stdout and stderr: buffering modes, fputs/fputc/puts/fwrite/putchar,
   fprintf to both streams, explicit flushes and setvbuf. Both streams are
   compared separately by the harness. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int main(void) {
  puts("puts to stdout");
  fputs("fputs to stderr\n", stderr);
  printf("printf %d to stdout\n", 1);
  fprintf(stderr, "fprintf %d to stderr\n", 2);
  fputc('c', stdout);
  fputc('\n', stdout);
  putc('e', stderr);
  putc('\n', stderr);
  const char data[] = "fwrite of 3 records\nrecord\nrecord\n";
  size_t n = fwrite(data, 1, strlen(data), stdout);
  fprintf(stderr, "fwrite wrote %zu bytes\n", n);
  fflush(stdout);
  write(1, "raw write(1) after flush\n", 25);
  write(2, "raw write(2)\n", 13);

  static char big[8192];
  setvbuf(stdout, big, _IOFBF, sizeof big);
  for (int i = 0; i < 300; i++) printf("full-buffered line %03d %s\n", i, i % 7 ? "" : "*");
  fprintf(stderr, "stderr is unbuffered: %d\n", 1);
  fflush(stdout);

  setvbuf(stdout, NULL, _IOLBF, 0);
  printf("line buffered ");
  printf("completes here\n");
  for (int ch = 'A'; ch <= 'Z'; ch++) putchar(ch);
  putchar('\n');
  fprintf(stdout, "%s|%-10s|%10s|\n", "columns", "left", "right");
  fprintf(stderr, "ferror(stdout)=%d feof(stdin)=%d\n", ferror(stdout), feof(stdin));
  int r = fputs("last line without newline", stdout);
  fprintf(stderr, "fputs returned non-negative: %d\n", r >= 0);
  return 0;
}
