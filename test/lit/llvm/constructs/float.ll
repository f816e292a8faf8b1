; float and double: arithmetic maps to wasm instructions, frem calls fmod,
; unordered and "one" compares combine wasm's ordered ones, conversions
; use the trapping truncations for fptosi/fptoui and the saturating ones
; for the .sat intrinsics.
; RUN: %toyc build-obj %s -o %t.o
; RUN: wasm-objdump -d %t.o | FileCheck %s
; RUN: %toyc build %s -o %t.wasm
; RUN: %run-wasi %t.wasm | FileCheck %s --check-prefix=OUT

target triple = "wasm32-unknown-wasi"

; CHECK-LABEL: <poly>:
; CHECK-NEXT: local.get 0
; CHECK-NEXT: local.get 0
; CHECK-NEXT: f64.mul
; CHECK-NEXT: f64.const 0x1.8p+1
; CHECK-NEXT: f64.mul
; CHECK-NEXT: local.get 0
; CHECK-NEXT: f64.const 0x1p+1
; CHECK-NEXT: f64.div
; CHECK-NEXT: f64.sub
; CHECK-NEXT: f64.neg
; CHECK-NEXT: end
define double @poly(double %x) {
  %x2 = fmul double %x, %x
  %a = fmul double %x2, 3.0
  %b = fdiv double %x, 2.0
  %c = fsub double %a, %b
  %d = fneg double %c
  ret double %d
}

; CHECK-LABEL: <cmps>:
; CHECK: f32.ne
; CHECK: f32.ne
; CHECK: i32.or
; CHECK: f32.lt
; CHECK: f32.gt
; CHECK: i32.or
; CHECK: f32.ge
; CHECK: i32.eqz
define i32 @cmps(float %a, float %b) {
  %uno = fcmp uno float %a, %b
  %one = fcmp one float %a, %b
  %ult = fcmp ult float %a, %b
  %u = zext i1 %uno to i32
  %o = zext i1 %one to i32
  %l = zext i1 %ult to i32
  %o2 = shl i32 %o, 1
  %l2 = shl i32 %l, 2
  %r1 = or i32 %u, %o2
  %r = or i32 %r1, %l2
  ret i32 %r
}

; CHECK-LABEL: <convs>:
; CHECK-NEXT: local.get 0
; CHECK-NEXT: i32.trunc_f64_s
; CHECK-NEXT: f64.convert_i32_s
; CHECK-NEXT: local.get 1
; CHECK-NEXT: i64.trunc_f32_u
; CHECK-NEXT: f64.convert_i64_u
; CHECK-NEXT: f64.add
; CHECK-NEXT: f64.const 0x1.5af1d78b58c4p+66
; CHECK-NEXT: i32.trunc_sat_f64_s
; CHECK-NEXT: f64.convert_i32_s
; CHECK-NEXT: f64.add
; CHECK-NEXT: local.get 3
; CHECK-NEXT: f32.convert_i64_s
; CHECK-NEXT: f64.promote_f32
; CHECK-NEXT: f64.add
; CHECK-NEXT: local.get 2
; CHECK-NEXT: f64.convert_i32_u
; CHECK-NEXT: f32.demote_f64
; CHECK-NEXT: f64.promote_f32
; CHECK-NEXT: f64.add
; CHECK-NEXT: end
define double @convs(double %d, float %f, i32 %u, i64 %s) {
  %a = fptosi double %d to i32
  %b = fptoui float %f to i64
  %c = call i32 @llvm.fptosi.sat.i32.f64(double 1.0e20)
  %e = sitofp i64 %s to float
  %g = uitofp i32 %u to double
  %h = fpext float %e to double
  %i = fptrunc double %g to float
  %j = fpext float %i to double
  %ai = sitofp i32 %a to double
  %bi = uitofp i64 %b to double
  %ci = sitofp i32 %c to double
  %s1 = fadd double %ai, %bi
  %s2 = fadd double %s1, %ci
  %s3 = fadd double %s2, %h
  %s4 = fadd double %s3, %j
  ret double %s4
}
declare i32 @llvm.fptosi.sat.i32.f64(double)

; CHECK-LABEL: <rem>:
; CHECK: call
define float @rem(float %a, float %b) {
  %r = frem float %a, %b
  ret float %r
}

; Bit casts between floats and integers are reinterpretations.
; CHECK-LABEL: <bits>:
; CHECK-NEXT: local.get 0
; CHECK-NEXT: i64.reinterpret_f64
; CHECK-NEXT: end
define i64 @bits(double %d) {
  %b = bitcast double %d to i64
  ret i64 %b
}

declare i32 @printf(ptr, ...)
@__main_void = hidden alias i32 (), ptr @main
@fmt = private unnamed_addr constant [26 x i8] c"%g %d %d %d %.1f %g %llx\0A\00"

define i32 @main() {
  %p = call double @poly(double 2.0)
  %c1 = call i32 @cmps(float 0x7FF8000000000000, float 1.0)
  %c2 = call i32 @cmps(float 1.0, float 2.0)
  %c3 = call i32 @cmps(float 2.0, float 2.0)
  %cv = call double @convs(double -7.9, float 5.5, i32 -1, i64 -3)
  %r = call float @rem(float 7.5, float 2.0)
  %rd = fpext float %r to double
  %b = call i64 @bits(double -2.0)
  call i32 (ptr, ...) @printf(ptr @fmt, double %p, i32 %c1, i32 %c2, i32 %c3, double %cv, double %rd, i64 %b)
  ret i32 0
}
; poly(2) = -(12 - 1); NaN is unordered and ult; 1 < 2 is one and ult;
; -7 + 5 + 2147483647 (saturated) + -3 + 4294967296 (4294967295 rounded to float)
; OUT: -11 5 6 0 6442450938.0 1.5 c000000000000000
