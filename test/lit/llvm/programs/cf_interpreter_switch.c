// A bytecode interpreter: a stack machine with a big dispatch switch inside
// a loop, jumps, calls and returns; programs are assembled with labels and
// compute a factorial, the primes below 100 and Fibonacci numbers.
// RUN: python3 %src/utils/test/run-c-program.py --toyc %toyc --work %t %s
#include <stdint.h>
#include <stdio.h>

enum op { PUSH, POP, DUP, SWAP, OVER, ADD, SUB, MUL, DIV, MOD, NEG, AND, OR, XOR, SHL, SHR, EQ, LT, GT, NOT,
          JMP, JZ, JNZ, CALL, RET, LOAD, STORE, PRINT, HALT, INC, DEC, NOP };

__attribute__((noinline)) int64_t run(const int32_t *code, int64_t *mem, int print_limit) {
  int64_t stack[256];
  int rstack[64];
  int sp = 0, rsp = 0, pc = 0, steps = 0;
  for (;;) {
    int32_t op = code[pc++];
    steps++;
    switch (op) {
    case PUSH: stack[sp++] = code[pc++]; break;
    case POP: sp--; break;
    case DUP: stack[sp] = stack[sp - 1]; sp++; break;
    case SWAP: { int64_t t = stack[sp - 1]; stack[sp - 1] = stack[sp - 2]; stack[sp - 2] = t; break; }
    case OVER: stack[sp] = stack[sp - 2]; sp++; break;
    case ADD: sp--; stack[sp - 1] += stack[sp]; break;
    case SUB: sp--; stack[sp - 1] -= stack[sp]; break;
    case MUL: sp--; stack[sp - 1] *= stack[sp]; break;
    case DIV: sp--; stack[sp - 1] /= stack[sp]; break;
    case MOD: sp--; stack[sp - 1] %= stack[sp]; break;
    case NEG: stack[sp - 1] = -stack[sp - 1]; break;
    case AND: sp--; stack[sp - 1] &= stack[sp]; break;
    case OR: sp--; stack[sp - 1] |= stack[sp]; break;
    case XOR: sp--; stack[sp - 1] ^= stack[sp]; break;
    case SHL: sp--; stack[sp - 1] = (int64_t)((uint64_t)stack[sp - 1] << (stack[sp] & 63)); break;
    case SHR: sp--; stack[sp - 1] >>= (stack[sp] & 63); break;
    case EQ: sp--; stack[sp - 1] = stack[sp - 1] == stack[sp]; break;
    case LT: sp--; stack[sp - 1] = stack[sp - 1] < stack[sp]; break;
    case GT: sp--; stack[sp - 1] = stack[sp - 1] > stack[sp]; break;
    case NOT: stack[sp - 1] = !stack[sp - 1]; break;
    case JMP: pc = code[pc]; break;
    case JZ: pc = stack[--sp] ? pc + 1 : code[pc]; break;
    case JNZ: pc = stack[--sp] ? code[pc] : pc + 1; break;
    case CALL: rstack[rsp++] = pc + 1; pc = code[pc]; break;
    case RET: pc = rstack[--rsp]; break;
    case LOAD: stack[sp - 1] = mem[stack[sp - 1]]; break;
    case STORE: sp -= 2; mem[stack[sp + 1]] = stack[sp]; break;
    case PRINT: if (print_limit-- > 0) printf("out %lld\n", (long long)stack[sp - 1]); sp--; break;
    case HALT: printf("steps %d\n", steps); return sp ? stack[sp - 1] : 0;
    case INC: stack[sp - 1]++; break;
    case DEC: stack[sp - 1]--; break;
    case NOP: break;
    default: printf("bad op %d at %d\n", op, pc - 1); return -1;
    }
  }
}

// A tiny assembler: labels are small integers, forward references patched.
static int32_t code[512];
static int ncode, labels[32], fix_at[64], fix_label[64], nfix;
static void e(int32_t op) { code[ncode++] = op; }
static void e2(int32_t op, int32_t arg) { e(op); e(arg); }
static void jump(int32_t op, int label) {
  e(op);
  fix_at[nfix] = ncode;
  fix_label[nfix++] = label;
  e(0);
}
static void label(int l) { labels[l] = ncode; }
static void reset(void) { ncode = nfix = 0; }
static void link_code(void) {
  for (int i = 0; i < nfix; i++) code[fix_at[i]] = labels[fix_label[i]];
}
// var = mem slot; load/store helpers
static void ld(int slot) { e2(PUSH, slot); e(LOAD); }
static void st(int slot) { e2(PUSH, slot); e(STORE); }

int main(void) {
  int64_t mem[16] = {0};
  // factorial(20): acc=1; n=20; while (n) { acc *= n; n--; } print acc
  reset();
  e2(PUSH, 1); st(0); e2(PUSH, 20); st(1);
  label(0); ld(1); jump(JZ, 1);
  ld(0); ld(1); e(MUL); st(0);
  ld(1); e(DEC); st(1); jump(JMP, 0);
  label(1); ld(0); e(PRINT); ld(0); e(HALT);
  link_code();
  printf("fact result %lld\n", (long long)run(code, mem, 5));

  // primes below 100: for (n = 2; n < 100; n++) { for (d = 2; d*d <= n; d++) if (n % d == 0) goto next; print n; next: }
  reset();
  e2(PUSH, 2); st(0);
  label(0); ld(0); e2(PUSH, 100); e(LT); jump(JZ, 9);
  e2(PUSH, 2); st(1);
  label(1); ld(1); e(DUP); e(MUL); ld(0); e(GT); jump(JNZ, 2);
  ld(0); ld(1); e(MOD); jump(JZ, 3);
  ld(1); e(INC); st(1); jump(JMP, 1);
  label(2); ld(0); e(PRINT);
  label(3); ld(0); e(INC); st(0); jump(JMP, 0);
  label(9); e2(PUSH, 7); e(HALT);
  link_code();
  printf("primes result %lld\n", (long long)run(code, mem, 100));

  // Fibonacci with a subroutine: a=0 b=1; repeat 80 times: call step; result a
  reset();
  e2(PUSH, 0); st(2); e2(PUSH, 1); st(3); e2(PUSH, 80); st(4);
  label(0); ld(4); jump(JZ, 2);
  jump(CALL, 1);
  ld(4); e(DEC); st(4); jump(JMP, 0);
  label(1); ld(2); ld(3); e(ADD); ld(3); st(2); st(3); e(RET);
  label(2); ld(2); e(HALT);
  link_code();
  printf("fib result %lld\n", (long long)run(code, mem, 0));

  // bit tricks through the VM: (x ^ (x >> 3)) << 2 for x = -12345
  reset();
  e2(PUSH, -12345); e(DUP); e2(PUSH, 3); e(SHR); e(XOR); e2(PUSH, 2); e(SHL); e(NEG);
  e2(PUSH, 1000); e(SWAP); e(OVER); e(SUB); e(DIV); e(HALT);
  link_code();
  printf("bits result %lld\n", (long long)run(code, mem, 0));
  printf("done\n");
  return 0;
}
