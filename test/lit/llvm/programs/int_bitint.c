// _BitInt(N) of odd widths (i3, i7, i17, i24, i33, i48, i63 in the IR):
// wrap-around, sign extension, division and shifts must respect the width.
// RUN: python3 %src/utils/test/run-c-program.py --toyc %toyc --work %t %s
// NATIVE: clang-O2-ubsan (the host gcc 12 has no _BitInt)
#include <stdio.h>

typedef unsigned _BitInt(3) u3;
typedef signed _BitInt(7) s7;
typedef unsigned _BitInt(17) u17;
typedef signed _BitInt(24) s24;
typedef unsigned _BitInt(33) u33;
typedef signed _BitInt(48) s48;
typedef signed _BitInt(63) s63;

__attribute__((noinline)) u3 add3(u3 a, u3 b) { return a + b; }
__attribute__((noinline)) s7 mul7(s7 a, s7 b) { return (s7)((int)a * (int)b); }
__attribute__((noinline)) u17 mul17(u17 a, u17 b) { return a * b; }
__attribute__((noinline)) s24 div24(s24 a, s24 b) { return a / b; }
__attribute__((noinline)) s24 shr24(s24 a, int n) { return a >> n; }
__attribute__((noinline)) u33 add33(u33 a, u33 b) { return a + b; }
__attribute__((noinline)) u33 shl33(u33 a, int n) { return a << n; }
__attribute__((noinline)) s48 sub48(s48 a, s48 b) { return a - b; }
__attribute__((noinline)) s63 mul63(s63 a, s63 b) { return a * b; }
__attribute__((noinline)) int lt17(u17 a, u17 b) { return a < b; }
__attribute__((noinline)) long long wide7(s7 a) { return a; }

int main(void) {
  for (int i = 0; i < 8; i++)
    for (int j = 0; j < 8; j++) printf("%d", (int)add3((u3)i, (u3)j));
  printf("\n");
  int s7v[] = {-64, -63, -1, 0, 1, 9, 63};
  for (int i = 0; i < 7; i++)
    for (int j = 0; j < 7; j++)
      printf("%d%c", (int)mul7((s7)s7v[i], (s7)s7v[j]), j == 6 ? '\n' : ' ');
  printf("mul17 %u %u\n", (unsigned)mul17(131071, 131071), (unsigned)mul17(300, 500));
  printf("lt17 %d %d\n", lt17(131071, 1), lt17((u17)131072, 1));
  printf("div24 %d %d %d\n", (int)div24(-8388608, 3), (int)div24(8388607, -7), (int)div24(-100, 7));
  for (int n = 0; n < 24; n += 5) printf("shr24 %d\n", (int)shr24(-8388607, n));
  printf("add33 %llu %llu\n", (unsigned long long)add33(8589934591ull, 2),
         (unsigned long long)add33(4294967295ull, 4294967295ull));
  for (int n = 0; n < 33; n += 8) printf("shl33 %llu\n", (unsigned long long)shl33(0x1ffffffffull - 5, n));
  printf("sub48 %lld %lld\n", (long long)sub48(-140737488355328LL, -1), (long long)sub48(0, 140737488355327LL));
  printf("mul63 %lld\n", (long long)mul63(3037000499LL, 1517850000LL));
  printf("wide7 %lld %lld\n", wide7((s7)-64), wide7((s7)63));
  printf("done\n");
  return 0;
}
