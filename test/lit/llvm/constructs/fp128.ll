; fp128 (C's long double on wasm32) is two i64 halves; every operation is a
; compiler-rt call (__addtf3, __lttf2, __extenddftf2, ...), values come back
; through memory, and negation and fabs flip or clear the sign bit inline.
; RUN: %toyc build %s -o %t.wasm
; RUN: wasm-objdump -d %t.wasm | FileCheck %s
; RUN: %run-wasi %t.wasm | FileCheck %s --check-prefix=OUT

target triple = "wasm32-unknown-wasi"

; CHECK-LABEL: <ops>:
; CHECK: call {{[0-9]+}} <__extenddftf2>
; CHECK: call {{[0-9]+}} <__multf3>
; CHECK: call {{[0-9]+}} <__addtf3>
; CHECK: call {{[0-9]+}} <__divtf3>
; CHECK: call {{[0-9]+}} <__trunctfdf2>
define double @ops(double %d, fp128 %a) {
  %x = fpext double %d to fp128
  %m = fmul fp128 %x, %a
  %s = fadd fp128 %m, 0xL00000000000000004000000000000000
  %q = fdiv fp128 %s, %a
  %r = fptrunc fp128 %q to double
  ret double %r
}

; CHECK-LABEL: <less>:
; CHECK: call {{[0-9]+}} <__l{{e|t}}tf2>
; CHECK-NEXT: i32.const 0
; CHECK-NEXT: i32.lt_s
define i32 @less(fp128 %a, fp128 %b) {
  %c = fcmp olt fp128 %a, %b
  %r = zext i1 %c to i32
  ret i32 %r
}

; CHECK-LABEL: <negabs>:
; CHECK-NOT: call
; CHECK: i64.const -9223372036854775808
; CHECK: i64.xor
; CHECK: i64.const 9223372036854775807
; CHECK: i64.and
define fp128 @negabs(fp128 %a) {
  %n = fneg fp128 %a
  %b = call fp128 @llvm.fabs.f128(fp128 %n)
  %c = fneg fp128 %b
  ret fp128 %c
}
declare fp128 @llvm.fabs.f128(fp128)

; CHECK-LABEL: <ints>:
; CHECK: call {{[0-9]+}} <__floatsitf>
; CHECK: call {{[0-9]+}} <__fixtfdi>
define i64 @ints(i32 %i) {
  %f = sitofp i32 %i to fp128
  %g = fmul fp128 %f, %f
  %r = fptosi fp128 %g to i64
  ret i64 %r
}

declare i32 @printf(ptr, ...)
@__main_void = hidden alias i32 (), ptr @main
@fmt = private unnamed_addr constant [18 x i8] c"%g %d %d %g %lld\0A\00"

define i32 @main() {
  %o = call double @ops(double 3.0, fp128 0xL00000000000000004001000000000000)
  %l1 = call i32 @less(fp128 0xL00000000000000003FFF000000000000, fp128 0xL00000000000000004000000000000000)
  %l2 = call i32 @less(fp128 0xL00000000000000004000000000000000, fp128 0xL00000000000000003FFF000000000000)
  %n = call fp128 @negabs(fp128 0xL00000000000000004000000000000000)
  %i = call i64 @ints(i32 -3000000)
  ; wasi-libc's printf does not print long double: print it as double.
  %nd = fptrunc fp128 %n to double
  call i32 (ptr, ...) @printf(ptr @fmt, double %o, i32 %l1, i32 %l2, double %nd, i64 %i)
  ret i32 0
}
; (3 * 4 + 2) / 4; 1 < 2; 2 < 1; -|-2|; (-3e6)^2
; OUT: 3.5 1 0 -2 9000000000000
