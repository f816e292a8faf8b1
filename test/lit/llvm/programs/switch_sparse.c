// Sparse switches (compare trees): widely spread 32-bit cases, 64-bit case
// values, unsigned cases above INT_MAX, and clustered-plus-outlier mixes.
// RUN: python3 %src/utils/test/run-c-program.py --toyc %toyc --work %t %s
#include <stdint.h>
#include <stdio.h>

__attribute__((noinline)) int sparse(int x) {
  switch (x) {
  case -1000000: return 1;
  case -77: return 2;
  case 0: return 3;
  case 13: return 4;
  case 1024: return 5;
  case 4096: return 6;
  case 65537: return 7;
  case 1000000: return 8;
  case 2147483647: return 9;
  case -2147483647 - 1: return 10;
  default: return 0;
  }
}
__attribute__((noinline)) int wide(int64_t x) {
  switch (x) {
  case 0: return 1;
  case 1LL << 32: return 2;
  case (1LL << 32) + 1: return 3;
  case -(1LL << 40): return 4;
  case 0x7fffffffffffffffLL: return 5;
  case 42: return 6;
  case 43: return 7;
  case 44: return 8;
  case 45: return 9;
  default: return -1;
  }
}
__attribute__((noinline)) int uns(uint32_t x) {
  switch (x) {
  case 0x80000000u: return 1;
  case 0xffffffffu: return 2;
  case 0xdeadbeefu: return 3;
  case 7: return 4;
  default: return 0;
  }
}
__attribute__((noinline)) int clustered(int x) {
  switch (x) {
  case 10: case 11: case 12: case 13: case 14: case 15: return x - 9;
  case 20: case 22: case 24: case 26: return 100 + x;
  case 500: return 500;
  case 100000: return 6;
  default: return -x;
  }
}

int main(void) {
  int probes[] = {-1000000, -77, -76, 0, 1, 13, 1024, 1025, 4096, 65537, 1000000, 2147483647, -2147483647 - 1, 99};
  for (int i = 0; i < 14; i++) printf("%d ", sparse(probes[i]));
  printf("\n");
  int64_t wp[] = {0, 1LL << 32, (1LL << 32) + 1, (1LL << 32) + 2, -(1LL << 40), 0x7fffffffffffffffLL, 41, 42, 43, 44,
                  45, 46, 4294967338LL};
  for (int i = 0; i < 13; i++) printf("%d ", wide(wp[i]));
  printf("\n");
  uint32_t up[] = {0x80000000u, 0xffffffffu, 0xdeadbeefu, 7, 8, 0x7fffffffu};
  for (int i = 0; i < 6; i++) printf("%d ", uns(up[i]));
  printf("\n");
  unsigned s = 0;
  for (int i = 0; i < 30; i++) s = s * 5 + (unsigned)clustered(i);
  printf("clustered %u %d %d\n", s, clustered(500), clustered(100000));
  printf("done\n");
  return 0;
}
