; Floating-point intrinsics: wasm has fabs, sqrt, ceil, floor, trunc,
; nearest (rint, nearbyint, roundeven), copysign, minimum and maximum;
; round, minnum/maxnum (which ignore NaN operands), fma and the math
; library functions are calls; fmuladd is a multiply and an add;
; is.fpclass tests the bits.
; RUN: %toyc build-obj %s -o %t.o
; RUN: wasm-objdump -d %t.o | FileCheck %s
; RUN: %toyc build %s -o %t.wasm
; RUN: %run-wasi %t.wasm | FileCheck %s --check-prefix=OUT

target triple = "wasm32-unknown-wasi"

; CHECK-LABEL: <inline>:
; CHECK-NEXT: local[1..2] type=f64
; CHECK-NEXT: local.get 0
; CHECK-NEXT: f64.abs
; CHECK-NEXT: local.tee 1
; CHECK-NEXT: f64.sqrt
; CHECK-NEXT: local.tee 2
; CHECK-NEXT: f64.ceil
; CHECK-NEXT: local.get 0
; CHECK-NEXT: f64.copysign
; CHECK-NEXT: local.get 2
; CHECK-NEXT: f64.floor
; CHECK-NEXT: local.get 0
; CHECK-NEXT: f64.trunc
; CHECK-NEXT: f64.min
; CHECK-NEXT: f64.add
; CHECK-NEXT: local.get 0
; CHECK-NEXT: f64.nearest
; CHECK-NEXT: f64.mul
; CHECK-NEXT: local.get 1
; CHECK-NEXT: f64.add
; CHECK-NEXT: end
define double @inline(double %x) {
  %a = call double @llvm.fabs.f64(double %x)
  %b = call double @llvm.sqrt.f64(double %a)
  %c = call double @llvm.ceil.f64(double %b)
  %d = call double @llvm.floor.f64(double %b)
  %e = call double @llvm.trunc.f64(double %x)
  %f = call double @llvm.rint.f64(double %x)
  %g = call double @llvm.copysign.f64(double %c, double %x)
  %h = call double @llvm.minimum.f64(double %d, double %e)
  %s1 = fadd double %g, %h
  %s2 = call double @llvm.fmuladd.f64(double %s1, double %f, double %a)
  ret double %s2
}

; CHECK-LABEL: <calls>:
; CHECK-COUNT-4: call
define float @calls(float %x, float %y) {
  %a = call float @llvm.round.f32(float %x)
  %b = call float @llvm.maxnum.f32(float %a, float %y)
  %c = call float @llvm.fma.f32(float %b, float %x, float %y)
  %d = call float @llvm.pow.f32(float %c, float 2.0)
  ret float %d
}

define i32 @classes(double %x) {
  %nan = call i1 @llvm.is.fpclass.f64(double %x, i32 3)
  %inf = call i1 @llvm.is.fpclass.f64(double %x, i32 516)
  %neg = call i1 @llvm.is.fpclass.f64(double %x, i32 60)
  %sub = call i1 @llvm.is.fpclass.f64(double %x, i32 144)
  %n = zext i1 %nan to i32
  %i = zext i1 %inf to i32
  %g = zext i1 %neg to i32
  %s = zext i1 %sub to i32
  %i2 = shl i32 %i, 1
  %g2 = shl i32 %g, 2
  %s2 = shl i32 %s, 3
  %r1 = or i32 %n, %i2
  %r2 = or i32 %r1, %g2
  %r = or i32 %r2, %s2
  ret i32 %r
}

declare double @llvm.fabs.f64(double)
declare double @llvm.sqrt.f64(double)
declare double @llvm.ceil.f64(double)
declare double @llvm.floor.f64(double)
declare double @llvm.trunc.f64(double)
declare double @llvm.rint.f64(double)
declare double @llvm.copysign.f64(double, double)
declare double @llvm.minimum.f64(double, double)
declare double @llvm.fmuladd.f64(double, double, double)
declare float @llvm.round.f32(float)
declare float @llvm.maxnum.f32(float, float)
declare float @llvm.fma.f32(float, float, float)
declare float @llvm.pow.f32(float, float)
declare i1 @llvm.is.fpclass.f64(double, i32)

declare i32 @printf(ptr, ...)
@__main_void = hidden alias i32 (), ptr @main
@fmt = private unnamed_addr constant [25 x i8] c"%g %g %g %d %d %d %d %d\0A\00"

define i32 @main() {
  %a = call double @inline(double -6.25)
  %b = call float @calls(float 2.5, float 1.0)
  %bd = fpext float %b to double
  %c = call float @calls(float -0.5, float 0x7FF8000000000000)
  %cd = fpext float %c to double
  %k1 = call i32 @classes(double 0x7FF8000000000000)
  %k2 = call i32 @classes(double 0xFFF0000000000000)
  %k3 = call i32 @classes(double -1.0)
  %k4 = call i32 @classes(double 0x0000000000000001)
  %k5 = call i32 @classes(double 0.0)
  call i32 (ptr, ...) @printf(ptr @fmt, double %a, double %bd, double %cd, i32 %k1, i32 %k2, i32 %k3, i32 %k4, i32 %k5)
  ret i32 0
}
; |x| = 6.25, sqrt 2.5, ceil 3 -> -3, floor 2, trunc -6, rint -6:
; (-3 + -6) * -6 + 6.25 = 60.25; round(2.5) = 3, max(3, 1) = 3, 3*2.5+1 = 8.5,
; squared 72.25; round(-0.5) = -1, maxnum(-1, NaN) = -1, -1*-0.5+NaN = NaN.
; OUT: 60.25 72.25 nan 1 6 4 8 0
