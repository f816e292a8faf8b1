// Computed goto (GNU labels as values, `indirectbr` in the IR): a threaded
// interpreter dispatching through a table of label addresses, and a state
// machine stored as label pointers.
// RUN: python3 %src/utils/test/run-c-program.py --toyc %toyc --work %t %s
#include <stdio.h>

enum { OP_LIT, OP_ADD, OP_MUL, OP_DUP, OP_SWAP, OP_DEC, OP_JNZ, OP_PRINT, OP_DROP, OP_END };

__attribute__((noinline)) long threaded(const int *prog) {
  static void *const dispatch[] = {&&lit, &&add, &&mul, &&dup, &&swap, &&dec, &&jnz, &&print, &&drop, &&end};
  long st[64];
  int sp = 0;
  const int *ip = prog;
#define NEXT goto *dispatch[*ip++]
  NEXT;
lit:
  st[sp++] = *ip++;
  NEXT;
add:
  sp--;
  st[sp - 1] += st[sp];
  NEXT;
mul:
  sp--;
  st[sp - 1] *= st[sp];
  NEXT;
dup:
  st[sp] = st[sp - 1];
  sp++;
  NEXT;
swap: {
  long t = st[sp - 1];
  st[sp - 1] = st[sp - 2];
  st[sp - 2] = t;
}
  NEXT;
dec:
  st[sp - 1]--;
  NEXT;
jnz:
  if (st[--sp]) ip = prog + *ip;
  else ip++;
  NEXT;
print:
  printf("print %ld\n", st[sp - 1]);
  NEXT;
drop:
  sp--;
  NEXT;
end:
  return sp ? st[sp - 1] : -1;
#undef NEXT
}

__attribute__((noinline)) int count_words(const char *s) {
  void *state = &&space;
  int words = 0;
  for (;; s++) {
    goto *state;
  space:
    if (!*s) break;
    if (*s != ' ') {
      words++;
      state = &&word;
    }
    continue;
  word:
    if (!*s) break;
    if (*s == ' ') state = &&space;
  }
  return words;
}

int main(void) {
  // acc = 1; n = 10; loop: acc *= n; n--; while n
  const int prog[] = {OP_LIT, 1, OP_LIT, 10,
                      /*4*/ OP_DUP, OP_PRINT, OP_DROP, OP_SWAP, OP_LIT, 0, OP_ADD, OP_SWAP, OP_DUP,
                      /*13*/ OP_LIT, 0, OP_ADD, OP_SWAP, OP_DROP, OP_SWAP, OP_LIT, 0, OP_ADD,
                      /*22*/ OP_SWAP, OP_DUP, OP_DEC, OP_SWAP, OP_DROP, OP_SWAP, OP_DUP, OP_LIT, 0, OP_ADD,
                      /*32*/ OP_SWAP, OP_DROP, OP_END};
  printf("threaded %ld\n", threaded(prog));
  const int sum[] = {OP_LIT, 0, OP_LIT, 5, OP_DUP, OP_PRINT, OP_DROP, OP_DUP, OP_DEC, OP_DUP, OP_JNZ, 4, OP_DROP,
                     OP_ADD, OP_ADD, OP_ADD, OP_ADD, OP_ADD, OP_END};
  printf("sum %ld\n", threaded(sum));
  const int fact[] = {OP_LIT, 2, OP_LIT, 3, OP_MUL, OP_LIT, 4, OP_MUL, OP_LIT, 5, OP_MUL, OP_END};
  printf("fact %ld\n", threaded(fact));
  printf("words %d %d %d\n", count_words("  the quick  brown fox "), count_words(""), count_words("one"));
  printf("done\n");
  return 0;
}
