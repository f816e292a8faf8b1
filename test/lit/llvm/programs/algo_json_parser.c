// A recursive-descent JSON parser building a tree in a node pool, then
// walking it: objects, arrays, strings with escapes, numbers, literals,
// and error positions for malformed input.
// RUN: python3 %src/utils/test/run-c-program.py --toyc %toyc --work %t %s
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum jt { J_NULL, J_BOOL, J_NUM, J_STR, J_ARR, J_OBJ };
struct jnode { enum jt t; double num; int b; char str[32]; int first, next; char key[16]; };
static struct jnode pool[512];
static int npool;
static const char *src, *err;

static void ws(void) { while (*src == ' ' || *src == '\n' || *src == '\t' || *src == '\r') src++; }
static int parse_value(void);
static int newnode(enum jt t) {
  memset(&pool[npool], 0, sizeof pool[0]);
  pool[npool].t = t;
  pool[npool].first = pool[npool].next = -1;
  return npool++;
}
static int parse_string(char *out, int cap) {
  if (*src != '"') return err = src, 0;
  src++;
  int n = 0;
  while (*src && *src != '"') {
    char c = *src++;
    if (c == '\\') {
      switch (*src++) {
      case 'n': c = '\n'; break;
      case 't': c = '\t'; break;
      case '"': c = '"'; break;
      case '\\': c = '\\'; break;
      case 'u': c = '?'; src += 4; break;
      default: err = src - 1; return 0;
      }
    }
    if (n < cap - 1) out[n++] = c;
  }
  if (*src != '"') return err = src, 0;
  src++;
  out[n] = 0;
  return 1;
}
static int parse_value(void) {
  ws();
  if (err) return -1;
  int id;
  if (*src == '{' || *src == '[') {
    int obj = *src == '{';
    id = newnode(obj ? J_OBJ : J_ARR);
    src++;
    ws();
    int last = -1;
    if (*src == (obj ? '}' : ']')) {
      src++;
      return id;
    }
    for (;;) {
      char key[16] = "";
      if (obj) {
        ws();
        if (!parse_string(key, sizeof key)) return -1;
        ws();
        if (*src != ':') return err = src, -1;
        src++;
      }
      int child = parse_value();
      if (child < 0) return -1;
      strcpy(pool[child].key, key);
      if (last < 0) pool[id].first = child;
      else pool[last].next = child;
      last = child;
      ws();
      if (*src == ',') {
        src++;
        continue;
      }
      if (*src == (obj ? '}' : ']')) {
        src++;
        return id;
      }
      return err = src, -1;
    }
  }
  if (*src == '"') {
    id = newnode(J_STR);
    return parse_string(pool[id].str, sizeof pool[id].str) ? id : -1;
  }
  if (!strncmp(src, "true", 4) || !strncmp(src, "false", 5)) {
    id = newnode(J_BOOL);
    pool[id].b = *src == 't';
    src += pool[id].b ? 4 : 5;
    return id;
  }
  if (!strncmp(src, "null", 4)) {
    src += 4;
    return newnode(J_NULL);
  }
  if (*src == '-' || (*src >= '0' && *src <= '9')) {
    char *end;
    id = newnode(J_NUM);
    pool[id].num = strtod(src, &end);
    src = end;
    return id;
  }
  err = src;
  return -1;
}
static void dump(int id, int depth) {
  struct jnode *n = &pool[id];
  printf("%*s%s%s", depth * 2, "", n->key[0] ? n->key : "", n->key[0] ? ": " : "");
  switch (n->t) {
  case J_NULL: printf("null\n"); break;
  case J_BOOL: printf("%s\n", n->b ? "true" : "false"); break;
  case J_NUM: printf("%g\n", n->num); break;
  case J_STR: printf("\"%s\"\n", n->str); break;
  case J_ARR:
  case J_OBJ:
    printf("%s\n", n->t == J_ARR ? "[" : "{");
    for (int c = n->first; c >= 0; c = pool[c].next) dump(c, depth + 1);
    printf("%*s%s\n", depth * 2, "", n->t == J_ARR ? "]" : "}");
  }
}
static double sum_numbers(int id) {
  double s = pool[id].t == J_NUM ? pool[id].num : 0;
  for (int c = pool[id].first; c >= 0; c = pool[c].next) s += sum_numbers(c);
  return s;
}

int main(void) {
  const char *docs[] = {
      ("{\"name\": \"toy\\tc\", \"version\": 1.5, \"tags\": [\"wasm\", \"ir\", \"\\\"q\\\"\"], \"ok\": true,"
       " \"nested\": {\"a\": [1, 2, [3, -4.25e1]], \"b\": null, \"empty\": {}, \"none\": []}}"),
      "[1, 2, 3,]", "{\"a\" 1}", "[true, false, nul]", "  42  ", "\"unterminated"};
  for (int i = 0; i < 6; i++) {
    npool = 0;
    err = NULL;
    src = docs[i];
    int root = parse_value();
    if (root < 0 || err) {
      printf("doc %d: error at offset %d\n", i, (int)((err ? err : src) - docs[i]));
      continue;
    }
    printf("doc %d: %d nodes, sum %g\n", i, npool, sum_numbers(root));
    dump(root, 1);
  }
  printf("done\n");
  return 0;
}
