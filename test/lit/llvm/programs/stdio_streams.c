// stdio: stdout and stderr (both compared), puts/putchar/fputs/fwrite,
// fflush, setvbuf-free line output, fprintf to both streams interleaved.
// RUN: python3 %src/utils/test/run-c-program.py --toyc %toyc --work %t %s
#include <stdio.h>
#include <string.h>

int main(void) {
  puts("puts line");
  putchar('c');
  putchar('\n');
  fputs("fputs no newline", stdout);
  fputs(" + continued\n", stdout);
  const char data[] = "fwrite data\n";
  size_t n = fwrite(data, 1, strlen(data), stdout);
  printf("fwrite returned %u\n", (unsigned)n);
  fprintf(stderr, "to stderr %d\n", 42);
  fputs("stderr fputs\n", stderr);
  fflush(stdout);
  for (int i = 0; i < 3; i++) fprintf(i % 2 ? stderr : stdout, "interleaved %d\n", i);
  char line[64];
  int len = snprintf(line, sizeof line, "%s|%5d|%-5s|", "fmt", 7, "ab");
  fwrite(line, 1, (size_t)len, stdout);
  putchar('\n');
  printf("done\n");
  return 0;
}
