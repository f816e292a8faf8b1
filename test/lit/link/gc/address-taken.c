// A function whose address is taken by live code stays and gets a table
// slot (starting at 1; slot 0 is the null pointer); one whose address is
// only taken by dead code is collected and has no slot. Data that only a
// dead function points at is collected too. Run and compared with
// wasm-ld-19.
// RUN: rm -rf %t && mkdir -p %t && cd %t
// RUN: %clang -O1 -c %s -o at.o
// RUN: %toyc link %crt1 at.o -L%libdir -lc %builtins -o out.wasm
// RUN: %wasm-ld %crt1 at.o -L%libdir -lc %builtins -o ref.wasm
// RUN: %run-wasi out.wasm | FileCheck %s --check-prefix=OUT
// RUN: %run-wasi ref.wasm | FileCheck %s --check-prefix=OUT
// OUT: live_target says 7
// RUN: wasm2wat out.wasm | FileCheck %s
// RUN: wasm2wat ref.wasm | FileCheck %s
// CHECK-NOT: dead_target
// CHECK-NOT: dead_taker
// CHECK: (func $live_target
// CHECK: (elem (;0;) (i32.const 1) func {{.*}}$live_target
// CHECK-NOT: dead_target
// CHECK-NOT: only for the dead
#include <stdio.h>
__attribute__((noinline)) int live_target(void) { return 7; }
__attribute__((noinline)) int dead_target(void) { return 8; }
static const char dead_text[] = "only for the dead";
int (*volatile live_ptr)(void) = live_target;
int (*volatile dead_ptr)(void);
void dead_taker(void) { dead_ptr = dead_target; puts(dead_text); }
int main(void) {
  printf("live_target says %d\n", live_ptr());
  return 0;
}
