// A Brainfuck interpreter with precomputed bracket jumps running a few
// programs (hello world, squares, a cell-wrapping test).
// RUN: python3 %src/utils/test/run-c-program.py --toyc %toyc --work %t %s
#include <stdio.h>
#include <string.h>

static unsigned char tape[30000];
static int jump[4096];

__attribute__((noinline)) long run(const char *prog, char *out, int cap) {
  int n = (int)strlen(prog), stack[256], sp = 0;
  for (int i = 0; i < n; i++) {
    if (prog[i] == '[') stack[sp++] = i;
    else if (prog[i] == ']') {
      int j = stack[--sp];
      jump[i] = j;
      jump[j] = i;
    }
  }
  memset(tape, 0, sizeof tape);
  int ptr = 0, o = 0;
  long steps = 0;
  for (int pc = 0; pc < n; pc++, steps++) {
    switch (prog[pc]) {
    case '>': ptr++; break;
    case '<': ptr--; break;
    case '+': tape[ptr]++; break;
    case '-': tape[ptr]--; break;
    case '.': if (o < cap - 1) out[o++] = (char)tape[ptr]; break;
    case '[': if (!tape[ptr]) pc = jump[pc]; break;
    case ']': if (tape[ptr]) pc = jump[pc]; break;
    default: break;
    }
  }
  out[o] = 0;
  return steps;
}

int main(void) {
  char out[2048];
  const char *hello = "++++++++[>++++[>++>+++>+++>+<<<<-]>+>+>->>+[<]<-]>>.>---.+++++++..+++.>>.<-.<.+++.------.--------.>>+.>++.";
  long s = run(hello, out, sizeof out);
  printf("hello: %s(steps %ld)\n", out, s);
  // Prints squares 0..10000 (by Daniel B Cristofani).
  const char *squares =
      "++++[>+++++<-]>[<+++++>-]+<+[>[>+>+<<-]++>>[<<+>>-]>>>[-]++>[-]+>>>+[[-]++++++>>>]<<<[[<++++++++<++>>-]+<.<[>----<-]<]"
      "<<[>>>>>[>>>[-]+++++++++<[>-<-]+++++++++>[-[<->-]+[<<<]]<[>+<-]>]<<-]<<-]";
  s = run(squares, out, sizeof out);
  unsigned h = 0;
  int lines = 0;
  for (char *p = out; *p; p++) {
    h = h * 31 + (unsigned char)*p;
    lines += *p == '\n';
  }
  printf("squares: %d lines hash %u steps %ld first %.12s\n", lines, h, s, out);
  s = run("-.+++[>+++++<-]>[<+++++>-]<.", out, sizeof out);
  printf("wrap: %d %d steps %ld\n", (unsigned char)out[0], (unsigned char)out[1], s);
  printf("done\n");
  return 0;
}
