; IR that parses but breaks the rules (a use not dominated by its
; definition) gets the verifier's message, naming the function, at the line
; of the instruction the verifier names; bitcode has no lines, so there it
; names the file alone. No output is written.
; RUN: rm -f %t.wasm %t.o
; RUN: not %toyc build %s -o %t.wasm 2>&1 | FileCheck %s -DFILE=%s
; RUN: not ls %t.wasm
; RUN: not %toyc build-obj %s -o %t.o 2>&1 | FileCheck %s -DFILE=%s
; RUN: not ls %t.o
; RUN: llvm-as -disable-verify %s -o %t.bc
; RUN: not %toyc build %t.bc -o %t.wasm 2>&1 | FileCheck %s --check-prefix=BC -DFILE=%t.bc
; CHECK: [[FILE]]:[[@LINE+9]]: error: invalid IR in function 'f': Instruction does not dominate all uses!
; CHECK-NEXT: %y = add i32 %a, 1
; CHECK-NEXT: %z = mul i32 %y, 2
; CHECK-NOT: error
; BC: [[FILE]]: error: invalid IR in function 'f': Instruction does not dominate all uses!
define i32 @f(i32 %a, i1 %c) {
entry:
  br i1 %c, label %t, label %e
t:
  %y = add i32 %a, 1
  br label %e
e:
  %z = mul i32 %y, 2
  ret i32 %z
}
