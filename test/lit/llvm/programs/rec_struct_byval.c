// Recursion with structs by value: a persistent (copying) stack passed by
// value down the recursion, struct results combined on the way up, and a
// divide-and-conquer closest-pair using point structs.
// RUN: python3 %src/utils/test/run-c-program.py --toyc %toyc --work %t %s
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

struct path { int len; char steps[40]; };
struct stats { long count; long sum; int max_len; };
struct pt { double x, y; };

__attribute__((noinline)) struct stats walk(struct path p, int x, int y, int n) {
  struct stats s = {0, 0, 0};
  if (x == n && y == n) {
    s.count = 1;
    for (int i = 0; i < p.len; i++) s.sum += p.steps[i] == 'R' ? i : 0;
    s.max_len = p.len;
    return s;
  }
  if (x < n) {
    struct path q = p;
    q.steps[q.len++] = 'R';
    struct stats r = walk(q, x + 1, y, n);
    s.count += r.count;
    s.sum += r.sum;
    if (r.max_len > s.max_len) s.max_len = r.max_len;
  }
  if (y < x) {
    struct path q = p;
    q.steps[q.len++] = 'U';
    struct stats r = walk(q, x, y + 1, n);
    s.count += r.count;
    s.sum += r.sum;
    if (r.max_len > s.max_len) s.max_len = r.max_len;
  }
  return s;
}

static int by_x(const void *a, const void *b) {
  double d = ((const struct pt *)a)->x - ((const struct pt *)b)->x;
  return (d > 0) - (d < 0);
}
static double dist(struct pt a, struct pt b) { return sqrt((a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y)); }
__attribute__((noinline)) double closest(struct pt *p, int n) {
  if (n <= 3) {
    double best = 1e300;
    for (int i = 0; i < n; i++)
      for (int j = i + 1; j < n; j++)
        if (dist(p[i], p[j]) < best) best = dist(p[i], p[j]);
    return best;
  }
  int mid = n / 2;
  struct pt m = p[mid];
  double dl = closest(p, mid), dr = closest(p + mid, n - mid);
  double d = dl < dr ? dl : dr;
  for (int i = 0; i < n; i++)
    if (fabs(p[i].x - m.x) < d)
      for (int j = i + 1; j < n; j++)
        if (fabs(p[j].x - m.x) < d && fabs(p[j].y - p[i].y) < d && dist(p[i], p[j]) < d) d = dist(p[i], p[j]);
  return d;
}

int main(void) {
  for (int n = 1; n <= 9; n += 2) {
    struct path p = {0, {0}};
    struct stats s = walk(p, 0, 0, n);
    printf("n=%d paths %ld sum %ld len %d\n", n, s.count, s.sum, s.max_len);
  }
  struct pt pts[300];
  unsigned x = 17;
  for (int i = 0; i < 300; i++) {
    x = x * 1103515245u + 12345u;
    pts[i].x = (x >> 8) % 100000 / 100.0;
    x = x * 1103515245u + 12345u;
    pts[i].y = (x >> 8) % 100000 / 100.0;
  }
  qsort(pts, 300, sizeof pts[0], by_x);
  printf("closest %.10g\n", closest(pts, 300));
  printf("done\n");
  return 0;
}
