// Intrinsics clang emits from builtins: memcpy/memset/memmove with constant
// and variable sizes (__builtin_mem*), __builtin_abs/labs, expect, assume,
// prefetch, frame address (only compared, never printed), object size.
// RUN: python3 %src/utils/test/run-c-program.py --toyc %toyc --work %t %s
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

__attribute__((noinline)) void copy_n(char *d, const char *s, size_t n) { __builtin_memcpy(d, s, n); }
__attribute__((noinline)) void set_n(char *d, int c, size_t n) { __builtin_memset(d, c, n); }
__attribute__((noinline)) void move_n(char *d, const char *s, size_t n) { __builtin_memmove(d, s, n); }
__attribute__((noinline)) int frame_depth(int n) {
  // Frames of nested calls are at distinct addresses.
  void *here = __builtin_frame_address(0);
  if (n == 0) return here != 0;
  return frame_depth(n - 1) + (here != 0);
}
__attribute__((noinline)) long prefetch_sum(const int *v, int n) {
  long s = 0;
  for (int i = 0; i < n; i++) {
    __builtin_prefetch(&v[i + 8]);
    s += v[i];
  }
  return s;
}
__attribute__((noinline)) int hinted(int x) {
  if (__builtin_expect(x == 42, 1)) return 1;
  return __builtin_abs(x) + (int)__builtin_labs(-7L);
}

int main(void) {
  char a[64], b[64];
  for (int i = 0; i < 64; i++) a[i] = (char)('A' + i % 26);
  copy_n(b, a, 64);
  set_n(b + 10, '-', 5);
  move_n(b + 20, b + 15, 20);
  b[63] = 0;
  printf("%s\n", b);
  struct { int x[3]; char c; } s1 = {{1, 2, 3}, 'z'}, s2;
  __builtin_memcpy(&s2, &s1, sizeof s1);
  printf("struct copy %d %c\n", s2.x[2], s2.c);
  printf("frames %d\n", frame_depth(5));
  int v[100];
  for (int i = 0; i < 100; i++) v[i] = i * 3;
  printf("prefetch %ld\n", prefetch_sum(v, 92));
  printf("hinted %d %d %d\n", hinted(42), hinted(-9), hinted(5));
  printf("objsize %u\n", (unsigned)__builtin_object_size(a, 0));
  printf("done\n");
  return 0;
}
