// Duff's device (a switch jumping into the middle of a do-while: an
// irreducible loop) for copying and summing, with every remainder.
// RUN: python3 %src/utils/test/run-c-program.py --toyc %toyc --work %t %s
#include <stdio.h>

__attribute__((noinline)) void duff_copy(short *to, const short *from, int count) {
  int n = (count + 7) / 8;
  switch (count % 8) {
  case 0: do { *to++ = *from++;
  case 7:      *to++ = *from++;
  case 6:      *to++ = *from++;
  case 5:      *to++ = *from++;
  case 4:      *to++ = *from++;
  case 3:      *to++ = *from++;
  case 2:      *to++ = *from++;
  case 1:      *to++ = *from++;
          } while (--n > 0);
  }
}
__attribute__((noinline)) unsigned duff_hash(const unsigned char *p, int count) {
  unsigned h = 5381;
  int n = (count + 3) / 4;
  if (count == 0) return h;
  switch (count % 4) {
  case 0: do { h = h * 33 + *p++;
  case 3:      h = h * 33 + *p++;
  case 2:      h = h * 33 + *p++;
  case 1:      h = h * 33 + *p++;
          } while (--n > 0);
  }
  return h;
}

int main(void) {
  short src[64], dst[64];
  for (int i = 0; i < 64; i++) src[i] = (short)(i * 37 - 1000);
  for (int count = 1; count <= 20; count++) {
    for (int i = 0; i < 64; i++) dst[i] = -1;
    duff_copy(dst, src + 3, count);
    int ok = 1;
    for (int i = 0; i < count; i++) ok &= dst[i] == src[i + 3];
    ok &= dst[count] == -1;
    printf("%d:%d ", count, ok);
  }
  printf("\n");
  unsigned char bytes[40];
  for (int i = 0; i < 40; i++) bytes[i] = (unsigned char)(i * 11);
  for (int c = 0; c < 12; c++) printf("%u ", duff_hash(bytes, c));
  printf("\n");
  printf("done\n");
  return 0;
}
