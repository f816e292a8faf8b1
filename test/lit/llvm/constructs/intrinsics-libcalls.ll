; Intrinsics with no wasm instruction that LLVM's backend turns into calls
; or constants: llvm.frexp calls C's frexp with the exponent in a slot of
; the frame, __fp16 conversions call compiler-rt (an f64 through f32, which
; is exact), llvm.readcyclecounter is 0.
; RUN: %toyc build-obj %s -o %t.o
; RUN: wasm-objdump -d %t.o | FileCheck %s
; RUN: %toyc build %s -o %t.wasm
; RUN: wasm-validate %t.wasm
; RUN: %run-wasi %t.wasm | FileCheck %s --check-prefix=OUT

target triple = "wasm32-unknown-wasi"

; CHECK-LABEL: <mant>:
; CHECK: global.set 0 <env.__stack_pointer>
; CHECK-NEXT: local.get 0
; CHECK-NEXT: local.get 2
; CHECK-NEXT: call {{[0-9]+}} <env.frexp>
; CHECK: i32.load 2 0
; CHECK-NEXT: i32.store 2 0
define double @mant(double %x, ptr %e) noinline {
  %r = call { double, i32 } @llvm.frexp.f64.i32(double %x)
  %m = extractvalue { double, i32 } %r, 0
  %k = extractvalue { double, i32 } %r, 1
  store i32 %k, ptr %e
  ret double %m
}

; CHECK-LABEL: <mantf>:
; CHECK: call {{[0-9]+}} <env.frexpf>
define float @mantf(float %x, ptr %e) noinline {
  %r = call { float, i32 } @llvm.frexp.f32.i32(float %x)
  %m = extractvalue { float, i32 } %r, 0
  %k = extractvalue { float, i32 } %r, 1
  store i32 %k, ptr %e
  ret float %m
}

; long double: the result through a pointer passed first, the exponent
; after it in the same call area.
; CHECK-LABEL: <mantl>:
; CHECK: call {{[0-9]+}} <env.frexpl>
; CHECK: i64.load 3 0
; CHECK: i32.load 2 16
define double @mantl(double %x, ptr %e) noinline {
  %w = fpext double %x to fp128
  %r = call { fp128, i32 } @llvm.frexp.f128.i32(fp128 %w)
  %m = extractvalue { fp128, i32 } %r, 0
  %k = extractvalue { fp128, i32 } %r, 1
  store i32 %k, ptr %e
  %d = fptrunc fp128 %m to double
  ret double %d
}

; CHECK-LABEL: <half>:
; CHECK-NEXT: local[0] type=f32
; CHECK-NEXT: local.get 0
; CHECK-NEXT: i32.load16_u 1 0
; CHECK-NEXT: call {{[0-9]+}} <env.__extendhfsf2>
; CHECK: f32.add
; CHECK-NEXT: call {{[0-9]+}} <env.__truncsfhf2>
; CHECK-NEXT: i32.store16 1 0
define float @half(ptr %p) noinline {
  %h = load i16, ptr %p
  %f = call float @llvm.convert.from.fp16.f32(i16 %h)
  %g = fadd float %f, 1.0
  %b = call i16 @llvm.convert.to.fp16.f32(float %g)
  store i16 %b, ptr %p
  ret float %f
}

; CHECK-LABEL: <halfd>:
; CHECK: call {{[0-9]+}} <env.__extendhfsf2>
; CHECK-NEXT: f64.promote_f32
; CHECK: call {{[0-9]+}} <env.__truncdfhf2>
define double @halfd(ptr %p) noinline {
  %h = load i16, ptr %p
  %f = call double @llvm.convert.from.fp16.f64(i16 %h)
  %g = fmul double %f, 3.0
  %b = call i16 @llvm.convert.to.fp16.f64(double %g)
  store i16 %b, ptr %p
  ret double %f
}

; CHECK-LABEL: <cycles>:
; CHECK-NEXT: i64.const 0
; CHECK-NEXT: end
define i64 @cycles() noinline {
  %c = call i64 @llvm.readcyclecounter()
  ret i64 %c
}

@fmt = private constant [36 x i8] c"%g %d %g %d %g %d %g %g %g %g %lld\0A\00"
@__main_void = hidden alias i32 (), ptr @main

define i32 @main() {
  %e1 = alloca i32
  %e2 = alloca i32
  %e3 = alloca i32
  %h = alloca i16
  %m1 = call double @mant(double 1.5e10, ptr %e1)
  %m2 = call float @mantf(float -0.375, ptr %e2)
  %m2d = fpext float %m2 to double
  %m3 = call double @mantl(double 3.0e-310, ptr %e3)
  %x1 = load i32, ptr %e1
  %x2 = load i32, ptr %e2
  %x3 = load i32, ptr %e3
  store i16 15872, ptr %h                     ; 1.5 in binary16
  %f1 = call float @half(ptr %h)              ; 1.5, stores 2.5
  %f1d = fpext float %f1 to double
  %f2 = call float @half(ptr %h)              ; 2.5, stores 3.5
  %f2d = fpext float %f2 to double
  %d1 = call double @halfd(ptr %h)            ; 3.5, stores 10.5
  %d2 = call double @halfd(ptr %h)            ; 10.5
  %c = call i64 @cycles()
  call i32 (ptr, ...) @printf(ptr @fmt, double %m1, i32 %x1, double %m2d, i32 %x2, double %m3, i32 %x3,
                              double %f1d, double %f2d, double %d1, double %d2, i64 %c)
  ret i32 0
}
; OUT: 0.873115 34 -0.75 -1 0.862893 -1028 1.5 2.5 3.5 10.5 0

declare { double, i32 } @llvm.frexp.f64.i32(double)
declare { float, i32 } @llvm.frexp.f32.i32(float)
declare { fp128, i32 } @llvm.frexp.f128.i32(fp128)
declare float @llvm.convert.from.fp16.f32(i16)
declare double @llvm.convert.from.fp16.f64(i16)
declare i16 @llvm.convert.to.fp16.f32(float)
declare i16 @llvm.convert.to.fp16.f64(double)
declare i64 @llvm.readcyclecounter()
declare i32 @printf(ptr, ...)
