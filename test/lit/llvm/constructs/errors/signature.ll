; A function whose signature has a type with no wasm lowering (a vector)
; is reported before any code is made.
; RUN: not %toyc build %s -o %t.wasm 2>&1 | FileCheck %s -DFILE=%s
; CHECK: [[FILE]]: error: in function 'vec': unsupported parameter or result type
target triple = "wasm32-unknown-wasi"
define <4 x i32> @vec(<4 x i32> %a, <4 x i32> %b) {
  %r = add <4 x i32> %a, %b
  ret <4 x i32> %r
}
