; Variadic calls store the extra arguments in a buffer in the caller's
; frame, each at its alignment (i32 at 4, double at 8, fp128 at 16), and
; pass its address last; a call without extra arguments passes 0. The
; callee's va_start stores that pointer in the va_list; va_arg and va_copy
; work on it.
; RUN: %toyc build-obj %s -o %t.o
; RUN: wasm-objdump -d %t.o | FileCheck %s
; RUN: %toyc build %s -o %t.wasm
; RUN: %run-wasi %t.wasm | FileCheck %s --check-prefix=OUT

target triple = "wasm32-unknown-wasi"

; sum(n, ...) of n doubles, read twice: once through va_arg, once through
; a copy of the va_list read by hand (as clang expands va_arg).
define double @sum(i32 %n, ...) {
entry:
  %ap = alloca ptr, align 4
  %aq = alloca ptr, align 4
  call void @llvm.va_start.p0(ptr %ap)
  call void @llvm.va_copy.p0(ptr %aq, ptr %ap)
  br label %loop
loop:
  %i = phi i32 [ 0, %entry ], [ %i1, %loop ]
  %s = phi double [ 0.0, %entry ], [ %s2, %loop ]
  %v = va_arg ptr %ap, double
  %cur = load ptr, ptr %aq, align 4
  %c = ptrtoint ptr %cur to i32
  %c7 = add i32 %c, 7
  %ca = and i32 %c7, -8
  %p = inttoptr i32 %ca to ptr
  %w = load double, ptr %p, align 8
  %next = getelementptr inbounds i8, ptr %p, i32 8
  store ptr %next, ptr %aq, align 4
  %s1 = fadd double %s, %v
  %s2 = fadd double %s1, %w
  %i1 = add i32 %i, 1
  %done = icmp eq i32 %i1, %n
  br i1 %done, label %exit, label %loop
exit:
  call void @llvm.va_end.p0(ptr %ap)
  call void @llvm.va_end.p0(ptr %aq)
  ret double %s2
}

declare void @llvm.va_start.p0(ptr)
declare void @llvm.va_copy.p0(ptr, ptr)
declare void @llvm.va_end.p0(ptr)

; i32 1 at 0, double at 8, i8 promoted... i32 3 at 16, fp128 at 32.
; CHECK-LABEL: <layout>:
; CHECK: i32.const 1
; CHECK-NEXT: i32.store 2 0
; CHECK: f64.const 0x1p+1
; CHECK-NEXT: f64.store 3 8
; CHECK: i32.const 3
; CHECK-NEXT: i32.store 2 16
; CHECK: i64.store 3 32
; CHECK: i64.store 3 40
; CHECK: call_indirect
; No extra arguments: a null buffer.
; CHECK:      i32.const 0
; CHECK-NEXT: i32.const 0
; CHECK-NEXT: local.get 0
; CHECK-NEXT: call_indirect
define void @layout(ptr %f) {
  call void (ptr, ...) %f(ptr null, i32 1, double 2.0, i32 3, fp128 0xL00000000000000004000000000000000)
  call void (ptr, ...) %f(ptr null)
  ret void
}
define void @ignore(ptr %p, ...) {
  ret void
}

declare i32 @printf(ptr, ...)
@__main_void = hidden alias i32 (), ptr @main
@fmt = private unnamed_addr constant [13 x i8] c"%g %d %s %c\0A\00"
@str = private unnamed_addr constant [4 x i8] c"abc\00"

define i32 @main() {
  %s = call double (i32, ...) @sum(i32 3, double 1.5, double 2.5, double 3.0)
  call void @layout(ptr @ignore)
  call i32 (ptr, ...) @printf(ptr @fmt, double %s, i32 -7, ptr @str, i32 120)
  ret i32 0
}
; OUT: 14 -7 abc x
