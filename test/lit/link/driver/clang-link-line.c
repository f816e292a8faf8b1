// clang-19 drives toyc-wasm-ld with its own wasm-ld link line: -m wasm32,
// -L<sysroot lib>, crt1-command.o, -lc, the builtins archive, -o; with -s it
// adds --strip-all, and when a wasm-opt is found it appends
// --keep-section=target_features (a fake wasm-opt that does nothing stands
// in here). The linked programs run, and the stripped one keeps exactly the
// target_features custom section, as with wasm-ld-19.
// RUN: rm -rf %t && mkdir -p %t/bin && cd %t
// RUN: echo "#!/bin/sh" > bin/wasm-opt && chmod +x bin/wasm-opt
// The exact link line.
// RUN: %clang -fuse-ld=%toyc-wasm-ld %s -o plain.wasm -### 2>&1 | FileCheck %s --check-prefix=LINE
// LINE: "{{.*}}toyc-wasm-ld" "-m" "wasm32" "-L/usr/lib/wasm32-wasi" "/usr/lib/wasm32-wasi/crt1-command.o" "{{[^"]+}}.o" "-lc" "{{[^"]+}}libclang_rt.builtins-wasm32.a" "-o" "plain.wasm"{{$}}
// RUN: %clang -O2 -s -B bin -fuse-ld=%toyc-wasm-ld %s -o opt.wasm -### 2>&1 | FileCheck %s --check-prefix=OPTLINE
// OPTLINE: "{{.*}}toyc-wasm-ld" "-m" "wasm32" "--strip-all" "-L/usr/lib/wasm32-wasi" "/usr/lib/wasm32-wasi/crt1-command.o" "{{[^"]+}}.o" "-lc" "{{[^"]+}}libclang_rt.builtins-wasm32.a" "-o" "opt.wasm" "--keep-section=target_features"
// OPTLINE: "bin/wasm-opt"
// Real links through clang.
// RUN: %clang -fuse-ld=%toyc-wasm-ld %s -o plain.wasm
// RUN: %run-wasi plain.wasm a b | FileCheck %s --check-prefix=OUT
// RUN: %clang -O2 -s -B bin -fuse-ld=%toyc-wasm-ld %s -o opt.wasm
// (Without -fuse-ld clang uses its own wasm-ld-19.)
// RUN: %clang -O2 -s -B bin %s -o opt-ref.wasm
// RUN: %run-wasi opt.wasm a b | FileCheck %s --check-prefix=OUT
// RUN: %run-wasi opt-ref.wasm a b | FileCheck %s --check-prefix=OUT
// OUT-COUNT-1: hello from clang: argc=3
// OUT-NOT: {{.}}
// RUN: wasm-objdump -h opt.wasm | FileCheck %s --check-prefix=STRIPPED
// RUN: wasm-objdump -h opt-ref.wasm | FileCheck %s --check-prefix=STRIPPED
// STRIPPED-NOT: Custom
// STRIPPED:     Custom {{.*}} "target_features"
// STRIPPED-NOT: Custom
// Unstripped output has a name section and producers.
// RUN: wasm-objdump -h plain.wasm | FileCheck %s --check-prefix=UNSTRIPPED
// UNSTRIPPED-DAG: "name"
// UNSTRIPPED-DAG: "producers"
// The same link line, typed by hand, works with toyc link as well.
// RUN: %clang -O2 -c %s -o prog.o
// RUN: %toyc link -m wasm32 --strip-all -L%libdir %crt1 prog.o -lc %builtins -o byhand.wasm --keep-section=target_features
// RUN: %run-wasi byhand.wasm a b | FileCheck %s --check-prefix=OUT
// RUN: wasm-objdump -h byhand.wasm | FileCheck %s --check-prefix=STRIPPED
#include <stdio.h>
int main(int argc, char **argv) {
  printf("hello from clang: argc=%d\n", argc);
  return 0;
}
