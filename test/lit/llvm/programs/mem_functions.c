// memcpy, memmove with overlapping ranges in both directions, memset with
// odd sizes and offsets, memcmp signs, memchr, and struct assignment that
// clang lowers to llvm.memcpy; sizes from 0 to 100 at all alignments.
// RUN: python3 %src/utils/test/run-c-program.py --toyc %toyc --work %t %s
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static unsigned char buf[256], ref[256];

static void fill(void) {
  for (int i = 0; i < 256; i++) buf[i] = ref[i] = (unsigned char)(i * 7 + 3);
}
static uint32_t sum(void) {
  uint32_t h = 2166136261u;
  for (int i = 0; i < 256; i++) h = (h ^ buf[i]) * 16777619u;
  return h;
}
static void slow_move(unsigned char *d, const unsigned char *s, size_t n) {
  unsigned char tmp[256];
  for (size_t i = 0; i < n; i++) tmp[i] = s[i];
  for (size_t i = 0; i < n; i++) d[i] = tmp[i];
}
struct rec { int a[7]; char c; };
__attribute__((noinline)) void assign(struct rec *d, const struct rec *s) { *d = *s; }

int main(void) {
  int bad = 0;
  for (int off = 0; off < 8; off++)
    for (int n = 0; n <= 100; n += 7) {
      for (int delta = -9; delta <= 9; delta += 3) {
        fill();
        memmove(buf + 64 + off + delta, buf + 64 + off, (size_t)n);
        slow_move(ref + 64 + off + delta, ref + 64 + off, (size_t)n);
        if (memcmp(buf, ref, 256) != 0) bad++;
      }
      fill();
      memcpy(buf + 128 + off, buf + off, (size_t)n);
      memcpy(ref + 128 + off, ref + off, (size_t)n);
      memset(buf + off, 0xa5, (size_t)n);
      memset(ref + off, 0xa5, (size_t)n);
      if (memcmp(buf, ref, 256) != 0) bad++;
    }
  printf("mismatches %d\n", bad);
  fill();
  memmove(buf + 1, buf, 200);
  memmove(buf + 30, buf + 40, 100);
  printf("hash %08x\n", sum());
  unsigned char a[5] = {1, 2, 3, 4, 5}, b[5] = {1, 2, 3, 4, 6}, c[5] = {1, 2, 0x83, 4, 5};
  printf("memcmp %d %d %d %d\n", memcmp(a, b, 5) < 0, memcmp(b, a, 5) > 0, memcmp(a, b, 4) == 0, memcmp(c, a, 5) > 0);
  const char *text = "find the needle";
  printf("memchr %d %d\n", (int)((const char *)memchr(text, 'n', 15) - text), memchr(text, 'z', 15) == NULL);
  struct rec r1 = {{1, 2, 3, 4, 5, 6, 7}, 'q'}, r2;
  assign(&r2, &r1);
  r1.a[3] = 99;
  printf("assign %d %d %c\n", r2.a[3], r2.a[6], r2.c);
  int zeros[37];
  memset(zeros, 0, sizeof zeros);
  int z = 0;
  for (int i = 0; i < 37; i++) z |= zeros[i];
  printf("zeros %d\n", z);
  printf("done\n");
  return 0;
}
