// Graph algorithms on a generated weighted graph: Dijkstra with a binary
// heap, Bellman-Ford, BFS levels, Floyd-Warshall on a small subgraph,
// connected components with union-find, topological sort of a DAG.
// RUN: python3 %src/utils/test/run-c-program.py --toyc %toyc --work %t %s
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#define V 300
#define E 1500
static int eu[E], ev[E], ew[E];
static int head[V], nxt[E], dist[V], dist2[V];
static int heap[E + V], hd[E + V], hsize;

static void push(int d, int v) {
  int i = hsize++;
  while (i > 0 && hd[(i - 1) / 2] > d) {
    heap[i] = heap[(i - 1) / 2];
    hd[i] = hd[(i - 1) / 2];
    i = (i - 1) / 2;
  }
  heap[i] = v;
  hd[i] = d;
}
static int pop(int *d) {
  int v = heap[0];
  *d = hd[0];
  int lv = heap[--hsize], ld = hd[hsize], i = 0;
  for (;;) {
    int c = 2 * i + 1;
    if (c >= hsize) break;
    if (c + 1 < hsize && hd[c + 1] < hd[c]) c++;
    if (hd[c] >= ld) break;
    heap[i] = heap[c];
    hd[i] = hd[c];
    i = c;
  }
  heap[i] = lv;
  hd[i] = ld;
  return v;
}
static int parent[V];
static int find(int x) { return parent[x] == x ? x : (parent[x] = find(parent[x])); }

int main(void) {
  uint32_t s = 2463534242u;
  for (int i = 0; i < E; i++) {
    s ^= s << 13; s ^= s >> 17; s ^= s << 5;
    eu[i] = (int)(s % V);
    s ^= s << 13; s ^= s >> 17; s ^= s << 5;
    ev[i] = (int)(s % V);
    ew[i] = (int)(s >> 20) % 100 + 1;
  }
  memset(head, -1, sizeof head);
  for (int i = 0; i < E; i++) {
    nxt[i] = head[eu[i]];
    head[eu[i]] = i;
  }
  for (int i = 0; i < V; i++) dist[i] = dist2[i] = 1 << 29;
  dist[0] = 0;
  push(0, 0);
  while (hsize) {
    int d, u = pop(&d);
    if (d > dist[u]) continue;
    for (int e = head[u]; e >= 0; e = nxt[e])
      if (d + ew[e] < dist[ev[e]]) {
        dist[ev[e]] = d + ew[e];
        push(dist[ev[e]], ev[e]);
      }
  }
  dist2[0] = 0;
  for (int it = 0; it < V; it++) {
    int changed = 0;
    for (int e = 0; e < E; e++)
      if (dist2[eu[e]] + ew[e] < dist2[ev[e]]) {
        dist2[ev[e]] = dist2[eu[e]] + ew[e];
        changed = 1;
      }
    if (!changed) break;
  }
  long total = 0;
  int reach = 0, same = 1;
  for (int i = 0; i < V; i++) {
    if (dist[i] < (1 << 29)) {
      reach++;
      total += dist[i];
    }
    same &= dist[i] == dist2[i];
  }
  printf("dijkstra reach %d total %ld agree %d d[17]=%d d[299]=%d\n", reach, total, same, dist[17], dist[299]);
  int level[V], queue[V], qh = 0, qt = 0;
  for (int i = 0; i < V; i++) level[i] = -1;
  level[5] = 0;
  queue[qt++] = 5;
  while (qh < qt) {
    int u = queue[qh++];
    for (int e = head[u]; e >= 0; e = nxt[e])
      if (level[ev[e]] < 0) {
        level[ev[e]] = level[u] + 1;
        queue[qt++] = ev[e];
      }
  }
  int maxl = 0;
  for (int i = 0; i < V; i++) maxl = level[i] > maxl ? level[i] : maxl;
  printf("bfs visited %d depth %d\n", qt, maxl);
  static int fw[40][40];
  for (int i = 0; i < 40; i++)
    for (int j = 0; j < 40; j++) fw[i][j] = i == j ? 0 : 1 << 28;
  for (int e = 0; e < E; e++)
    if (eu[e] < 40 && ev[e] < 40 && ew[e] < fw[eu[e]][ev[e]]) fw[eu[e]][ev[e]] = ew[e];
  for (int k = 0; k < 40; k++)
    for (int i = 0; i < 40; i++)
      for (int j = 0; j < 40; j++)
        if (fw[i][k] + fw[k][j] < fw[i][j]) fw[i][j] = fw[i][k] + fw[k][j];
  long fsum = 0;
  for (int i = 0; i < 40; i++)
    for (int j = 0; j < 40; j++) fsum += fw[i][j] < (1 << 28) ? fw[i][j] : 0;
  printf("floyd sum %ld\n", fsum);
  for (int i = 0; i < V; i++) parent[i] = i;
  for (int e = 0; e < E / 6; e++) parent[find(eu[e])] = find(ev[e]);
  int comps = 0;
  for (int i = 0; i < V; i++) comps += find(i) == i;
  printf("components %d\n", comps);
  int indeg[V] = {0}, order[V], no = 0;
  for (int e = 0; e < E; e++)
    if (eu[e] < ev[e]) indeg[ev[e]]++;
  qh = qt = 0;
  for (int i = 0; i < V; i++)
    if (!indeg[i]) queue[qt++] = i;
  while (qh < qt) {
    int u = queue[qh++];
    order[no++] = u;
    for (int e = head[u]; e >= 0; e = nxt[e])
      if (eu[e] < ev[e] && --indeg[ev[e]] == 0) queue[qt++] = ev[e];
  }
  printf("topo %d first %d %d %d last %d\n", no, order[0], order[1], order[2], order[no - 1]);
  printf("done\n");
  return 0;
}
