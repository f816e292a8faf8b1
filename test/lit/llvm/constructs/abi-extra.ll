; Constructs clang emits that the other tests do not cover: a struct result
; through an `sret` pointer, llvm.umin, llvm.fptoui.sat (NaN, negative and
; out-of-range inputs, also at i8 and i40), i48 and i33 loads and stores of
; bitfields in i64 containers (whole bytes only, the neighbours untouched),
; and `musttail`/`tail call` lowered as ordinary calls.
; RUN: %toyc build-obj %s -o %t.o
; RUN: wasm-validate %t.o
; RUN: wasm-objdump -d %t.o | FileCheck %s
; RUN: wasm-objdump -x %t.o | FileCheck %s --check-prefix=SIG
; RUN: %toyc build %s -o %t.wasm
; RUN: %run-wasi %t.wasm | FileCheck %s --check-prefix=OUT

target triple = "wasm32-unknown-wasi"

%struct.S = type { i32, i64, i8 }

; The sret pointer is an ordinary first parameter and nothing is returned.
; SIG: - type[[[SRET:[0-9]+]]] (i32, i32) -> nil
; SIG: - type[[[I64S:[0-9]+]]] (i32, i64) -> nil
; SIG: sig=[[SRET]] <mks>
; SIG: sig=[[I64S]] <set48>
; SIG: sig=[[I64S]] <set33>
; CHECK-LABEL: <mks>:
; CHECK-NEXT: local.get 0
; CHECK-NEXT: local.get 1
; CHECK-NEXT: i32.store 2 0
; CHECK-NEXT: local.get 0
; CHECK-NEXT: local.get 1
; CHECK-NEXT: i64.extend_i32_s
; CHECK-NEXT: i64.const 1000000007
; CHECK-NEXT: i64.mul
; CHECK-NEXT: i64.store 3 8
; CHECK-NEXT: local.get 0
; CHECK-NEXT: local.get 1
; CHECK-NEXT: i32.store8 0 16
; CHECK-NEXT: end
define void @mks(ptr noalias sret(%struct.S) align 8 %out, i32 %a) {
  store i32 %a, ptr %out, align 8
  %p1 = getelementptr inbounds %struct.S, ptr %out, i32 0, i32 1
  %w = sext i32 %a to i64
  %m = mul i64 %w, 1000000007
  store i64 %m, ptr %p1, align 8
  %p2 = getelementptr inbounds %struct.S, ptr %out, i32 0, i32 2
  %b = trunc i32 %a to i8
  store i8 %b, ptr %p2, align 8
  ret void
}

; The caller passes its frame slot and reads the fields back from it.
; CHECK-LABEL: <uses>:
; CHECK: global.get 0 <env.__stack_pointer>
; CHECK: local.get 1
; CHECK-NEXT: local.get 0
; CHECK-NEXT: call {{[0-9]+}} <mks>
; CHECK-NEXT: local.get 1
; CHECK-NEXT: i64.load 3 8
; CHECK-NEXT: local.get 1
; CHECK-NEXT: i32.load8_s 0 16
; CHECK-NEXT: i64.extend_i32_s
; CHECK-NEXT: i64.add
define i64 @uses(i32 %a) {
  %s = alloca %struct.S, align 8
  call void @mks(ptr sret(%struct.S) align 8 %s, i32 %a)
  %p1 = getelementptr inbounds %struct.S, ptr %s, i32 0, i32 1
  %v = load i64, ptr %p1, align 8
  %p2 = getelementptr inbounds %struct.S, ptr %s, i32 0, i32 2
  %c = load i8, ptr %p2, align 8
  %ce = sext i8 %c to i64
  %r = add i64 %v, %ce
  ret i64 %r
}

; umin is a compare and a select; i8 operands are masked first.
; CHECK-LABEL: <umin32>:
; CHECK-NEXT: local.get 0
; CHECK-NEXT: local.get 1
; CHECK-NEXT: local.get 0
; CHECK-NEXT: local.get 1
; CHECK-NEXT: i32.lt_u
; CHECK-NEXT: select
; CHECK-NEXT: end
define i32 @umin32(i32 %a, i32 %b) {
  %r = call i32 @llvm.umin.i32(i32 %a, i32 %b)
  ret i32 %r
}
; CHECK-LABEL: <umin64>:
; CHECK: i64.lt_u
; CHECK-NEXT: select
; CHECK-NEXT: end
define i64 @umin64(i64 %a, i64 %b) {
  %r = call i64 @llvm.umin.i64(i64 %a, i64 %b)
  ret i64 %r
}
; CHECK-LABEL: <umin8>:
; CHECK: i32.const 255
; CHECK-NEXT: i32.and
; CHECK: i32.const 255
; CHECK-NEXT: i32.and
; CHECK: i32.lt_u
; CHECK-NEXT: select
; CHECK-NEXT: end
define zeroext i8 @umin8(i8 %a, i8 %b) {
  %r = call i8 @llvm.umin.i8(i8 %a, i8 %b)
  ret i8 %r
}

; fptoui.sat at 32 and 64 bits is wasm's trunc_sat; narrower results clamp
; the 32- or 64-bit one to the width's maximum (NaN and negatives are
; already 0).
; CHECK-LABEL: <sat32>:
; CHECK-NEXT: local.get 0
; CHECK-NEXT: i32.trunc_sat_f64_u
; CHECK-NEXT: end
define i32 @sat32(double %x) {
  %r = call i32 @llvm.fptoui.sat.i32.f64(double %x)
  ret i32 %r
}
; CHECK-LABEL: <sat64>:
; CHECK-NEXT: local.get 0
; CHECK-NEXT: i64.trunc_sat_f32_u
; CHECK-NEXT: end
define i64 @sat64(float %x) {
  %r = call i64 @llvm.fptoui.sat.i64.f32(float %x)
  ret i64 %r
}
; CHECK-LABEL: <sat8>:
; CHECK: i32.trunc_sat_f64_u
; CHECK: i32.const 255
; CHECK: i32.gt_u
; CHECK-NEXT: select
; CHECK-NEXT: end
define zeroext i8 @sat8(double %x) {
  %r = call i8 @llvm.fptoui.sat.i8.f64(double %x)
  ret i8 %r
}
; CHECK-LABEL: <sat40>:
; CHECK: i64.trunc_sat_f64_u
; CHECK: i64.const 1099511627775
; CHECK: i64.gt_u
; CHECK-NEXT: select
; CHECK-NEXT: end
define i64 @sat40(double %x) {
  %r = call i40 @llvm.fptoui.sat.i40.f64(double %x)
  %z = zext i40 %r to i64
  ret i64 %z
}

; An i48 bitfield unit (clang's access unit for 6 bytes): 4 + 2 bytes read
; and written, bytes 6 and 7 never touched.
; CHECK-LABEL: <set48>:
; CHECK-NOT: i64.load 3
; CHECK: i64.load32_u 1 0
; CHECK: i64.load16_u 1 4
; CHECK: i64.const 281470681743360
; CHECK-NOT: i64.store 3
; CHECK: i64.store32 1 0
; CHECK: i64.store16 1 4
; CHECK-NEXT: end
define void @set48(ptr %p, i64 %v) {
  %t = trunc i64 %v to i48
  %old = load i48, ptr %p, align 2
  %m = and i48 %t, 4294967295
  %k = and i48 %old, -4294967296
  %n = or i48 %k, %m
  store i48 %n, ptr %p, align 2
  ret void
}
; CHECK-LABEL: <get48>:
; CHECK-NEXT: local.get 0
; CHECK-NEXT: i64.load32_u 1 0
; CHECK-NEXT: local.get 0
; CHECK-NEXT: i64.load16_u 1 4
; CHECK-NOT: i64.load
; CHECK: i64.shr_s
; CHECK: end
define i64 @get48(ptr %p) {
  %l = load i48, ptr %p, align 2
  %s = shl i48 %l, 16
  %a = ashr i48 %s, 16
  %e = sext i48 %a to i64
  ret i64 %e
}

; An i33 in a packed struct at offset 1: 5 bytes, unaligned.
; CHECK-LABEL: <set33>:
; CHECK: i64.const 8589934591
; CHECK-NEXT: i64.and
; CHECK: i64.store32 0 1
; CHECK: i64.const 32
; CHECK-NEXT: i64.shr_u
; CHECK-NEXT: i64.store8 0 5
; CHECK-NEXT: end
define void @set33(ptr %p, i64 %v) {
  %q = getelementptr inbounds i8, ptr %p, i32 1
  %t = trunc i64 %v to i33
  store i33 %t, ptr %q, align 1
  ret void
}
; CHECK-LABEL: <get33>:
; CHECK-NEXT: local.get 0
; CHECK-NEXT: i64.load32_u 0 1
; CHECK-NEXT: local.get 0
; CHECK-NEXT: i64.load8_u 0 5
; CHECK-NEXT: i64.const 32
; CHECK-NEXT: i64.shl
; CHECK-NEXT: i64.or
; CHECK-NEXT: i64.const 31
; CHECK-NEXT: i64.shl
; CHECK-NEXT: i64.const 31
; CHECK-NEXT: i64.shr_s
; CHECK-NEXT: end
define i64 @get33(ptr %p) {
  %q = getelementptr inbounds i8, ptr %p, i32 1
  %l = load i33, ptr %q, align 1
  %e = sext i33 %l to i64
  ret i64 %e
}

; musttail and tail calls are plain calls (no tail-call feature).
; CHECK-LABEL: <step>:
; CHECK-NOT: return_call
; CHECK: call {{[0-9]+}} <step>
; CHECK-NEXT: end
define internal i32 @step(i32 %n, i32 %acc) {
  %z = icmp eq i32 %n, 0
  br i1 %z, label %done, label %more
done:
  ret i32 %acc
more:
  %n1 = sub i32 %n, 1
  %a1 = add i32 %acc, %n
  %r = musttail call i32 @step(i32 %n1, i32 %a1)
  ret i32 %r
}
; CHECK-LABEL: <tc>:
; CHECK-NEXT: local.get 0
; CHECK-NEXT: i32.const 0
; CHECK-NEXT: call {{[0-9]+}} <step>
; CHECK-NEXT: end
define i32 @tc(i32 %n) {
  %r = tail call i32 @step(i32 %n, i32 0)
  ret i32 %r
}

declare i32 @llvm.umin.i32(i32, i32)
declare i64 @llvm.umin.i64(i64, i64)
declare i8 @llvm.umin.i8(i8, i8)
declare i32 @llvm.fptoui.sat.i32.f64(double)
declare i64 @llvm.fptoui.sat.i64.f32(float)
declare i8 @llvm.fptoui.sat.i8.f64(double)
declare i40 @llvm.fptoui.sat.i40.f64(double)

declare i32 @printf(ptr, ...)
@__main_void = hidden alias i32 (), ptr @main
@vol = internal global i8 -1
@fmt1 = private unnamed_addr constant [21 x i8] c"sret %lld %lld %lld\0A\00"
@fmt2 = private unnamed_addr constant [31 x i8] c"umin %u %u %llu %llu %u %u %u\0A\00"
@fmt3 = private unnamed_addr constant [22 x i8] c"sat32 %u %u %u %u %u\0A\00"
@fmt4 = private unnamed_addr constant [27 x i8] c"sat64 %llu %llu %llu %llu\0A\00"
@fmt5 = private unnamed_addr constant [21 x i8] c"sat8 %u %u %u %u %u\0A\00"
@fmt6 = private unnamed_addr constant [27 x i8] c"sat40 %llu %llu %llu %llu\0A\00"
@fmt7 = private unnamed_addr constant [24 x i8] c"bf %llx %llx %llx %llx\0A\00"
@fmt8 = private unnamed_addr constant [12 x i8] c"tail %d %d\0A\00"

define i32 @main() {
  %buf = alloca i64, align 8
  %s1 = call i64 @uses(i32 5)
  %s2 = call i64 @uses(i32 -3)
  %s3 = call i64 @uses(i32 300)
  call i32 (ptr, ...) @printf(ptr @fmt1, i64 %s1, i64 %s2, i64 %s3)

  %u1 = call i32 @umin32(i32 -1, i32 7)
  %u2 = call i32 @umin32(i32 3, i32 -2)
  %u3 = call i64 @umin64(i64 -1, i64 5)
  %u4 = call i64 @umin64(i64 4294967296, i64 4294967295)
  ; Arguments with set bits above the i8: 200 and 100 computed from -1.
  %v = load volatile i8, ptr @vol
  %d1 = add i8 %v, -55
  %d2 = add i8 %v, 101
  %u5 = call zeroext i8 @umin8(i8 %d1, i8 %d2)
  %u6 = call zeroext i8 @umin8(i8 %d1, i8 -1)
  %u7 = call zeroext i8 @umin8(i8 %v, i8 %v)
  %u5e = zext i8 %u5 to i32
  %u6e = zext i8 %u6 to i32
  %u7e = zext i8 %u7 to i32
  call i32 (ptr, ...) @printf(ptr @fmt2, i32 %u1, i32 %u2, i64 %u3, i64 %u4, i32 %u5e, i32 %u6e, i32 %u7e)

  %a1 = call i32 @sat32(double -1.5)
  %a2 = call i32 @sat32(double 0x7FF8000000000000)
  %a3 = call i32 @sat32(double 1.0e20)
  %a4 = call i32 @sat32(double 3.99)
  %a5 = call i32 @sat32(double 4294967295.0)
  call i32 (ptr, ...) @printf(ptr @fmt3, i32 %a1, i32 %a2, i32 %a3, i32 %a4, i32 %a5)

  %b1 = call i64 @sat64(float 0xFFF0000000000000)
  %b2 = call i64 @sat64(float 0x4620000000000000)   ; 2^99
  %b3 = call i64 @sat64(float 0x7FF8000000000000)
  %b4 = call i64 @sat64(float 16777216.0)
  call i32 (ptr, ...) @printf(ptr @fmt4, i64 %b1, i64 %b2, i64 %b3, i64 %b4)

  %c1 = call zeroext i8 @sat8(double 300.0)
  %c2 = call zeroext i8 @sat8(double -7.0)
  %c3 = call zeroext i8 @sat8(double 0x7FF8000000000000)
  %c4 = call zeroext i8 @sat8(double 254.9)
  %c5 = call zeroext i8 @sat8(double 0x7FF0000000000000)
  %c1e = zext i8 %c1 to i32
  %c2e = zext i8 %c2 to i32
  %c3e = zext i8 %c3 to i32
  %c4e = zext i8 %c4 to i32
  %c5e = zext i8 %c5 to i32
  call i32 (ptr, ...) @printf(ptr @fmt5, i32 %c1e, i32 %c2e, i32 %c3e, i32 %c4e, i32 %c5e)

  %e1 = call i64 @sat40(double 1.0e13)
  %e2 = call i64 @sat40(double 12345678901.5)
  %e3 = call i64 @sat40(double 0x7FF8000000000000)
  %e4 = call i64 @sat40(double -1.0e13)
  call i32 (ptr, ...) @printf(ptr @fmt6, i64 %e1, i64 %e2, i64 %e3, i64 %e4)

  store i64 1234605616436508552, ptr %buf, align 8   ; 0x1122334455667788
  call void @set48(ptr %buf, i64 2864434397)         ; 0xaabbccdd
  %f1 = load i64, ptr %buf, align 8
  %f2 = call i64 @get48(ptr %buf)
  store i64 1234605616436508552, ptr %buf, align 8
  call void @set33(ptr %buf, i64 4886718345)         ; 0x123456789
  %f3 = load i64, ptr %buf, align 8
  %f4 = call i64 @get33(ptr %buf)
  call i32 (ptr, ...) @printf(ptr @fmt7, i64 %f1, i64 %f2, i64 %f3, i64 %f4)

  %t1 = call i32 @tc(i32 10)
  %t2 = call i32 @tc(i32 1000)
  call i32 (ptr, ...) @printf(ptr @fmt8, i32 %t1, i32 %t2)
  ret i32 0
}
; 5 * 1000000007 + 5; -3 * 1000000007 - 3; 300 * 1000000007 + (i8)300 = 44.
; OUT: sret 5000000040 -3000000024 300000002144
; OUT-NEXT: umin 7 3 5 4294967295 100 200 255
; NaN and -1.5 give 0, 1e20 saturates, 3.99 truncates.
; OUT-NEXT: sat32 0 0 4294967295 3 4294967295
; OUT-NEXT: sat64 0 18446744073709551615 0 16777216
; OUT-NEXT: sat8 255 0 0 254 255
; OUT-NEXT: sat40 1099511627775 12345678901 0 0
; The low 32 bits of the i48 replaced, bytes 6-7 (0x1122) kept, read back
; as a signed 32-bit field; the i33 at byte 1 written as 5 bytes
; (0x0123456789 in bytes 1-5) and read back sign-extended from bit 32.
; OUT-NEXT: bf 11223344aabbccdd ffffffffaabbccdd 1122012345678988 ffffffff23456789
; OUT-NEXT: tail 55 500500
