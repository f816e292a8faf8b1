// A backtracking Sudoku solver with bit masks for candidates and a
// most-constrained-cell heuristic; solves two puzzles and checks them.
// RUN: python3 %src/utils/test/run-c-program.py --toyc %toyc --work %t %s
#include <stdio.h>

static int grid[81];
static unsigned rows[9], cols[9], boxes[9];
static long nodes;

static int box(int i) { return (i / 27) * 3 + (i % 9) / 3; }
static void place(int i, int d) {
  grid[i] = d;
  rows[i / 9] |= 1u << d;
  cols[i % 9] |= 1u << d;
  boxes[box(i)] |= 1u << d;
}
static void unplace(int i, int d) {
  grid[i] = 0;
  rows[i / 9] &= ~(1u << d);
  cols[i % 9] &= ~(1u << d);
  boxes[box(i)] &= ~(1u << d);
}
static int solve(void) {
  nodes++;
  int best = -1, best_count = 10;
  unsigned best_mask = 0;
  for (int i = 0; i < 81; i++) {
    if (grid[i]) continue;
    unsigned mask = ~(rows[i / 9] | cols[i % 9] | boxes[box(i)]) & 0x3fe;
    int c = __builtin_popcount(mask);
    if (c < best_count) {
      best = i;
      best_count = c;
      best_mask = mask;
      if (c <= 1) break;
    }
  }
  if (best < 0) return 1;
  for (int d = 1; d <= 9; d++)
    if (best_mask & (1u << d)) {
      place(best, d);
      if (solve()) return 1;
      unplace(best, d);
    }
  return 0;
}
static int load_and_solve(const char *s) {
  for (int i = 0; i < 9; i++) rows[i] = cols[i] = boxes[i] = 0;
  for (int i = 0; i < 81; i++) {
    grid[i] = 0;
    if (s[i] >= '1' && s[i] <= '9') place(i, s[i] - '0');
  }
  nodes = 0;
  return solve();
}
static int valid(void) {
  for (int u = 0; u < 9; u++) {
    unsigned r = 0, c = 0, b = 0;
    for (int k = 0; k < 9; k++) {
      r |= 1u << grid[u * 9 + k];
      c |= 1u << grid[k * 9 + u];
      b |= 1u << grid[(u / 3) * 27 + (u % 3) * 3 + (k / 3) * 9 + k % 3];
    }
    if (r != 0x3fe || c != 0x3fe || b != 0x3fe) return 0;
  }
  return 1;
}

int main(void) {
  const char *puzzles[] = {
      "53..7....6..195....98....6.8...6...34..8.3..17...2...6.6....28....419..5....8..79",
      "8..........36......7..9.2...5...7.......457.....1...3...1....68..85...1..9....4.."};
  for (int p = 0; p < 2; p++) {
    int ok = load_and_solve(puzzles[p]);
    printf("puzzle %d solved %d valid %d nodes %ld\n", p, ok, valid(), nodes);
    for (int r = 0; r < 9; r++) {
      for (int c = 0; c < 9; c++) printf("%d", grid[r * 9 + c]);
      printf("\n");
    }
  }
  printf("done\n");
  return 0;
}
