; switch: a dense run of cases is one br_table over nested blocks (holes
; go to the default), sparse cases a binary search of compares; i64
; selectors are range-checked before the br_table.
; RUN: %toyc build-obj %s -o %t.o
; RUN: wasm-objdump -d %t.o | FileCheck %s
; RUN: %toyc build %s -o %t.wasm
; RUN: %run-wasi %t.wasm | FileCheck %s --check-prefix=OUT

target triple = "wasm32-unknown-wasi"

; CHECK-LABEL: <dense>:
; CHECK: local.get 0
; CHECK-NEXT: i32.const 10
; CHECK-NEXT: i32.sub
; CHECK-NEXT: br_table 0 1 2 4 3 4
define i32 @dense(i32 %x) {
entry:
  switch i32 %x, label %other [
    i32 10, label %a
    i32 11, label %b
    i32 12, label %c
    i32 14, label %d
  ]
a:
  ret i32 100
b:
  ret i32 200
c:
  ret i32 300
d:
  ret i32 400
other:
  ret i32 -1
}

; CHECK-LABEL: <sparse>:
; CHECK-NOT: br_table
; CHECK: i32.lt_u
; CHECK: end
define i32 @sparse(i32 %x) {
entry:
  switch i32 %x, label %other [
    i32 1, label %a
    i32 1000, label %b
    i32 50000, label %c
    i32 7000000, label %d
    i32 -5, label %e
  ]
a:
  ret i32 1
b:
  ret i32 2
c:
  ret i32 3
d:
  ret i32 4
e:
  ret i32 5
other:
  ret i32 0
}

; CHECK-LABEL: <wide>:
; CHECK: i64.const 4294967296
; CHECK-NEXT: i64.sub
; CHECK-NEXT: local.tee 0
; CHECK-NEXT: i64.const 4
; CHECK-NEXT: i64.ge_u
; CHECK-NEXT: br_if 0
; CHECK: i32.wrap_i64
; CHECK-NEXT: br_table 0 1 0 1 2
define i32 @wide(i64 %x) {
entry:
  switch i64 %x, label %other [
    i64 4294967296, label %a
    i64 4294967297, label %b
    i64 4294967298, label %a
    i64 4294967299, label %b
  ]
a:
  ret i32 1
b:
  ret i32 2
other:
  ret i32 0
}

; A narrow selector is masked once; cases are compared unsigned.
define i32 @small(i8 %x) {
entry:
  switch i8 %x, label %other [
    i8 -1, label %a
    i8 0, label %b
  ]
a:
  ret i32 1
b:
  ret i32 2
other:
  ret i32 3
}

declare i32 @printf(ptr, ...)
@__main_void = hidden alias i32 (), ptr @main
@fmt = private unnamed_addr constant [4 x i8] c"%d \00"
@nl = private unnamed_addr constant [2 x i8] c"\0A\00"

define i32 @main() {
entry:
  br label %loop
loop:
  %i = phi i32 [ 8, %entry ], [ %i1, %loop ]
  %d = call i32 @dense(i32 %i)
  call i32 (ptr, ...) @printf(ptr @fmt, i32 %d)
  %i1 = add i32 %i, 1
  %c = icmp slt i32 %i1, 17
  br i1 %c, label %loop, label %next
next:
  %s1 = call i32 @sparse(i32 1000)
  %s2 = call i32 @sparse(i32 -5)
  %s3 = call i32 @sparse(i32 999)
  %s4 = call i32 @sparse(i32 7000000)
  %w1 = call i32 @wide(i64 4294967299)
  %w2 = call i32 @wide(i64 3)
  %m1 = call i32 @small(i8 255)
  %m2 = call i32 @small(i8 1)
  call i32 (ptr, ...) @printf(ptr @fmt, i32 %s1)
  call i32 (ptr, ...) @printf(ptr @fmt, i32 %s2)
  call i32 (ptr, ...) @printf(ptr @fmt, i32 %s3)
  call i32 (ptr, ...) @printf(ptr @fmt, i32 %s4)
  call i32 (ptr, ...) @printf(ptr @fmt, i32 %w1)
  call i32 (ptr, ...) @printf(ptr @fmt, i32 %w2)
  call i32 (ptr, ...) @printf(ptr @fmt, i32 %m1)
  call i32 (ptr, ...) @printf(ptr @fmt, i32 %m2)
  call i32 (ptr, ...) @printf(ptr @nl)
  ret i32 0
}
; OUT: -1 -1 100 200 300 -1 400 -1 -1 2 5 0 4 2 0 1 3
