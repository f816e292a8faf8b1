// 16-bit integers: wrap-around in arithmetic, extension, shifts, comparisons,
// and arrays of shorts (i16 loads and stores with sign/zero extension).
// RUN: python3 %src/utils/test/run-c-program.py --toyc %toyc --work %t %s
#include <stdint.h>
#include <stdio.h>

int16_t s16_in[] = {0, 1, -1, 32767, -32768, 1000, -1000, 255, -256, 12345};
uint16_t u16_in[] = {0, 1, 65535, 32768, 32767, 40000, 255, 256, 999, 54321};

__attribute__((noinline)) uint16_t u16_ops(uint16_t a, uint16_t b, int k) {
  switch (k) {
  case 0: return a + b;
  case 1: return a - b;
  case 2: return (uint16_t)((unsigned)a * b);
  case 3: return b ? a / b : 0;
  case 4: return b ? a % b : 0;
  case 5: return a ^ (b << 3);
  default: return (uint16_t)(a >> (b & 15));
  }
}

__attribute__((noinline)) int16_t s16_ops(int16_t a, int16_t b, int k) {
  switch (k) {
  case 0: return (int16_t)(a + b);
  case 1: return (int16_t)(a - b);
  case 2: return (int16_t)(a * b);
  case 3: return b ? (int16_t)(a / b) : 0;
  case 4: return b ? (int16_t)(a % b) : 0;
  case 5: return (int16_t)(a >> (b & 15));
  default: return (int16_t)~a;
  }
}

__attribute__((noinline)) int widen_s(int16_t a) { return a; }
__attribute__((noinline)) unsigned widen_u(uint16_t a) { return a; }
__attribute__((noinline)) long long widen_s64(int16_t a) { return a; }
__attribute__((noinline)) unsigned long long widen_u64(uint16_t a) { return a; }

int main(void) {
  unsigned h = 0;
  for (int i = 0; i < 10; i++)
    for (int j = 0; j < 10; j++)
      for (int k = 0; k < 7; k++) {
        uint16_t u = u16_ops(u16_in[i], u16_in[j], k);
        int16_t s = s16_ops(s16_in[i], s16_in[j], k);
        h = (h ^ u) * 16777619u;
        h = (h ^ (uint16_t)s) * 16777619u;
        if (j == 9 && i % 3 == 0)
          printf("k%d %u,%u -> %u | %d,%d -> %d\n", k, u16_in[i], u16_in[j], u, s16_in[i], s16_in[j], s);
      }
  for (int i = 0; i < 10; i++)
    printf("widen %d %u %lld %llu\n", widen_s(s16_in[i]), widen_u(u16_in[i]), widen_s64(s16_in[i]),
           widen_u64(u16_in[i]));
  int16_t arr[16];
  for (int i = 0; i < 16; i++) arr[i] = (int16_t)(i * 5000 - 40000);
  long total = 0;
  for (int i = 0; i < 16; i++) total += arr[i];
  printf("arr total %ld first %d last %d\n", total, arr[0], arr[15]);
  printf("hash %u\n", h);
  printf("done\n");
  return 0;
}
