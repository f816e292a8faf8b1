// snprintf: truncation and the returned would-be length, zero-size
// buffers, building strings piecewise, sprintf of every conversion.
// RUN: python3 %src/utils/test/run-c-program.py --toyc %toyc --work %t %s
#include <stdio.h>
#include <string.h>

int main(void) {
  char buf[16];
  for (int size = 0; size <= 16; size += 3) {
    memset(buf, '#', sizeof buf);
    int n = snprintf(buf, (size_t)size, "%s-%d-%x", "value", 12345, 0xabcdefu);
    printf("size %2d ret %d buf [%.*s]\n", size, n, size ? (int)strlen(buf) : 0, buf);
  }
  printf("null size %d\n", snprintf(NULL, 0, "%d %s %f", 42, "abc", 1.5));
  char line[200];
  int pos = 0;
  for (int i = 0; i < 10; i++) pos += snprintf(line + pos, sizeof line - (size_t)pos, "%d%s", i * i, i < 9 ? "," : "");
  printf("line %s (%d)\n", line, pos);
  char big[64];
  sprintf(big, "%5.2f|%-6d|%06.1f|%+.3e|%c|%s|%%|%u", 3.14159, -12, 2.5, 12345.678, 'x', "s", 4000000000u);
  printf("%s\n", big);
  char hex[40];
  int hp = 0;
  const unsigned char bytes[] = {0xde, 0xad, 0xbe, 0xef, 0x00, 0x7f};
  for (int i = 0; i < 6; i++) hp += sprintf(hex + hp, "%02x", bytes[i]);
  printf("hex %s %d\n", hex, hp);
  printf("done\n");
  return 0;
}
