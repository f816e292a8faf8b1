// Constant tables: 2D arrays, arrays of structs with strings, nested
// initializers with implicit zeros, const lookup tables indexed at run time,
// string arrays as char[][N], large partially initialized arrays (bss).
// RUN: python3 %src/utils/test/run-c-program.py --toyc %toyc --work %t %s
#include <stdint.h>
#include <stdio.h>

static const uint8_t sbox[16] = {0xc, 0x5, 0x6, 0xb, 0x9, 0x0, 0xa, 0xd, 0x3, 0xe, 0xf, 0x8, 0x4, 0x7, 0x1, 0x2};
static const int16_t matrix[4][5] = {{1, -2, 3}, {0}, {[4] = 7}, {-32768, 32767, 0, 0, 1}};
static const char words[][8] = {"alpha", "beta", "gamma", "delta", "epsilon"};
struct op { const char *name; int prec; char assoc; double weight; };
static const struct op opt[] = {{"+", 1, 'L', 0.5}, {"*", 2, 'L', 1.5}, {"^", 3, 'R', 2.25}, {"=", 0, 'R', -1}};
static int big_zero[20000];
static int big_partial[5000] = {1, 2, 3, [4999] = 9};
static const float ftab[] = {0.1f, 0.2f, 0.3f, 1e30f, -0.0f};
static const double dtab[3][2] = {{1.0 / 3, 2.0 / 3}, {1e-300, 1e300}, {-0.5}};

__attribute__((noinline)) uint32_t present(uint32_t x) {
  uint32_t r = 0;
  for (int i = 0; i < 8; i++) r |= (uint32_t)sbox[(x >> (4 * i)) & 15] << (4 * i);
  return r;
}

int main(void) {
  printf("present %08x %08x\n", present(0x01234567u), present(present(0xdeadbeefu)));
  for (int r = 0; r < 4; r++) {
    for (int c = 0; c < 5; c++) printf("%d ", matrix[r][c]);
    printf("\n");
  }
  for (int i = 0; i < 5; i++) printf("%s(%u) ", words[i], (unsigned)sizeof words[i]);
  printf("\n");
  for (unsigned i = 0; i < sizeof opt / sizeof opt[0]; i++)
    printf("%s %d %c %g\n", opt[i].name, opt[i].prec, opt[i].assoc, opt[i].weight);
  long s = 0;
  for (int i = 0; i < 20000; i++) s += big_zero[i];
  for (int i = 0; i < 5000; i++) s += big_partial[i];
  big_zero[19999] = 5;
  printf("sums %ld %d %d\n", s, big_zero[19999], big_partial[4998]);
  for (int i = 0; i < 5; i++) printf("%.9g ", (double)ftab[i]);
  printf("\n%.17g %.17g %.17g %.17g %.17g %.17g\n", dtab[0][0], dtab[0][1], dtab[1][0], dtab[1][1], dtab[2][0],
         dtab[2][1]);
  printf("done\n");
  return 0;
}
