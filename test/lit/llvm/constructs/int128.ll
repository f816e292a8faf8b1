; i128 is two i64 halves: add and sub carry inline, compares and constant
; shifts are inline, multiplication, division and variable shifts call
; compiler-rt with the result through memory, as LLVM's backend does; an
; i128 result is returned through a pointer passed first.
; RUN: %toyc build-obj %s -o %t.o
; RUN: wasm-objdump -d %t.o | FileCheck %s
; RUN: wasm-objdump -x -j Type %t.o | FileCheck %s --check-prefix=TYPE
; RUN: %toyc build %s -o %t.wasm
; RUN: wasm-objdump -d %t.wasm | FileCheck %s --check-prefix=CALLS
; RUN: %run-wasi %t.wasm | FileCheck %s --check-prefix=OUT

target triple = "wasm32-unknown-wasi"

; TYPE: (i32, i64, i64, i64, i64) -> nil

; CHECK-LABEL: <addsub>:
; CHECK-NOT: call
; CHECK: i64.store 3 0
; CHECK: i64.add
; CHECK: i64.lt_u
; CHECK: i64.extend_i32_u
; CHECK: i64.add
; CHECK: i64.lt_u
; CHECK: i64.extend_i32_u
; CHECK: i64.sub
; CHECK: i64.store 3 8
; CHECK-NEXT: end
define i128 @addsub(i128 %a, i128 %b) {
  %s = add i128 %a, %b
  %d = sub i128 %s, 1
  ret i128 %d
}

; CALLS-LABEL: <muldiv>:
; CALLS: call {{[0-9]+}} <__multi3>
; CALLS: call {{[0-9]+}} <__udivti3>
; CALLS: call {{[0-9]+}} <__modti3>
; CALLS: call {{[0-9]+}} <__ashlti3>
define i128 @muldiv(i128 %a, i128 %b, i128 %n) {
  %m = mul i128 %a, %b
  %q = udiv i128 %m, 1000
  %r = srem i128 %q, 7
  %s = shl i128 %r, %n
  ret i128 %s
}

; CHECK-LABEL: <cmp>:
; CHECK-NEXT: local.get 0
; CHECK-NEXT: local.get 2
; CHECK-NEXT: i64.lt_u
; CHECK-NEXT: local.get 1
; CHECK-NEXT: local.get 3
; CHECK-NEXT: i64.lt_s
; CHECK-NEXT: local.get 1
; CHECK-NEXT: local.get 3
; CHECK-NEXT: i64.eq
; CHECK-NEXT: select
; CHECK-NEXT: end
define i32 @cmp(i128 %a, i128 %b) {
  %c = icmp slt i128 %a, %b
  %r = zext i1 %c to i32
  ret i32 %r
}

define i64 @hi(i128 %a) {
  %s = lshr i128 %a, 64
  %t = trunc i128 %s to i64
  ret i64 %t
}

; Debian's __modti3 is built with a stack protector that wasi-libc does not provide.
@__stack_chk_guard = global i32 0
define void @__stack_chk_fail() {
  unreachable
}

declare i32 @printf(ptr, ...)
@__main_void = hidden alias i32 (), ptr @main
@fmt = private unnamed_addr constant [32 x i8] c"%llu %llu %d %d %llu %llu %llu\0A\00"

define i32 @main() {
  ; (2^64 - 1) + 1 carries into the high half; minus 1 borrows back.
  %a = call i128 @addsub(i128 18446744073709551615, i128 1)
  %alo = trunc i128 %a to i64
  %ahi = call i64 @hi(i128 %a)
  %c1 = call i32 @cmp(i128 -1, i128 0)
  %c2 = call i32 @cmp(i128 18446744073709551616, i128 18446744073709551615)
  ; 10^20 * 3 / 1000 = 3*10^17, mod 7 = 1, << 70 = 64 << 64
  %m = call i128 @muldiv(i128 100000000000000000000, i128 3, i128 70)
  %mlo = trunc i128 %m to i64
  %mhi = call i64 @hi(i128 %m)
  %big = mul i128 100000000000000000000, 3
  %bighi = call i64 @hi(i128 %big)
  call i32 (ptr, ...) @printf(ptr @fmt, i64 %alo, i64 %ahi, i32 %c1, i32 %c2, i64 %mlo, i64 %mhi, i64 %bighi)
  ret i32 0
}
; OUT: 18446744073709551615 0 1 0 0 64 16
