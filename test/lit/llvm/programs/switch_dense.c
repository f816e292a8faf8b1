// Dense switches (br_table): 0..31 with distinct bodies, a dense range not
// starting at zero, negative case values, default in the middle.
// RUN: python3 %src/utils/test/run-c-program.py --toyc %toyc --work %t %s
#include <stdio.h>

__attribute__((noinline)) int dense(int x) {
  switch (x) {
  case 0: return 100;
  case 1: return x * 3;
  case 2: return -7;
  case 3: return x << 4;
  case 4: return 44;
  case 5: return x ^ 0x55;
  case 6: return 1000 - x;
  case 7: return 7 * 7 * 7;
  case 8: return -x;
  case 9: return 9999;
  case 10: return x / 3;
  case 11: return 11 % 4;
  case 12: return 0x12;
  case 13: return 13 * 100 + 13;
  case 14: return -14 * 2;
  case 15: return 1 << 15;
  case 16: return x + 16;
  case 17: return 17 | 64;
  case 18: return ~18;
  case 19: return 19 * 19;
  case 20: return 2020;
  case 21: return 21 - 100;
  case 22: return 22 & 6;
  case 23: return 230;
  case 24: return 24 * 24 * 24;
  case 25: return 25 >> 2;
  case 26: return -2600;
  case 27: return 27 + 27;
  case 28: return 28 * 3;
  case 29: return 290 + x;
  case 30: return 3;
  case 31: return 31 * 31;
  default: return -1;
  }
}
__attribute__((noinline)) const char *offset_range(int x) {
  switch (x) {
  case 1000: return "k";
  case 1001: return "k+1";
  case 1002: return "k+2";
  case 1003: return "k+3";
  case 1005: return "k+5";
  case 1006: return "k+6";
  case 1007: return "k+7";
  case 1008: return "k+8";
  default: return "other";
  }
}
__attribute__((noinline)) int negative(int x) {
  int r = 0;
  switch (x) {
  case -5: r += 1; /* fall through */
  case -4: r += 10; break;
  case -3: r = 300; break;
  default: r = -1; break;
  case -2: r = 200; /* fall through */
  case -1: r += 5; break;
  case 0: r = 7; break;
  case 1: r = 8;
  }
  return r;
}
__attribute__((noinline)) unsigned char_class(unsigned char c) {
  switch (c) {
  case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': case '8': case '9': return 1;
  case 'a': case 'b': case 'c': case 'd': case 'e': case 'f': return 2;
  case 'A': case 'B': case 'C': case 'D': case 'E': case 'F': return 3;
  case ' ': case '\t': case '\n': return 4;
  default: return 0;
  }
}

int main(void) {
  unsigned sum = 0;
  for (int i = -3; i < 36; i++) {
    int r = dense(i);
    sum = sum * 3 + (unsigned)r;
    printf("%d:%d ", i, r);
  }
  printf("\nsum %u\n", sum);
  for (int i = 998; i < 1010; i++) printf("%s ", offset_range(i));
  printf("\n");
  for (int i = -7; i < 3; i++) printf("%d ", negative(i));
  printf("\n");
  const char *s = "Hex 0x1F, dec 42\tEND\n";
  for (const char *p = s; *p; p++) printf("%u", char_class((unsigned char)*p));
  printf("\n");
  printf("done\n");
  return 0;
}
