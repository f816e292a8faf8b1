; i1, i8, i16 and odd widths live in i32 with unspecified high bits: the
; operations that read those bits zero- or sign-extend first, the others
; do not; loads and compares produce clean values that are not extended
; again.
; RUN: %toyc build-obj %s -o %t.o
; RUN: wasm-objdump -d %t.o | FileCheck %s
; RUN: %toyc build %s -o %t.wasm
; RUN: %run-wasi %t.wasm | FileCheck %s --check-prefix=OUT

target triple = "wasm32-unknown-wasi"

; add wraps freely; the unsigned division masks both operands.
; CHECK-LABEL: <udiv8>:
; CHECK-NEXT: local.get 0
; CHECK-NEXT: local.get 1
; CHECK-NEXT: i32.add
; CHECK-NEXT: i32.const 255
; CHECK-NEXT: i32.and
; CHECK-NEXT: local.get 1
; CHECK-NEXT: i32.const 255
; CHECK-NEXT: i32.and
; CHECK-NEXT: i32.div_u
; CHECK-NEXT: end
define zeroext i8 @udiv8(i8 %a, i8 %b) {
  %s = add i8 %a, %b
  %q = udiv i8 %s, %b
  ret i8 %q
}

; Signed compares of i16 sign-extend with extend16_s; the i1 result is
; already 0 or 1, so zext is free.
; CHECK-LABEL: <lt16>:
; CHECK-NEXT: local.get 0
; CHECK-NEXT: i32.extend16_s
; CHECK-NEXT: local.get 1
; CHECK-NEXT: i32.extend16_s
; CHECK-NEXT: i32.lt_s
; CHECK-NEXT: end
define i32 @lt16(i16 %a, i16 %b) {
  %c = icmp slt i16 %a, %b
  %r = zext i1 %c to i32
  ret i32 %r
}

; A signext parameter is already extended; an i8 load used by sext loads
; with load8_s.
; CHECK-LABEL: <sext_load>:
; CHECK-NEXT: local.get 0
; CHECK-NEXT: i32.load8_s 0 0
; CHECK-NEXT: local.get 1
; CHECK-NEXT: i32.add
; CHECK-NEXT: end
define i32 @sext_load(ptr %p, i8 signext %x) {
  %v = load i8, ptr %p
  %w = sext i8 %v to i32
  %y = sext i8 %x to i32
  %r = add i32 %w, %y
  ret i32 %r
}

; Arithmetic shift right of i8 sign-extends the value; lshr of i16 masks.
; CHECK-LABEL: <shifts>:
; CHECK: i32.extend8_s
; CHECK: i32.shr_s
; CHECK: i32.const 65535
; CHECK: i32.and
; CHECK: i32.shr_u
define i32 @shifts(i8 %a, i16 %b) {
  %x = ashr i8 %a, 2
  %y = lshr i16 %b, 3
  %xe = sext i8 %x to i32
  %ye = zext i16 %y to i32
  %r = add i32 %xe, %ye
  ret i32 %r
}

; Odd widths: i24 stored as three bytes, i3 arithmetic masked on use.
; CHECK-LABEL: <odd>:
; CHECK: i32.store16
; CHECK: i32.store8 0 2
define i32 @odd(ptr %p, i24 %v, i3 %s) {
  store i24 %v, ptr %p, align 1
  %l = load i24, ptr %p, align 1
  %m = add i3 %s, 7
  %mz = zext i3 %m to i24
  %sum = add i24 %l, %mz
  %r = zext i24 %sum to i32
  ret i32 %r
}

; Truncation to i1 keeps the low bit only when it matters.
; CHECK-LABEL: <bool>:
; CHECK: i32.const 1
; CHECK: i32.and
define i32 @bool(i32 %x, i32 %a, i32 %b) {
  %t = trunc i32 %x to i1
  %r = select i1 %t, i32 %a, i32 %b
  ret i32 %r
}

declare i32 @printf(ptr, ...)
@__main_void = hidden alias i32 (), ptr @main
@fmt = private unnamed_addr constant [22 x i8] c"%d %d %d %d %d %d %d\0A\00"

define i32 @main() {
  %buf = alloca [4 x i8], align 1
  store i8 -10, ptr %buf
  %a = call zeroext i8 @udiv8(i8 200, i8 100)
  %az = zext i8 %a to i32
  %b = call i32 @lt16(i16 -1, i16 1)
  %c = call i32 @lt16(i16 32767, i16 -32768)
  %d = call i32 @sext_load(ptr %buf, i8 signext -5)
  %e = call i32 @shifts(i8 -128, i16 -1)
  %f = call i32 @odd(ptr %buf, i24 16777215, i3 5)
  %g = call i32 @bool(i32 6, i32 1, i32 2)
  call i32 (ptr, ...) @printf(ptr @fmt, i32 %az, i32 %b, i32 %c, i32 %d, i32 %e, i32 %f, i32 %g)
  ret i32 0
}
; 200+100 wraps to 44, 44/100 = 0; -1 < 1; 32767 < -32768 is false;
; -10 + -5; -128>>2 = -32, 65535>>3 = 8191; 0xffffff + (5+7)%8=4 wraps to 3;
; bit 0 of 6 is clear.
; OUT: 0 1 0 -15 8159 3 2
