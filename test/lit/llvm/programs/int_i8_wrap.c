// 8-bit integers: wrap-around, promotions, sign/zero extension, shifts and
// division of char-sized values (i8 kept correct by masking or extension).
// RUN: python3 %src/utils/test/run-c-program.py --toyc %toyc --work %t %s
#include <stdint.h>
#include <stdio.h>

int8_t s8_in[] = {0, 1, -1, 127, -128, 100, -100, 55, -56, 3};
uint8_t u8_in[] = {0, 1, 255, 128, 127, 200, 17, 254, 99, 3};

__attribute__((noinline)) uint8_t u8_add(uint8_t a, uint8_t b) { return a + b; }
__attribute__((noinline)) uint8_t u8_sub(uint8_t a, uint8_t b) { return a - b; }
__attribute__((noinline)) uint8_t u8_mul(uint8_t a, uint8_t b) { return a * b; }
__attribute__((noinline)) int8_t s8_add(int8_t a, int8_t b) { return (int8_t)(a + b); }
__attribute__((noinline)) int8_t s8_mul(int8_t a, int8_t b) { return (int8_t)(a * b); }
__attribute__((noinline)) int8_t s8_neg(int8_t a) { return (int8_t)-a; }
__attribute__((noinline)) int s8_shr(int8_t a, int n) { return a >> n; }
__attribute__((noinline)) int u8_shr(uint8_t a, int n) { return a >> n; }
__attribute__((noinline)) uint8_t u8_shl(uint8_t a, int n) { return (uint8_t)(a << n); }
__attribute__((noinline)) int s8_div(int8_t a, int8_t b) { return a / b; }
__attribute__((noinline)) int s8_rem(int8_t a, int8_t b) { return a % b; }
__attribute__((noinline)) unsigned u8_div(uint8_t a, uint8_t b) { return a / b; }
__attribute__((noinline)) int s8_lt(int8_t a, int8_t b) { return a < b; }
__attribute__((noinline)) int u8_lt(uint8_t a, uint8_t b) { return a < b; }
__attribute__((noinline)) int8_t s8_from_int(int x) { return (int8_t)x; }
__attribute__((noinline)) uint8_t u8_from_int(int x) { return (uint8_t)x; }
__attribute__((noinline)) char char_inc(char c) { return (char)(c + 1); }

int main(void) {
  unsigned sum = 0;
  for (int i = 0; i < 10; i++) {
    for (int j = 0; j < 10; j++) {
      uint8_t a = u8_in[i], b = u8_in[j];
      int8_t x = s8_in[i], y = s8_in[j];
      unsigned r1 = u8_add(a, b), r2 = u8_sub(a, b), r3 = u8_mul(a, b);
      int r4 = s8_add(x, y), r5 = s8_mul(x, y);
      int r6 = s8_lt(x, y), r7 = u8_lt(a, b);
      sum = sum * 31 + r1 + r2 * 3 + r3 * 5 + (unsigned)r4 * 7 + (unsigned)r5 * 11 + r6 + r7 * 2;
      if (i == 3 || j == 3)
        printf("%u %u | %u %u %u | %d %d | %d %d | %d %d\n", a, b, r1, r2, r3, x, y, r4, r5, r6, r7);
      if (y != 0 && !(x == -128 && y == -1))
        printf("div %d %d -> %d %d\n", x, y, s8_div(x, y), s8_rem(x, y));
      if (b != 0 && i < 4)
        printf("udiv %u %u -> %u\n", a, b, u8_div(a, b));
    }
    for (int n = 0; n < 8; n++)
      sum = sum * 7 + (unsigned)s8_shr(s8_in[i], n) + (unsigned)u8_shr(u8_in[i], n) * 3 +
            u8_shl(u8_in[i], n);
    printf("neg %d -> %d, shr %d %d\n", s8_in[i], s8_neg(s8_in[i]), s8_shr(s8_in[i], 3),
           u8_shr(u8_in[i], 3));
  }
  int probes[] = {0, 127, 128, 255, 256, -1, -129, 1000, -1000, 0x12345678};
  for (int i = 0; i < 10; i++)
    printf("trunc %d -> %d %u\n", probes[i], s8_from_int(probes[i]), u8_from_int(probes[i]));
  printf("char %d %d\n", char_inc(126), char_inc(127));
  printf("sum %u\n", sum);
  printf("done\n");
  return 0;
}
