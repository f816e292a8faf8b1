// A C program using _Thread_local built with atomics + bulk-memory (what
// clang needs to keep TLS as TLS) and linked without shared memory, as
// wasm-ld allows: the linker defines __tls_base as the address of .tdata,
// code adds TLS offsets to it. Run under node: the values read back through
// the thread pointer must be the initialisers. (wasm-ld-19 defines
// __tls_base but mis-resolves the offsets, llvm/llvm-project PR #116136, so
// only its layout is compared.)
// RUN: %clang -matomics -mbulk-memory -O1 -c %s -o %t.o
// RUN: %toyc link %crt1 %t.o -L%libdir -lc %builtins -o %t.wasm
// RUN: %run-wasi %t.wasm | FileCheck %s
// CHECK: tv=42 tz=0 gv=7 tv2=43
// RUN: wasm-objdump -x %t.wasm | FileCheck %s --check-prefix=LAYOUT
// RUN: %wasm-ld %crt1 %t.o -L%libdir -lc %builtins -o %t.ref.wasm
// RUN: wasm-objdump -x %t.ref.wasm | FileCheck %s --check-prefix=LAYOUT
// LAYOUT: <__tls_base> - init i32=1024
// LAYOUT: - segment[0] <.tdata> memory=0 size=12 - init i32=1024
#include <stdio.h>
_Thread_local int tv = 42;
_Thread_local int tz;
_Thread_local int tv2 = 43;
int gv = 7;
__attribute__((noinline)) int *addr_of_tv2(void) { return &tv2; }
int main(void) {
  printf("tv=%d tz=%d gv=%d tv2=%d\n", tv, tz, gv, *addr_of_tv2());
  return tv == 42 && tz == 0 && *addr_of_tv2() == 43 ? 0 : 1;
}
