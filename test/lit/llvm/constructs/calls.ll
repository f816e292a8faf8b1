; Calls per BasicCABI: direct calls, indirect calls through the table with
; the call's signature, byval arguments copied to the caller's frame,
; results of more than one value through a pointer passed first, narrow
; arguments extended as their zeroext/signext attributes say, tail calls as
; ordinary calls.
; RUN: %toyc build-obj %s -o %t.o
; RUN: wasm-objdump -d %t.o | FileCheck %s
; RUN: wasm-objdump -x -j Type %t.o | FileCheck %s --check-prefix=TYPE
; RUN: %toyc build %s -o %t.wasm
; RUN: %run-wasi %t.wasm | FileCheck %s --check-prefix=OUT

target triple = "wasm32-unknown-wasi"

%pair = type { i32, i64 }
%big = type { [10 x i32] }

; TYPE-DAG: (i32, i32) -> nil
; TYPE-DAG: (i32, i32, i32) -> i32

; A struct result goes through the pointer in parameter 0.
; CHECK-LABEL: <mkpair>:
; CHECK-NEXT: local.get 0
; CHECK-NEXT: local.get 1
; CHECK-NEXT: i32.store 2 0
; CHECK-NEXT: local.get 0
; CHECK-NEXT: local.get 1
; CHECK-NEXT: i64.extend_i32_s
; CHECK-NEXT: i64.const 1000
; CHECK-NEXT: i64.mul
; CHECK-NEXT: i64.store 3 8
; CHECK-NEXT: end
define %pair @mkpair(i32 %x) {
  %w = sext i32 %x to i64
  %m = mul i64 %w, 1000
  %a = insertvalue %pair undef, i32 %x, 0
  %b = insertvalue %pair %a, i64 %m, 1
  ret %pair %b
}

define i32 @sumbig(ptr byval(%big) align 4 %b) {
  %p = getelementptr inbounds i32, ptr %b, i32 9
  %x = load i32, ptr %p
  store i32 0, ptr %b
  %y = load i32, ptr %b
  %s = add i32 %x, %y
  ret i32 %s
}

define i32 @twice(i32 %x) {
  %r = shl i32 %x, 1
  ret i32 %r
}

define i32 @narrow(i8 zeroext %a, i16 signext %b) {
  %x = zext i8 %a to i32
  %y = sext i16 %b to i32
  %r = add i32 %x, %y
  ret i32 %r
}

; The byval copy is made in the caller's frame (40 bytes, inline loads and
; stores), the indirect call takes the callee last.
; CHECK-LABEL: <caller>:
; CHECK:      local.get 3
; CHECK-NEXT: local.get 0
; CHECK-NEXT: i64.load 2 0
; CHECK-NEXT: i64.store 2 0
; CHECK:      i64.load 2 32
; CHECK-NEXT: i64.store 2 32
; CHECK:      call_indirect
; CHECK: i32.const 255
; CHECK-NEXT: i32.and
; CHECK-NEXT: local.get 2
; CHECK-NEXT: i32.extend16_s
define i32 @caller(ptr %bigp, ptr %fp, i32 %v) {
  %r1 = call i32 @sumbig(ptr byval(%big) align 4 %bigp)
  %r2 = call i32 %fp(i32 %r1)
  %p = call %pair @mkpair(i32 %r2)
  %a = extractvalue %pair %p, 0
  %b = extractvalue %pair %p, 1
  %b32 = trunc i64 %b to i32
  %v8 = trunc i32 %v to i8
  %v16 = trunc i32 %v to i16
  %n = tail call i32 @narrow(i8 zeroext %v8, i16 signext %v16)
  %s1 = add i32 %a, %b32
  %s2 = add i32 %s1, %n
  ret i32 %s2
}

declare i32 @printf(ptr, ...)
@__main_void = hidden alias i32 (), ptr @main
@fmt = private unnamed_addr constant [7 x i8] c"%d %d\0A\00"
@data = global %big { [10 x i32] [i32 1, i32 2, i32 3, i32 4, i32 5, i32 6, i32 7, i32 8, i32 9, i32 10] }

define i32 @main() {
  %r = call i32 @caller(ptr @data, ptr @twice, i32 65535)
  ; the callee cleared its copy, not the original
  %first = load i32, ptr @data
  call i32 (ptr, ...) @printf(ptr @fmt, i32 %r, i32 %first)
  ret i32 0
}
; sumbig = 10 + 0; twice = 20; pair = (20, 20000); narrow = 255 + -1
; OUT: 20274 1
