#!/usr/bin/env bash
# The main job: build toyc, build the Toy hello world (compiled and linked
# in memory, runtime included) and run it under node's WASI; then the C
# hello world, compiled by clang-19 and linked by toyc against wasi-libc.
set -euo pipefail
cd "$(dirname "$0")/../.."
bash utils/scripts/install-deps.sh
bash utils/scripts/build.sh
out=build/examples
mkdir -p "$out"
build/bin/toyc build examples/hello.toy -o "$out/hello-toy.wasm"
wasm-validate "$out/hello-toy.wasm"
NODE_NO_WARNINGS=1 node runtime/run-wasi.mjs "$out/hello-toy.wasm"

cat > "$out/hello.c" <<'C'
#include <stdio.h>
int main(void) {
  printf("Hello from C, linked by toyc!\n");
  return 0;
}
C
clang-19 --target=wasm32-wasi --sysroot=/usr -O2 -c "$out/hello.c" -o "$out/hello.o"
build/bin/toyc link -L/usr/lib/wasm32-wasi /usr/lib/wasm32-wasi/crt1-command.o "$out/hello.o" -lc \
  /usr/lib/llvm-19/lib/clang/19/lib/wasi/libclang_rt.builtins-wasm32.a -o "$out/hello.wasm"
wasm-validate "$out/hello.wasm"
NODE_NO_WARNINGS=1 node runtime/run-wasi.mjs "$out/hello.wasm"
