; IR for a 64-bit target cannot be lowered to wasm32.
; RUN: not %toyc build %s -o %t.wasm 2>&1 | FileCheck %s -DFILE=%s
; CHECK: toyc: error: [[FILE]]: unsupported target 'x86_64-pc-linux-gnu': toyc compiles 32-bit little-endian (wasm32) IR
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"
define i32 @f() {
  ret i32 0
}
