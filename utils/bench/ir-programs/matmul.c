// Dense matrix multiply in double (i-k-j order) and int32 (naive order),
// 2D array indexing with address arithmetic that folds into load offsets.
#include <stdint.h>
#include <stdio.h>

#define N 200
static double A[N][N], B[N][N], C[N][N];
static int32_t IA[N][N], IB[N][N], IC[N][N];

int main(void) {
  for (int i = 0; i < N; i++)
    for (int j = 0; j < N; j++) {
      A[i][j] = (double)((i * 7 + j * 3) % 11) - 5.0;
      B[i][j] = (double)((i + 2 * j) % 5) * 0.5 - 1.0;
      IA[i][j] = (i * 31 + j * 17) % 23 - 11;
      IB[i][j] = (i ^ j) % 13 - 6;
    }
  for (int rep = 0; rep < 6; rep++) {
    for (int i = 0; i < N; i++) {
      for (int j = 0; j < N; j++) C[i][j] = 0;
      for (int k = 0; k < N; k++) {
        double a = A[i][k];
        for (int j = 0; j < N; j++) C[i][j] += a * B[k][j];
      }
    }
    for (int i = 0; i < N; i++)
      for (int j = 0; j < N; j++) {
        int32_t s = 0;
        for (int k = 0; k < N; k++) s += IA[i][k] * IB[k][j];
        IC[i][j] = s;
      }
    A[rep][rep] += 1.0;
  }
  double tr = 0;
  uint32_t h = 0;
  for (int i = 0; i < N; i++) {
    tr += C[i][i];
    for (int j = 0; j < N; j++) h = h * 31u + (uint32_t)IC[i][j];
  }
  printf("trace %.17g hash %08x\n", tr, h);
  return 0;
}
