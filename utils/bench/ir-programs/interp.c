// A bytecode interpreter: a stack machine with a large dispatch switch in
// a loop (br_table), running a nested-loop program many times.
#include <stdint.h>
#include <stdio.h>

enum { PUSH, LOAD, STORE, ADD, SUB, MUL, XOR, SHR, AND, LT, JZ, JMP, INC, DUP, POP, HALT };

static int64_t run(const int32_t *code, int64_t *mem) {
  int64_t st[64];
  int sp = 0, pc = 0;
  for (;;) {
    int32_t op = code[pc++];
    switch (op) {
    case PUSH: st[sp++] = code[pc++]; break;
    case LOAD: st[sp++] = mem[code[pc++]]; break;
    case STORE: mem[code[pc++]] = st[--sp]; break;
    case ADD: sp--; st[sp - 1] += st[sp]; break;
    case SUB: sp--; st[sp - 1] -= st[sp]; break;
    case MUL: sp--; st[sp - 1] *= st[sp]; break;
    case XOR: sp--; st[sp - 1] ^= st[sp]; break;
    case SHR: sp--; st[sp - 1] >>= st[sp]; break;
    case AND: sp--; st[sp - 1] &= st[sp]; break;
    case LT: sp--; st[sp - 1] = st[sp - 1] < st[sp]; break;
    case JZ: pc = st[--sp] ? pc + 1 : code[pc]; break;
    case JMP: pc = code[pc]; break;
    case INC: mem[code[pc++]]++; break;
    case DUP: st[sp] = st[sp - 1]; sp++; break;
    case POP: sp--; break;
    case HALT: return mem[0];
    }
  }
}

int main(void) {
  // mem[0] = acc, mem[1] = i, mem[2] = j
  // for (i = 0; i < 3000; i++) for (j = 0; j < 1000; j++) acc = (acc * 31 + (i ^ j)) & 0x7fffffff;
  static const int32_t prog[] = {
      /* 0*/ PUSH, 0, STORE, 1,                      // i = 0
      /* 4*/ LOAD, 1, PUSH, 3000, LT, JZ, 46,        // outer: if !(i < 3000) goto end
      /*11*/ PUSH, 0, STORE, 2,                      // j = 0
      /*15*/ LOAD, 2, PUSH, 1000, LT, JZ, 42,        // inner: if !(j < 1000) goto next_i
      /*22*/ LOAD, 0, PUSH, 31, MUL, LOAD, 1, LOAD, 2, XOR, ADD, PUSH, 0x7fffffff, AND, STORE, 0,
      /*38*/ INC, 2, JMP, 15,                        // j++, goto inner
      /*42*/ INC, 1, JMP, 4,                         // next_i: i++, goto outer
      /*46*/ HALT};
  int64_t mem[4] = {0, 0, 0, 0};
  int64_t r = run(prog, mem);
  printf("interp acc %lld i %lld j %lld\n", (long long)r, (long long)mem[1], (long long)mem[2]);
  return 0;
}
