; i32 and i64 arithmetic: constants become immediates, values used once stay
; on the operand stack, compare and branch fuse, and the program computes.
; RUN: %toyc build-obj %s -o %t.o
; RUN: wasm-objdump -d %t.o | FileCheck %s
; RUN: %toyc build %s -o %t.wasm
; RUN: %run-wasi %t.wasm | FileCheck %s --check-prefix=OUT

target triple = "wasm32-unknown-wasi"

; CHECK-LABEL: <muladd>:
; CHECK-NEXT: local.get 0
; CHECK-NEXT: i32.const 5
; CHECK-NEXT: i32.add
; CHECK-NEXT: local.get 1
; CHECK-NEXT: i32.mul
; CHECK-NEXT: i32.const 3
; CHECK-NEXT: i32.shl
; CHECK-NEXT: end
define i32 @muladd(i32 %a, i32 %b) {
  %x = add i32 %a, 5
  %y = mul i32 %x, %b
  %z = shl i32 %y, 3
  ret i32 %z
}

; The compare feeds the branch directly; the second use of %y reads the
; local that local.tee filled.
; CHECK-LABEL: <clamp>:
; CHECK-NOT: local.set
; CHECK: local.tee 0
; CHECK-NEXT: i32.const 100
; CHECK-NEXT: i32.gt_s
; CHECK-NEXT: if
; CHECK-NEXT: i32.const 100
; CHECK-NEXT: return
; CHECK-NEXT: end
; CHECK-NEXT: local.get 0
; CHECK-NEXT: end
define i32 @clamp(i32 %a) {
  %y = mul i32 %a, 3
  %c = icmp sgt i32 %y, 100
  br i1 %c, label %big, label %small
big:
  ret i32 100
small:
  ret i32 %y
}

; Both operands of the xor are trees: no locals at all.
; CHECK-LABEL: <divs>:
; CHECK-NEXT: local.get 0
; CHECK-NEXT: local.get 1
; CHECK-NEXT: i64.div_s
; CHECK-NEXT: i64.const 2
; CHECK-NEXT: i64.shr_s
; CHECK-NEXT: local.get 0
; CHECK-NEXT: local.get 1
; CHECK-NEXT: i64.rem_u
; CHECK-NEXT: i64.const 1
; CHECK-NEXT: i64.shr_u
; CHECK-NEXT: i64.xor
; CHECK-NEXT: i64.const 7
; CHECK-NEXT: i64.sub
; CHECK-NEXT: end
define i64 @divs(i64 %a, i64 %b) {
  %q = sdiv i64 %a, %b
  %r = urem i64 %a, %b
  %s = ashr i64 %q, 2
  %t = lshr i64 %r, 1
  %u = xor i64 %s, %t
  %v = sub i64 %u, 7
  ret i64 %v
}

declare i32 @printf(ptr, ...)
@__main_void = hidden alias i32 (), ptr @main
@fmt = private unnamed_addr constant [17 x i8] c"%d %d %lld %lld\0A\00"

define i32 @main() {
  %a = call i32 @muladd(i32 2, i32 10)
  %b = call i32 @clamp(i32 50)
  %c = call i64 @divs(i64 -100, i64 7)
  %d = call i64 @divs(i64 1000000000000, i64 3)
  call i32 (ptr, ...) @printf(ptr @fmt, i32 %a, i32 %b, i64 %c, i64 %d)
  ret i32 0
}
; OUT: 560 100 -11 83333333326
