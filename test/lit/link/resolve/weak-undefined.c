// A weak undefined function is not an error: its address is null, and a
// direct call reaches a trap stub (wasm-ld's undefined_weak:<name>) rather
// than an import. A weak undefined data symbol has address 0.
// RUN: rm -rf %t && mkdir -p %t && cd %t
// RUN: %clang -O1 -c %s -o wu.o
// RUN: %toyc link %crt1 wu.o -L%libdir -lc %builtins -o out.wasm
// RUN: %wasm-ld %crt1 wu.o -L%libdir -lc %builtins -o ref.wasm
// RUN: wasm-validate out.wasm
// RUN: %run-wasi out.wasm | FileCheck %s --check-prefix=OUT
// RUN: %run-wasi ref.wasm | FileCheck %s --check-prefix=OUT
// RUN: not %run-wasi out.wasm call 2>&1 | FileCheck %s --check-prefix=TRAP
// RUN: not %run-wasi ref.wasm call 2>&1 | FileCheck %s --check-prefix=TRAP
// RUN: wasm-objdump -x out.wasm | FileCheck %s --check-prefix=OBJ
// RUN: wasm-objdump -x ref.wasm | FileCheck %s --check-prefix=OBJ
// RUN: %toyc link --allow-undefined %crt1 wu.o -L%libdir -lc %builtins -o allow.wasm
// RUN: wasm-objdump -x allow.wasm | FileCheck %s --check-prefix=OBJ
// OUT:      fn=0 data=0
// OUT-NEXT: no call
// TRAP: fn=0 data=0
// TRAP-NOT: no call
// TRAP: trap: unreachable
// OBJ-NOT: <- env.maybe
// OBJ: Function[
// OBJ: <undefined_weak:maybe>
// OBJ-NOT: <- env.maybe
#include <stdio.h>
__attribute__((weak)) int maybe(int);
extern int weakdata __attribute__((weak));
int main(int argc, char **argv) {
  int (*volatile p)(int) = maybe;
  printf("fn=%p data=%p\n", (void *)p, (void *)&weakdata);
  if (argc > 1) return maybe(3);
  puts("no call");
  return 0;
}
