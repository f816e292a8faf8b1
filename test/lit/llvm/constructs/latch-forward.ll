; A block made only of phis and a branch (a loop latch after a switch, as
; clang -O2 makes an interpreter's dispatch loop) is jumped over: every case
; assigns the loop's phis itself and branches straight back to the loop,
; with no join block in between.
; RUN: %toyc build-obj %s -o %t.o
; RUN: wasm-objdump -d %t.o | FileCheck %s
; RUN: %toyc build %s -o %t.wasm
; RUN: %run-wasi %t.wasm | FileCheck %s --check-prefix=OUT

; CHECK-LABEL: <run>:
; CHECK: loop
; CHECK: br_table 0 1 2 3 4 5
; CHECK-NEXT: end
; CHECK-NOT: block
; CHECK: i32.const 7
; CHECK-NEXT: i32.add
; CHECK-NEXT: local.set 2
; CHECK-NEXT: local.set 1
; CHECK-NEXT: br 5
; CHECK-NEXT: end
; CHECK: br 4
; CHECK-NEXT: end
; CHECK: br 3
; CHECK-NEXT: end
; CHECK: br 2
; CHECK-NEXT: end
; CHECK: br 1
; CHECK-NEXT: end
; CHECK-NEXT: local.get 0
; CHECK-NEXT: local.set 1
; CHECK-NEXT: br 0
; CHECK-NEXT: end

target triple = "wasm32-unknown-wasi"

define i32 @run(i32 %n) {
entry:
  br label %head
head:
  %i = phi i32 [ 0, %entry ], [ %i2, %latch ]
  %acc = phi i32 [ 1, %entry ], [ %acc2, %latch ]
  %done = icmp sge i32 %i, %n
  br i1 %done, label %exit, label %body
body:
  %op = urem i32 %i, 6
  switch i32 %op, label %latch [ i32 0, label %c0 i32 1, label %c1 i32 2, label %c2 i32 3, label %c3 i32 4, label %c4 ]
c0:
  %a0 = add i32 %acc, 7
  %n0 = add i32 %i, 1
  br label %latch
c1:
  %a1 = mul i32 %acc, 3
  %n1 = add i32 %i, 2
  br label %latch
c2:
  %a2 = xor i32 %acc, %i
  %n2 = add i32 %i, 1
  br label %latch
c3:
  %a3 = sub i32 %acc, 1
  %n3 = add i32 %i, 3
  br label %latch
c4:
  %a4 = shl i32 %acc, 1
  %n4 = add i32 %i, 1
  br label %latch
latch:
  %acc2 = phi i32 [ %acc, %body ], [ %a0, %c0 ], [ %a1, %c1 ], [ %a2, %c2 ], [ %a3, %c3 ], [ %a4, %c4 ]
  %i2 = phi i32 [ %n, %body ], [ %n0, %c0 ], [ %n1, %c1 ], [ %n2, %c2 ], [ %n3, %c3 ], [ %n4, %c4 ]
  br label %head
exit:
  ret i32 %acc
}

declare i32 @printf(ptr, ...)
@__main_void = hidden alias i32 (), ptr @main
@fmt = private unnamed_addr constant [7 x i8] c"%d %d\0A\00"
define i32 @main() {
  %a = call i32 @run(i32 20)
  %b = call i32 @run(i32 3)
  call i32 (ptr, ...) @printf(ptr @fmt, i32 %a, i32 %b)
  ret i32 0
}
; OUT: 882 24
