; i65..i127 (clang's _BitInt(N), the i65 of __builtin_add_overflow on mixed
; signedness) are i128 whose bits above the width are unspecified: the high
; half is masked before an unsigned read, shifted up and back before a
; signed one, and stored in the type's store size (13 bytes for i100, as
; LLVM's backend: an i64, an i32 and an i8 store). Every operation at every
; width is compared with llc-19 by widths.test.
; RUN: %toyc build-obj %s -o %t.o
; RUN: wasm-objdump -d %t.o | FileCheck %s
; RUN: %toyc build %s -o %t.wasm
; RUN: wasm-validate %t.wasm
; RUN: %run-wasi %t.wasm | FileCheck %s --check-prefix=OUT

target triple = "wasm32-unknown-wasi"

; The high half zero-extended from bit 99 (36 bits) before the shift.
; CHECK-LABEL: <lshr100>:
; CHECK-NEXT: local.get 2
; CHECK-NEXT: i64.const 68719476735
; CHECK-NEXT: i64.and
; CHECK: i64.const 61
; CHECK-NEXT: i64.shl
; CHECK-NEXT: i64.or
define i100 @lshr100(i100 %a) noinline {
  %r = lshr i100 %a, 3
  ret i100 %r
}

; Sign-extended from bit 99 before a signed compare.
; CHECK-LABEL: <slt100>:
; CHECK-NEXT: local.get 1
; CHECK-NEXT: i64.const 28
; CHECK-NEXT: i64.shl
; CHECK-NEXT: i64.const 28
; CHECK-NEXT: i64.shr_s
; CHECK: i64.lt_u
; CHECK: i64.lt_s
; CHECK: i64.eq
; CHECK-NEXT: select
; CHECK-NEXT: end
define i32 @slt100(i100 %a, i100 %b) noinline {
  %c = icmp slt i100 %a, %b
  %z = zext i1 %c to i32
  ret i32 %z
}

; CHECK-LABEL: <store100>:
; CHECK-NEXT: local.get 0
; CHECK-NEXT: local.get 1
; CHECK-NEXT: i64.store 3 0
; CHECK: i64.store32 2 8
; CHECK: i64.const 32
; CHECK-NEXT: i64.shr_u
; CHECK-NEXT: i64.store8 0 12
; CHECK-NEXT: end
define void @store100(ptr %p, i100 %v) noinline {
  store i100 %v, ptr %p, align 16
  ret void
}

; CHECK-LABEL: <load100>:
; CHECK: i64.load32_u 2 8
; CHECK: i64.load8_u 0 12
; CHECK: i64.load 3 0
define i100 @load100(ptr %p) noinline {
  %v = load i100, ptr %p, align 16
  ret i100 %v
}

; __builtin_add_overflow(long long, unsigned long long, long long *): the
; sum of the extensions cannot overflow i128, so the i65 overflow is the sum
; not being its own sign extension from bit 64; the sign extension of %a is
; not repeated.
; CHECK-LABEL: <mixed>:
; CHECK-NEXT: local[{{[0-9]+}}] type=i64
; CHECK-NEXT: local.get 0
; CHECK-NEXT: i64.const 63
; CHECK-NEXT: i64.shr_s
; CHECK-NEXT: local.set 3
; CHECK-NEXT: local.get 0
; CHECK-NEXT: local.get 1
; CHECK-NEXT: i64.add
; CHECK: i64.const 63
; CHECK-NEXT: i64.shl
; CHECK-NEXT: i64.const 63
; CHECK-NEXT: i64.shr_s
; CHECK-NEXT: local.get 0
; CHECK-NEXT: i64.ne
define i32 @mixed(i64 %a, i64 %b, ptr %r) noinline {
  %x = sext i64 %a to i65
  %y = zext i64 %b to i65
  %s = call { i65, i1 } @llvm.sadd.with.overflow.i65(i65 %x, i65 %y)
  %v = extractvalue { i65, i1 } %s, 0
  %o = extractvalue { i65, i1 } %s, 1
  %t = trunc i65 %v to i64
  store i64 %t, ptr %r
  %w = sext i64 %t to i65
  %f = icmp ne i65 %v, %w
  %any = or i1 %o, %f
  %z = zext i1 %any to i32
  ret i32 %z
}

; Division, conversions and bit counts read the extended value.
define i64 @mix(i100 %a, i100 %b) noinline {
  %q = sdiv i100 %a, %b
  %u = udiv i100 %a, %b
  %c = call i100 @llvm.ctlz.i100(i100 %a, i1 false)
  %t = call i100 @llvm.cttz.i100(i100 %u, i1 false)
  %f = sitofp i100 %q to double
  %fi = bitcast double %f to i64
  %ct = trunc i100 %c to i64
  %tt = trunc i100 %t to i64
  %ut = trunc i100 %u to i64
  %s1 = mul i64 %ct, 1000
  %s2 = add i64 %s1, %tt
  %s3 = mul i64 %s2, 1000003
  %s4 = xor i64 %s3, %ut
  %s5 = add i64 %s4, %fi
  ret i64 %s5
}

; A switch compares the high half once per group of cases that share it,
; then switches on the low half (a br_table when dense).
; CHECK-LABEL: <sw>:
; CHECK: i64.const 68719476735
; CHECK-NEXT: i64.and
; CHECK-NEXT: local.tee 1
; CHECK-NEXT: i64.eqz
; CHECK: br_table
; CHECK: i64.const 64
; CHECK-NEXT: i64.eq
; CHECK: i64.const 68719476735
; CHECK-NEXT: i64.ne
define i32 @sw(i100 %x) noinline {
  switch i100 %x, label %d [
    i100 0, label %a
    i100 1, label %b
    i100 2, label %c
    i100 3, label %a
    i100 5, label %b
    i100 -1, label %c
    i100 1180591620717411303424, label %e
  ]
a:
  ret i32 1
b:
  ret i32 2
c:
  ret i32 3
e:
  ret i32 4
d:
  ret i32 0
}

@fmt3 = private constant [14 x i8] c"%d%d%d%d%d%d\0A\00"
@fmt = private constant [31 x i8] c"%d %d %d %d %llx %llx %llx %d\0A\00"
@fmt2 = private constant [11 x i8] c"%lld %llx\0A\00"
@buf = internal global [16 x i8] zeroinitializer, align 16
@__main_void = hidden alias i32 (), ptr @main

define i32 @main() {
  ; -1 as i100 with dirty bits above bit 99 in the high half.
  %dirty = or i128 -1, 0
  %m1 = trunc i128 %dirty to i100
  %l = call i100 @lshr100(i100 %m1)
  %lhi = lshr i100 %l, 64
  %lh = trunc i100 %lhi to i64
  %c1 = call i32 @slt100(i100 %m1, i100 0)
  %c2 = call i32 @slt100(i100 0, i100 %m1)
  %r = alloca i64
  %o1 = call i32 @mixed(i64 -1, i64 9223372036854775808, ptr %r)
  %o2 = call i32 @mixed(i64 1, i64 9223372036854775807, ptr %r)
  %sum = load i64, ptr %r
  call void @store100(ptr @buf, i100 -633825300114114700748351602687)
  %back = call i100 @load100(ptr @buf)
  %bhi = lshr i100 %back, 64
  %bh = trunc i100 %bhi to i64
  %b12 = getelementptr i8, ptr @buf, i32 13
  %pad = load i8, ptr %b12
  %padz = zext i8 %pad to i32
  call i32 (ptr, ...) @printf(ptr @fmt, i32 %c1, i32 %c2, i32 %o1, i32 %o2, i64 %lh, i64 %sum, i64 %bh, i32 %padz)
  %x = call i64 @mix(i100 -12345678901234567890123, i100 977)
  %y = call i64 @mix(i100 633825300114114700748351602687, i100 -3)
  call i32 (ptr, ...) @printf(ptr @fmt2, i64 %x, i64 %y)
  %s1 = call i32 @sw(i100 3)
  %s2 = call i32 @sw(i100 5)
  %s3 = call i32 @sw(i100 %m1)
  %s4 = call i32 @sw(i100 1180591620717411303424)
  %s5 = call i32 @sw(i100 1180591620717411303425)
  %s6 = call i32 @sw(i100 4)
  call i32 (ptr, ...) @printf(ptr @fmt3, i32 %s1, i32 %s2, i32 %s3, i32 %s4, i32 %s5, i32 %s6)
  ret i32 0
}
; The same as llc-19 -O0 + wasm-ld-19.
; OUT: 1 0 0 1 1ffffffff 8000000000000000 800000000 0
; OUT-NEXT: 3273329269494855265 c605555596e60d39
; OUT-NEXT: 123400

declare { i65, i1 } @llvm.sadd.with.overflow.i65(i65, i65)
declare i100 @llvm.ctlz.i100(i100, i1)
declare i100 @llvm.cttz.i100(i100, i1)
declare i32 @printf(ptr, ...)
