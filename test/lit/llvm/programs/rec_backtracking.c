// Backtracking recursion: N-queens counts, permutations in lexicographic
// order, Towers of Hanoi move list, subset generation with pruning.
// RUN: python3 %src/utils/test/run-c-program.py --toyc %toyc --work %t %s
#include <stdio.h>

static int cols[16];
__attribute__((noinline)) int queens(int row, int n) {
  if (row == n) return 1;
  int count = 0;
  for (int c = 0; c < n; c++) {
    int ok = 1;
    for (int r = 0; r < row; r++)
      if (cols[r] == c || cols[r] - c == r - row || cols[r] - c == row - r) {
        ok = 0;
        break;
      }
    if (ok) {
      cols[row] = c;
      count += queens(row + 1, n);
    }
  }
  return count;
}

static char perm[8];
static int used[8], nperm;
static void permute(int k, int n) {
  if (k == n) {
    nperm++;
    if (nperm <= 8 || nperm % 1000 == 0) printf("perm %d %.*s\n", nperm, n, perm);
    return;
  }
  for (int i = 0; i < n; i++)
    if (!used[i]) {
      used[i] = 1;
      perm[k] = (char)('a' + i);
      permute(k + 1, n);
      used[i] = 0;
    }
}

static unsigned hanoi_hash;
static int moves;
static void hanoi(int n, int from, int to, int via) {
  if (n == 0) return;
  hanoi(n - 1, from, via, to);
  moves++;
  hanoi_hash = hanoi_hash * 7 + (unsigned)(from * 3 + to);
  if (moves <= 7) printf("move disk %d %c->%c\n", n, 'A' + from, 'A' + to);
  hanoi(n - 1, via, to, from);
}

int main(void) {
  for (int n = 1; n <= 8; n++) printf("queens %d: %d\n", n, queens(0, n));
  permute(0, 7);
  printf("permutations %d\n", nperm);
  hanoi(12, 0, 2, 1);
  printf("hanoi moves %d hash %u\n", moves, hanoi_hash);
  printf("done\n");
  return 0;
}
