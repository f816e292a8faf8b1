// clang-19 finds toyc as its default linker through -B<build>/bin/clang-ld
// (which holds wasm-ld-19 and wasm-ld links to toyc): the link line clang
// builds runs toyc, and the program runs. (--ld-path is ignored by clang-19's
// WebAssembly driver, so -B and -fuse-ld=<path> are the two ways in.)
// RUN: rm -rf %t && mkdir -p %t
// RUN: %clang -B%toyc-bindir/clang-ld %s -o %t/a.wasm -### 2>&1 | FileCheck %s --check-prefix=LINE
// LINE: "{{.*}}clang-ld/wasm-ld-19" "-m" "wasm32"
// RUN: %clang -B%toyc-bindir/clang-ld -O2 %s -o %t/a.wasm
// RUN: wasm-validate %t/a.wasm
// RUN: %run-wasi %t/a.wasm | FileCheck %s
// CHECK: linked through -B: 42
// The module was written by toyc: wasm-ld-19 would keep 5-byte LEBs here.
// RUN: %clang -B%toyc-bindir/clang-ld -s -O2 %s -o %t/s.wasm
// RUN: %clang -s -O2 %s -o %t/ref.wasm
// RUN: wc -c < %t/s.wasm > %t/sizes
// RUN: wc -c < %t/ref.wasm >> %t/sizes
// RUN: python3 -c "import sys; a, b = map(int, open(sys.argv[1]).read().split()); sys.exit(0 if a < b else 1)" %t/sizes
#include <stdio.h>
int main(void) {
  printf("linked through -B: %d\n", 42);
  return 0;
}
