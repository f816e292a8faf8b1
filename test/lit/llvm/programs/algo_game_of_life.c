// Conway's Game of Life on a torus (byte grid and a bit-packed grid that
// must agree), with a glider, a blinker and an R-pentomino.
// RUN: python3 %src/utils/test/run-c-program.py --toyc %toyc --work %t %s
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#define W 64
#define H 48
static uint8_t g[H][W], ng[H][W];
static uint64_t bg[H], nbg[H];

static void step_bytes(void) {
  for (int y = 0; y < H; y++)
    for (int x = 0; x < W; x++) {
      int n = 0;
      for (int dy = -1; dy <= 1; dy++)
        for (int dx = -1; dx <= 1; dx++)
          if (dx || dy) n += g[(y + dy + H) % H][(x + dx + W) % W];
      ng[y][x] = n == 3 || (n == 2 && g[y][x]);
    }
  memcpy(g, ng, sizeof g);
}
static uint64_t rotl(uint64_t v, unsigned s) { return (v << (s & 63)) | (v >> (-s & 63)); }
static void step_bits(void) {
  for (int y = 0; y < H; y++) {
    uint64_t rows[3] = {bg[(y + H - 1) % H], bg[y], bg[(y + 1) % H]};
    uint64_t out = 0;
    for (int x = 0; x < W; x++) {
      int n = 0;
      for (int r = 0; r < 3; r++) {
        uint64_t row = rotl(rows[r], (unsigned)(1 - x + 64));  // bring bits x-1..x+1 to 0..2
        n += (int)(row & 1) + (int)((row >> 1) & 1) * (r != 1) + (int)((row >> 2) & 1);
      }
      int alive = (int)((bg[y] >> x) & 1);
      if (n == 3 || (n == 2 && alive)) out |= 1ull << x;
    }
    nbg[y] = out;
  }
  memcpy(bg, nbg, sizeof bg);
}
static void set(int y, int x) {
  g[y][x] = 1;
  bg[y] |= 1ull << x;
}

int main(void) {
  int glider[][2] = {{1, 2}, {2, 3}, {3, 1}, {3, 2}, {3, 3}};
  for (int i = 0; i < 5; i++) set(glider[i][0], glider[i][1]);
  set(10, 40); set(10, 41); set(10, 42);
  int r[][2] = {{30, 30}, {30, 31}, {31, 29}, {31, 30}, {32, 30}};
  for (int i = 0; i < 5; i++) set(r[i][0], r[i][1]);
  int agree = 1;
  for (int gen = 1; gen <= 200; gen++) {
    step_bytes();
    step_bits();
    int pop = 0;
    for (int y = 0; y < H; y++) {
      uint64_t row = 0;
      for (int x = 0; x < W; x++) {
        pop += g[y][x];
        row |= (uint64_t)g[y][x] << x;
      }
      agree &= row == bg[y];
    }
    if (gen % 25 == 0) printf("gen %d pop %d\n", gen, pop);
  }
  printf("agree %d\n", agree);
  for (int y = 0; y < 12; y++) {
    for (int x = 0; x < W; x++) putchar(g[y][x] ? '#' : '.');
    putchar('\n');
  }
  printf("done\n");
  return 0;
}
