; IR the backend does not lower is reported per function with the
; instruction's text; every such function is reported, exit status 1.
; RUN: not %toyc build %s -o %t.wasm 2>&1 | FileCheck %s -DFILE=%s
; RUN: not %toyc build-obj %s -o %t.o 2>&1 | FileCheck %s -DFILE=%s
; CHECK-DAG: [[FILE]]: error: in function 'vec': unsupported instruction '%v = insertelement <4 x i32> undef, i32 %x, i32 0'
; CHECK-DAG: [[FILE]]: error: in function 'asm': unsupported instruction 'call void asm sideeffect "nop", ""()' (inline assembly)
; CHECK-DAG: [[FILE]]: error: in function 'landing': unsupported instruction 'invoke void @g()
; Above 128 bits only what clang emits for bitfield storage is lowered, not
; multiplication (the i129 of __builtin_mul_overflow on mixed-sign __int128),
; division or variable shifts; nor integers above 4096 bits.
; CHECK-DAG: [[FILE]]: error: in function 'big': unsupported instruction '%y = mul i129 %x, %x'
; CHECK-DAG: [[FILE]]: error: in function 'bigshift': unsupported instruction '%s = lshr i200 %x, %n'
; CHECK-DAG: [[FILE]]: error: in function 'huge': unsupported instruction '%x = zext i64 %a to i4160'

target triple = "wasm32-unknown-wasi"

define i32 @vec(i32 %x) {
  %v = insertelement <4 x i32> undef, i32 %x, i32 0
  %e = extractelement <4 x i32> %v, i32 0
  ret i32 %e
}

define void @asm() {
  call void asm sideeffect "nop", ""()
  ret void
}

declare void @g()
declare i32 @__gxx_personality_v0(...)
define void @landing() personality ptr @__gxx_personality_v0 {
  invoke void @g() to label %ok unwind label %bad
ok:
  ret void
bad:
  %lp = landingpad { ptr, i32 } cleanup
  resume { ptr, i32 } %lp
}

define i64 @big(i64 %a) {
  %x = sext i64 %a to i129
  %y = mul i129 %x, %x
  %z = trunc i129 %y to i64
  ret i64 %z
}

define i200 @bigshift(i200 %x, i200 %n) {
  %s = lshr i200 %x, %n
  ret i200 %s
}

define i64 @huge(i64 %a) {
  %x = zext i64 %a to i4160
  %y = lshr i4160 %x, 1
  %z = trunc i4160 %y to i64
  ret i64 %z
}
