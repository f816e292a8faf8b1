// Matrix arithmetic: integer and double matrix multiply (naive and
// transposed), LU decomposition determinant, matrix power by squaring
// (Fibonacci mod p), Strassen-free blocked multiply.
// RUN: python3 %src/utils/test/run-c-program.py --toyc %toyc --work %t %s
#include <stdint.h>
#include <stdio.h>

#define N 48
static double A[N][N], B[N][N], C[N][N], D[N][N];
static int32_t IA[N][N], IB[N][N], IC[N][N];

__attribute__((noinline)) void matmul(double (*a)[N], double (*b)[N], double (*c)[N]) {
  for (int i = 0; i < N; i++)
    for (int j = 0; j < N; j++) {
      double s = 0;
      for (int k = 0; k < N; k++) s += a[i][k] * b[k][j];
      c[i][j] = s;
    }
}
__attribute__((noinline)) void matmul_blocked(double (*a)[N], double (*b)[N], double (*c)[N]) {
  for (int i = 0; i < N; i++)
    for (int j = 0; j < N; j++) c[i][j] = 0;
  for (int ii = 0; ii < N; ii += 16)
    for (int kk = 0; kk < N; kk += 16)
      for (int i = ii; i < ii + 16; i++)
        for (int k = kk; k < kk + 16; k++) {
          double aik = a[i][k];
          for (int j = 0; j < N; j++) c[i][j] += aik * b[k][j];
        }
}
__attribute__((noinline)) void imatmul(int32_t (*a)[N], int32_t (*b)[N], int32_t (*c)[N]) {
  for (int i = 0; i < N; i++)
    for (int j = 0; j < N; j++) {
      int32_t s = 0;
      for (int k = 0; k < N; k++) s += a[i][k] * b[k][j];
      c[i][j] = s;
    }
}
__attribute__((noinline)) double determinant(double (*m)[N], int n) {
  static double t[N][N];
  for (int i = 0; i < n; i++)
    for (int j = 0; j < n; j++) t[i][j] = m[i][j];
  double det = 1;
  for (int k = 0; k < n; k++) {
    int p = k;
    for (int i = k + 1; i < n; i++)
      if ((t[i][k] < 0 ? -t[i][k] : t[i][k]) > (t[p][k] < 0 ? -t[p][k] : t[p][k])) p = i;
    if (t[p][k] == 0) return 0;
    if (p != k) {
      for (int j = 0; j < n; j++) {
        double x = t[k][j];
        t[k][j] = t[p][j];
        t[p][j] = x;
      }
      det = -det;
    }
    det *= t[k][k];
    for (int i = k + 1; i < n; i++) {
      double f = t[i][k] / t[k][k];
      for (int j = k; j < n; j++) t[i][j] -= f * t[k][j];
    }
  }
  return det;
}
static void mat2_mul(uint64_t r[2][2], uint64_t a[2][2], uint64_t b[2][2], uint64_t p) {
  uint64_t t[2][2];
  for (int i = 0; i < 2; i++)
    for (int j = 0; j < 2; j++) t[i][j] = (a[i][0] * b[0][j] % p + a[i][1] * b[1][j] % p) % p;
  for (int i = 0; i < 2; i++)
    for (int j = 0; j < 2; j++) r[i][j] = t[i][j];
}
static uint64_t fib_mod(uint64_t n, uint64_t p) {
  uint64_t r[2][2] = {{1, 0}, {0, 1}}, m[2][2] = {{1, 1}, {1, 0}};
  while (n) {
    if (n & 1) mat2_mul(r, r, m, p);
    mat2_mul(m, m, m, p);
    n >>= 1;
  }
  return r[0][1];
}

int main(void) {
  for (int i = 0; i < N; i++)
    for (int j = 0; j < N; j++) {
      A[i][j] = ((i * 7 + j * 3) % 11) - 5 + (i == j ? 20 : 0);
      B[i][j] = ((i + 2 * j) % 5) * 0.5 - 1;
      IA[i][j] = (i * 31 + j * 17) % 23 - 11;
      IB[i][j] = (i ^ j) % 13 - 6;
    }
  matmul(A, B, C);
  matmul_blocked(A, B, D);
  double tr = 0, diff = 0;
  for (int i = 0; i < N; i++) {
    tr += C[i][i];
    for (int j = 0; j < N; j++) diff += C[i][j] - D[i][j];
  }
  printf("trace %.17g diff %g corner %.17g\n", tr, diff, C[N - 1][0]);
  imatmul(IA, IB, IC);
  uint32_t h = 0;
  for (int i = 0; i < N; i++)
    for (int j = 0; j < N; j++) h = h * 31 + (uint32_t)IC[i][j];
  printf("int hash %08x sample %d %d\n", h, IC[3][4], IC[47][47]);
  printf("det8 %.10g det16 %.10g\n", determinant(A, 8), determinant(A, 16));
  printf("fib mod %llu %llu\n", (unsigned long long)fib_mod(1000000, 1000000007),
         (unsigned long long)fib_mod(123456789012ull, 998244353));
  printf("done\n");
  return 0;
}
