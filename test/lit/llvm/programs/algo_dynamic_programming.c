// Dynamic programming: longest common subsequence with reconstruction,
// edit distance, 0/1 knapsack, coin change counts (64-bit), longest
// increasing subsequence with patience sorting, matrix-chain order.
// RUN: python3 %src/utils/test/run-c-program.py --toyc %toyc --work %t %s
#include <stdio.h>
#include <string.h>

static int L[64][64];
static void lcs(const char *a, const char *b) {
  int n = (int)strlen(a), m = (int)strlen(b);
  for (int i = 0; i <= n; i++)
    for (int j = 0; j <= m; j++)
      L[i][j] = !i || !j ? 0 : a[i - 1] == b[j - 1] ? L[i - 1][j - 1] + 1 : L[i - 1][j] > L[i][j - 1] ? L[i - 1][j] : L[i][j - 1];
  char out[64];
  int k = L[n][m], i = n, j = m;
  out[k] = 0;
  while (i && j) {
    if (a[i - 1] == b[j - 1]) {
      out[--k] = a[i - 1];
      i--;
      j--;
    } else if (L[i - 1][j] >= L[i][j - 1]) {
      i--;
    } else {
      j--;
    }
  }
  printf("lcs(%s, %s) = %d '%s'\n", a, b, L[n][m], out);
}
static int edit(const char *a, const char *b) {
  int n = (int)strlen(a), m = (int)strlen(b), d[32][32];
  for (int i = 0; i <= n; i++) d[i][0] = i;
  for (int j = 0; j <= m; j++) d[0][j] = j;
  for (int i = 1; i <= n; i++)
    for (int j = 1; j <= m; j++) {
      int c = d[i - 1][j - 1] + (a[i - 1] != b[j - 1]);
      if (d[i - 1][j] + 1 < c) c = d[i - 1][j] + 1;
      if (d[i][j - 1] + 1 < c) c = d[i][j - 1] + 1;
      d[i][j] = c;
    }
  return d[n][m];
}
static int knapsack(const int *w, const int *v, int n, int cap) {
  int best[1001] = {0};
  for (int i = 0; i < n; i++)
    for (int c = cap; c >= w[i]; c--)
      if (best[c - w[i]] + v[i] > best[c]) best[c] = best[c - w[i]] + v[i];
  return best[cap];
}
static unsigned long long coin_ways(const int *coins, int n, int amount) {
  static unsigned long long ways[10001];
  memset(ways, 0, sizeof ways);
  ways[0] = 1;
  for (int i = 0; i < n; i++)
    for (int a = coins[i]; a <= amount; a++) ways[a] += ways[a - coins[i]];
  return ways[amount];
}
static int lis(const int *v, int n) {
  int tails[256], len = 0;
  for (int i = 0; i < n; i++) {
    int lo = 0, hi = len;
    while (lo < hi) {
      int mid = (lo + hi) / 2;
      if (tails[mid] < v[i]) lo = mid + 1;
      else hi = mid;
    }
    tails[lo] = v[i];
    if (lo == len) len++;
  }
  return len;
}
static long long chain_order(const int *dims, int n) {
  static long long m[16][16];
  for (int len = 2; len <= n; len++)
    for (int i = 0; i + len - 1 < n; i++) {
      int j = i + len - 1;
      m[i][j] = -1;
      for (int k = i; k < j; k++) {
        long long c = m[i][k] + m[k + 1][j] + (long long)dims[i] * dims[k + 1] * dims[j + 1];
        if (m[i][j] < 0 || c < m[i][j]) m[i][j] = c;
      }
    }
  return m[0][n - 1];
}

int main(void) {
  lcs("AGGTABQWERTY", "GXTXAYBWRT");
  lcs("dynamicprogramming", "programmingdynamic");
  const char *pairs[][2] = {{"kitten", "sitting"}, {"flaw", "lawn"}, {"", "abc"}, {"intention", "execution"}};
  for (int i = 0; i < 4; i++) printf("edit %s %s = %d\n", pairs[i][0], pairs[i][1], edit(pairs[i][0], pairs[i][1]));
  int w[20], v[20];
  for (int i = 0; i < 20; i++) {
    w[i] = 5 + (i * 37) % 41;
    v[i] = 10 + (i * 53) % 67;
  }
  printf("knapsack %d %d\n", knapsack(w, v, 20, 100), knapsack(w, v, 20, 1000));
  int coins[] = {1, 2, 5, 10, 20, 50, 100, 200};
  printf("coins %llu %llu\n", coin_ways(coins, 8, 200), coin_ways(coins, 8, 10000));
  int seq[200];
  for (int i = 0; i < 200; i++) seq[i] = (i * 7919) % 211;
  printf("lis %d\n", lis(seq, 200));
  int dims[] = {30, 35, 15, 5, 10, 20, 25, 40, 12};
  printf("chain %lld\n", chain_order(dims, 8));
  printf("done\n");
  return 0;
}
