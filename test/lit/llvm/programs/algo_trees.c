// Trees: an AVL tree with insertion and deletion (rotations, height
// bookkeeping), in-order traversal, a binary heap priority queue, and a
// trie of words with prefix counts.
// RUN: python3 %src/utils/test/run-c-program.py --toyc %toyc --work %t %s
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct avl { int key, h; struct avl *l, *r; };
static int ht(struct avl *n) { return n ? n->h : 0; }
static void fix(struct avl *n) { n->h = 1 + (ht(n->l) > ht(n->r) ? ht(n->l) : ht(n->r)); }
static struct avl *rot_r(struct avl *y) {
  struct avl *x = y->l;
  y->l = x->r;
  x->r = y;
  fix(y);
  fix(x);
  return x;
}
static struct avl *rot_l(struct avl *x) {
  struct avl *y = x->r;
  x->r = y->l;
  y->l = x;
  fix(x);
  fix(y);
  return y;
}
static struct avl *balance(struct avl *n) {
  fix(n);
  int b = ht(n->l) - ht(n->r);
  if (b > 1) {
    if (ht(n->l->l) < ht(n->l->r)) n->l = rot_l(n->l);
    return rot_r(n);
  }
  if (b < -1) {
    if (ht(n->r->r) < ht(n->r->l)) n->r = rot_r(n->r);
    return rot_l(n);
  }
  return n;
}
static struct avl *insert(struct avl *n, int k) {
  if (!n) {
    n = calloc(1, sizeof *n);
    n->key = k;
    n->h = 1;
    return n;
  }
  if (k < n->key) n->l = insert(n->l, k);
  else if (k > n->key) n->r = insert(n->r, k);
  else return n;
  return balance(n);
}
static struct avl *remove_min(struct avl *n, struct avl **min) {
  if (!n->l) {
    *min = n;
    return n->r;
  }
  n->l = remove_min(n->l, min);
  return balance(n);
}
static struct avl *erase(struct avl *n, int k) {
  if (!n) return NULL;
  if (k < n->key) n->l = erase(n->l, k);
  else if (k > n->key) n->r = erase(n->r, k);
  else {
    struct avl *l = n->l, *r = n->r;
    free(n);
    if (!r) return l;
    struct avl *m;
    r = remove_min(r, &m);
    m->l = l;
    m->r = r;
    return balance(m);
  }
  return balance(n);
}
static int count;
static unsigned checksum;
static void walk(struct avl *n) {
  if (!n) return;
  walk(n->l);
  count++;
  checksum = checksum * 31 + (unsigned)n->key;
  walk(n->r);
}

static int heap[1024], hn;
static void hpush(int v) {
  int i = hn++;
  while (i && heap[(i - 1) / 2] > v) {
    heap[i] = heap[(i - 1) / 2];
    i = (i - 1) / 2;
  }
  heap[i] = v;
}
static int hpop(void) {
  int top = heap[0], v = heap[--hn], i = 0;
  for (;;) {
    int c = 2 * i + 1;
    if (c >= hn) break;
    if (c + 1 < hn && heap[c + 1] < heap[c]) c++;
    if (heap[c] >= v) break;
    heap[i] = heap[c];
    i = c;
  }
  heap[i] = v;
  return top;
}

struct trie { struct trie *kids[26]; int count, end; };
static void trie_add(struct trie *t, const char *w) {
  for (; *w; w++) {
    int c = *w - 'a';
    if (!t->kids[c]) t->kids[c] = calloc(1, sizeof *t);
    t = t->kids[c];
    t->count++;
  }
  t->end++;
}
static int trie_prefix(struct trie *t, const char *p) {
  for (; *p && t; p++) t = t->kids[*p - 'a'];
  return t ? t->count : 0;
}

int main(void) {
  struct avl *root = NULL;
  for (int i = 0; i < 2000; i++) root = insert(root, (i * 7919) % 4001);
  walk(root);
  printf("avl count %d height %d checksum %u\n", count, ht(root), checksum);
  for (int i = 0; i < 4001; i += 3) root = erase(root, i);
  count = checksum = 0;
  walk(root);
  printf("after erase count %d height %d checksum %u root %d\n", count, ht(root), checksum, root->key);
  for (int i = 0; i < 1000; i++) hpush((i * 613) % 1009);
  printf("heap pops:");
  for (int i = 0; i < 10; i++) printf(" %d", hpop());
  printf(" size %d\n", hn);
  struct trie *t = calloc(1, sizeof *t);
  const char *words[] = {"car", "cart", "carbon", "care", "cat", "dog", "door", "dorm", "do", "card"};
  for (int i = 0; i < 10; i++) trie_add(t, words[i]);
  const char *pre[] = {"ca", "car", "card", "do", "dor", "x", ""};
  for (int i = 0; i < 7; i++) printf("prefix '%s' %d\n", pre[i], pre[i][0] ? trie_prefix(t, pre[i]) : 10);
  printf("done\n");
  return 0;
}
