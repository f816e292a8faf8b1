// Structs of every size from 1 to 40 bytes returned and passed by value:
// checks the boundary between direct and indirect passing.
// RUN: python3 %src/utils/test/run-c-program.py --toyc %toyc --work %t %s
#include <stdio.h>

#define S(n)                                                                     \
  struct s##n { unsigned char b[n]; };                                           \
  __attribute__((noinline)) struct s##n make##n(int seed) {                      \
    struct s##n r;                                                               \
    for (int i = 0; i < n; i++) r.b[i] = (unsigned char)(seed * 7 + i * 13);     \
    return r;                                                                    \
  }                                                                              \
  __attribute__((noinline)) unsigned sum##n(struct s##n a, int k, struct s##n c) { \
    unsigned s = (unsigned)k;                                                    \
    for (int i = 0; i < n; i++) s = s * 3 + a.b[i] + c.b[i] * 5u;                \
    return s;                                                                    \
  }
S(1) S(2) S(3) S(4) S(5) S(6) S(7) S(8) S(9) S(12) S(15) S(16) S(17) S(24) S(31) S(32) S(33) S(40)
#define T(n) printf("size %d: %u\n", n, sum##n(make##n(n), n, make##n(n + 1)));

int main(void) {
  T(1) T(2) T(3) T(4) T(5) T(6) T(7) T(8) T(9) T(12) T(15) T(16) T(17) T(24) T(31) T(32) T(33) T(40)
  printf("done\n");
  return 0;
}
