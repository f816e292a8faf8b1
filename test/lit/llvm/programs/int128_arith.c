// __int128: add, sub, mul, div, mod, shifts, comparisons and conversions
// (compiler-rt calls such as __multi3, __divti3, __udivti3, __modti3).
// RUN: python3 %src/utils/test/run-c-program.py --toyc %toyc --work %t %s
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>

// Debian's compiler-rt __modti3/__umodti3 are built with a stack protector
// and wasi-libc does not define its symbols.
#ifdef __wasm__
uintptr_t __stack_chk_guard = 0x2f8a41c3;
void __stack_chk_fail(void) { abort(); }
#endif

typedef unsigned __int128 u128;
typedef __int128 s128;

static void put_u128(const char *tag, u128 v) {
  char buf[64];
  int n = 0;
  do {
    buf[n++] = (char)('0' + (int)(v % 10));
    v /= 10;
  } while (v);
  printf("%s ", tag);
  while (n) putchar(buf[--n]);
  putchar('\n');
}
static void put_s128(const char *tag, s128 v) {
  if (v < 0) {
    char t[32];
    snprintf(t, sizeof t, "%s -", tag);
    put_u128(t, -(u128)v);
  } else {
    put_u128(tag, (u128)v);
  }
}

u128 mk(unsigned long long hi, unsigned long long lo) { return ((u128)hi << 64) | lo; }

__attribute__((noinline)) u128 f_mul(u128 a, u128 b) { return a * b; }
__attribute__((noinline)) u128 f_div(u128 a, u128 b) { return a / b; }
__attribute__((noinline)) u128 f_mod(u128 a, u128 b) { return a % b; }
__attribute__((noinline)) s128 f_sdiv(s128 a, s128 b) { return a / b; }
__attribute__((noinline)) s128 f_smod(s128 a, s128 b) { return a % b; }
__attribute__((noinline)) u128 f_shl(u128 a, int n) { return a << n; }
__attribute__((noinline)) u128 f_shr(u128 a, int n) { return a >> n; }
__attribute__((noinline)) s128 f_sar(s128 a, int n) { return a >> n; }
__attribute__((noinline)) int f_cmp(s128 a, s128 b) { return (a < b) - (a > b); }
__attribute__((noinline)) double f_tod(s128 a) { return (double)a; }
__attribute__((noinline)) s128 f_fromd(double d) { return (s128)d; }

int main(void) {
  u128 a = mk(0x0123456789abcdefull, 0xfedcba9876543210ull);
  u128 b = mk(0, 0xffffffffffffffffull);
  u128 c = mk(0x1, 0x1);
  put_u128("a", a);
  put_u128("b", b);
  put_u128("a+b", a + b);
  put_u128("a-b", a - b);
  put_u128("b-a", b - a);
  put_u128("a*b", f_mul(a, b));
  put_u128("b*b", f_mul(b, b));
  put_u128("a/b", f_div(a, b));
  put_u128("a%b", f_mod(a, b));
  put_u128("a/c", f_div(a, c));
  put_u128("a%c", f_mod(a, c));
  put_u128("a/7", f_div(a, 7));
  s128 x = -(s128)a, y = (s128)mk(0, 1000000007);
  put_s128("x/y", f_sdiv(x, y));
  put_s128("x%y", f_smod(x, y));
  put_s128("y/x", f_sdiv(y, x));
  put_s128("x/-y", f_sdiv(x, -y));
  for (int n = 0; n < 128; n += 9) {
    put_u128("shl", f_shl(a, n));
    put_u128("shr", f_shr(a, n));
    put_s128("sar", f_sar(x, n));
  }
  printf("cmp %d %d %d %d\n", f_cmp(x, y), f_cmp(y, x), f_cmp(x, x), f_cmp(-1, 0));
  printf("tod %.17g %.17g\n", f_tod(x), f_tod((s128)b));
  put_s128("fromd", f_fromd(-1.5e30));
  put_s128("fromd", f_fromd(3.25e20));
  u128 fact = 1;
  for (int i = 1; i <= 33; i++) fact *= (u128)i;
  put_u128("33!", fact);
  u128 fib0 = 0, fib1 = 1;
  for (int i = 0; i < 180; i++) {
    u128 t = fib0 + fib1;
    fib0 = fib1;
    fib1 = t;
  }
  put_u128("fib180", fib0);
  printf("done\n");
  return 0;
}
