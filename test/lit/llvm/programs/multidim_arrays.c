// Multi-dimensional arrays: 3D indexing, passing rows and planes, pointer
// to array types, arrays of arrays of structs, flattening and transposing.
// RUN: python3 %src/utils/test/run-c-program.py --toyc %toyc --work %t %s
#include <stdio.h>

static int cube[4][5][6];
struct cell { short v; char mark; };
static struct cell board[8][8];

__attribute__((noinline)) int plane_sum(int (*plane)[6], int rows) {
  int s = 0;
  for (int r = 0; r < rows; r++)
    for (int c = 0; c < 6; c++) s += plane[r][c];
  return s;
}
__attribute__((noinline)) void transpose(int n, int m, const int in[n][m], int out[m][n]) {
  for (int i = 0; i < n; i++)
    for (int j = 0; j < m; j++) out[j][i] = in[i][j];
}
__attribute__((noinline)) long flat_sum(const int *p, int n) {
  long s = 0;
  for (int i = 0; i < n; i++) s += (long)p[i] * (i % 7);
  return s;
}

int main(void) {
  for (int i = 0; i < 4; i++)
    for (int j = 0; j < 5; j++)
      for (int k = 0; k < 6; k++) cube[i][j][k] = i * 100 + j * 10 + k;
  for (int i = 0; i < 4; i++) printf("plane %d sum %d\n", i, plane_sum(cube[i], 5));
  printf("flat %ld corner %d\n", flat_sum(&cube[0][0][0], 4 * 5 * 6), cube[3][4][5]);
  int m[3][4], t[4][3];
  for (int i = 0; i < 3; i++)
    for (int j = 0; j < 4; j++) m[i][j] = i * 4 + j;
  transpose(3, 4, (const int(*)[4])m, t);
  for (int j = 0; j < 4; j++) printf("%d %d %d\n", t[j][0], t[j][1], t[j][2]);
  for (int r = 0; r < 8; r++)
    for (int c = 0; c < 8; c++) {
      board[r][c].v = (short)((r ^ c) * (r + c));
      board[r][c].mark = (r + c) % 2 ? 'x' : 'o';
    }
  int diag = 0;
  for (int i = 0; i < 8; i++) diag += board[i][i].v + board[i][7 - i].v;
  printf("diag %d mark %c%c size %u\n", diag, board[2][5].mark, board[3][3].mark, (unsigned)sizeof board);
  int (*row)[6] = &cube[2][3];
  printf("row ptr %d %d\n", (*row)[0], row[1][5]);
  printf("done\n");
  return 0;
}
