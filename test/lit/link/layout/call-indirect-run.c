// Function pointers through the table at run time: a static array of
// pointers in .data (TABLE_INDEX_I32 relocations), pointers chosen in code
// (TABLE_INDEX_SLEB) and a comparison of two pointers to the same function
// (one slot per function). Linked with wasi-libc by toyc and wasm-ld-19, both
// run under node; toyc's table has the same shape.
// RUN: %clang -O1 -c %s -o %t.o
// RUN: %toyc link %crt1 %t.o -L%libdir -lc %builtins -o %t.wasm
// RUN: %wasm-ld %crt1 %t.o -L%libdir -lc %builtins -o %t.ref.wasm
// RUN: %run-wasi %t.wasm 7 | FileCheck %s
// RUN: %run-wasi %t.ref.wasm 7 | FileCheck %s
// CHECK: chain=-11 pick=42 same=1 null-slot-free=1
// RUN: wasm-objdump -x %t.wasm | FileCheck %s --check-prefix=TABLE
// RUN: wasm-objdump -x %t.ref.wasm | FileCheck %s --check-prefix=TABLE
// TABLE: - table[0] type=funcref initial=[[N:[0-9]+]] max=[[N]]
// TABLE: - segment[0] flags=0 table=0 count={{[0-9]+}} - init i32=1
// TABLE-DAG: <dbl>
// TABLE-DAG: <inc>
// TABLE-DAG: <neg>
#include <stdio.h>
#include <stdint.h>
typedef int (*fn)(int);
__attribute__((noinline)) static int dbl(int x) { return 2 * x; }
__attribute__((noinline)) static int inc(int x) { return x + 1; }
__attribute__((noinline)) static int neg(int x) { return -x; }
fn table[] = {dbl, inc, neg};
fn volatile other = dbl;
int main(int argc, char **argv) {
  int acc = 5;
  for (int i = 0; i < 3; i++) acc = table[i](acc);  // ((5*2)+1) negated
  fn f = argc > 5 ? inc : dbl;
  printf("chain=%d pick=%d same=%d null-slot-free=%d\n", acc, f(21), other == table[0],
         (uintptr_t)table[0] != 0 && (uintptr_t)table[1] != 0 && (uintptr_t)table[2] != 0);
  return acc == -11 ? 0 : 1;
}
