; A syntax error gets LLVM's parser diagnostic with file, line and column,
; the source line and a caret; no output is written.
; RUN: rm -f %t.wasm
; RUN: not %toyc build %s -o %t.wasm 2>&1 | FileCheck %s -DFILE=%s
; RUN: not ls %t.wasm
; RUN: not %toyc build-obj %s -o %t.o 2>&1 | FileCheck %s -DFILE=%s
; CHECK: [[FILE]]:[[@LINE+4]]:15: error: expected value token
; CHECK-NEXT: {{^}}  %x = add i33x %a, 1
; CHECK-NEXT: {{^}}              ^
define i32 @f(i32 %a) {
  %x = add i33x %a, 1
  ret i32 %x
}
