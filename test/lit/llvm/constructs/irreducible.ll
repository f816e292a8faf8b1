; A loop entered at two blocks (what goto into a loop makes) is routed
; through a dispatch block: each entry edge stores the entry's number in a
; label local and the dispatch br_tables on it.
; RUN: %toyc build-obj %s -o %t.o
; RUN: wasm-objdump -d %t.o | FileCheck %s
; RUN: %toyc build %s -o %t.wasm
; RUN: wasm-validate %t.wasm
; RUN: %run-wasi %t.wasm | FileCheck %s --check-prefix=OUT

target triple = "wasm32-unknown-wasi"

; Counts how often each half of the cycle a <-> b runs, starting in a or b.
; CHECK-LABEL: <walk>:
; CHECK: loop
; CHECK: br_table
define i32 @walk(i32 %start, i32 %n) {
entry:
  %c = icmp eq i32 %start, 0
  br i1 %c, label %a, label %b
a:
  %ia = phi i32 [ 0, %entry ], [ %ib1, %b ]
  %sa = phi i32 [ 0, %entry ], [ %sb1, %b ]
  %sa1 = add i32 %sa, 1
  %ia1 = add i32 %ia, 1
  %da = icmp slt i32 %ia1, %n
  br i1 %da, label %b, label %done
b:
  %ib = phi i32 [ 0, %entry ], [ %ia1, %a ]
  %sb = phi i32 [ 0, %entry ], [ %sa1, %a ]
  %sb1 = add i32 %sb, 100
  %ib1 = add i32 %ib, 1
  %db = icmp slt i32 %ib1, %n
  br i1 %db, label %a, label %done
done:
  %r = phi i32 [ %sa1, %a ], [ %sb1, %b ]
  ret i32 %r
}

declare i32 @printf(ptr, ...)
@__main_void = hidden alias i32 (), ptr @main
@fmt = private unnamed_addr constant [7 x i8] c"%d %d\0A\00"

define i32 @main() {
  %x = call i32 @walk(i32 0, i32 5)
  %y = call i32 @walk(i32 1, i32 5)
  call i32 (ptr, ...) @printf(ptr @fmt, i32 %x, i32 %y)
  ret i32 0
}
; a b a b a: 1+100+1+100+1; b a b a b: 100+1+100+1+100
; OUT: 203 302
