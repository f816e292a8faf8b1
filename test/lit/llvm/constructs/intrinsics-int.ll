; Integer intrinsics: bit counts map to clz/ctz/popcnt (narrow widths
; adjusted), funnel shifts of one value to rotl/rotr, byte swaps to
; rotates and masks, abs/min/max to select, *.with.overflow and the
; saturating operations to inline checks (64-bit multiplication overflow
; through __multi3).
; RUN: %toyc build-obj %s -o %t.o
; RUN: wasm-objdump -d %t.o | FileCheck %s
; RUN: %toyc build %s -o %t.wasm
; RUN: %run-wasi %t.wasm | FileCheck %s --check-prefix=OUT

target triple = "wasm32-unknown-wasi"

; CHECK-LABEL: <rot>:
; CHECK-NEXT: local.get 0
; CHECK-NEXT: local.get 1
; CHECK-NEXT: i32.rotl
; CHECK-NEXT: end
define i32 @rot(i32 %x, i32 %n) {
  %r = call i32 @llvm.fshl.i32(i32 %x, i32 %x, i32 %n)
  ret i32 %r
}

; ctlz of an i16: clz of the zero-extended value minus 16.
; CHECK-LABEL: <clz16>:
; CHECK-NEXT: local.get 0
; CHECK-NEXT: i32.const 65535
; CHECK-NEXT: i32.and
; CHECK-NEXT: i32.clz
; CHECK-NEXT: i32.const 16
; CHECK-NEXT: i32.sub
; CHECK-NEXT: end
define i16 @clz16(i16 %x) {
  %r = call i16 @llvm.ctlz.i16(i16 %x, i1 false)
  ret i16 %r
}

; CHECK-LABEL: <pop>:
; CHECK: i64.popcnt
define i64 @pop(i64 %x) {
  %r = call i64 @llvm.ctpop.i64(i64 %x)
  ret i64 %r
}

declare i32 @llvm.fshl.i32(i32, i32, i32)
declare i32 @llvm.fshr.i32(i32, i32, i32)
declare i8 @llvm.fshl.i8(i8, i8, i8)
declare i16 @llvm.ctlz.i16(i16, i1)
declare i32 @llvm.cttz.i32(i32, i1)
declare i8 @llvm.cttz.i8(i8, i1)
declare i64 @llvm.ctpop.i64(i64)
declare i32 @llvm.bswap.i32(i32)
declare i16 @llvm.bswap.i16(i16)
declare i64 @llvm.bswap.i64(i64)
declare i32 @llvm.bitreverse.i32(i32)
declare i8 @llvm.bitreverse.i8(i8)
declare i32 @llvm.abs.i32(i32, i1)
declare i32 @llvm.smin.i32(i32, i32)
declare i32 @llvm.umax.i32(i32, i32)
declare i8 @llvm.smax.i8(i8, i8)
declare {i32, i1} @llvm.sadd.with.overflow.i32(i32, i32)
declare {i32, i1} @llvm.usub.with.overflow.i32(i32, i32)
declare {i8, i1} @llvm.smul.with.overflow.i8(i8, i8)
declare {i32, i1} @llvm.umul.with.overflow.i32(i32, i32)
declare {i64, i1} @llvm.smul.with.overflow.i64(i64, i64)
declare {i64, i1} @llvm.umul.with.overflow.i64(i64, i64)
declare i32 @llvm.sadd.sat.i32(i32, i32)
declare i8 @llvm.ssub.sat.i8(i8, i8)
declare i32 @llvm.uadd.sat.i32(i32, i32)
declare i16 @llvm.usub.sat.i16(i16, i16)
declare i32 @llvm.scmp.i32.i32(i32, i32)
declare i8 @llvm.ucmp.i8.i32(i32, i32)

declare i32 @printf(ptr, ...)
@__main_void = hidden alias i32 (), ptr @main
@fmt = private unnamed_addr constant [4 x i8] c"%x \00"
@dfmt = private unnamed_addr constant [4 x i8] c"%d \00"
@lfmt = private unnamed_addr constant [6 x i8] c"%llx \00"
@nl = private unnamed_addr constant [2 x i8] c"\0A\00"

define void @px(i32 %v) {
  call i32 (ptr, ...) @printf(ptr @fmt, i32 %v)
  ret void
}
define void @pd(i32 %v) {
  call i32 (ptr, ...) @printf(ptr @dfmt, i32 %v)
  ret void
}
define void @pl(i64 %v) {
  call i32 (ptr, ...) @printf(ptr @lfmt, i64 %v)
  ret void
}
define void @pov({i32, i1} %r) {
  %v = extractvalue {i32, i1} %r, 0
  %o = extractvalue {i32, i1} %r, 1
  %oz = zext i1 %o to i32
  call void @pd(i32 %v)
  call void @pd(i32 %oz)
  ret void
}

define i32 @main() {
  %a = call i32 @rot(i32 u0x80000001, i32 4)
  call void @px(i32 %a)
  %b = call i32 @llvm.fshr.i32(i32 u0x12345678, i32 u0x9abcdef0, i32 8)
  call void @px(i32 %b)
  %c = call i8 @llvm.fshl.i8(i8 u0x81, i8 u0x42, i8 3)
  %cz = zext i8 %c to i32
  call void @px(i32 %cz)
  %d = call i16 @clz16(i16 u0x0100)
  %dz = zext i16 %d to i32
  call void @pd(i32 %dz)
  %e = call i32 @llvm.cttz.i32(i32 0, i1 false)
  call void @pd(i32 %e)
  %e8 = call i8 @llvm.cttz.i8(i8 0, i1 false)
  %e8z = zext i8 %e8 to i32
  call void @pd(i32 %e8z)
  %f = call i64 @pop(i64 -1)
  call void @pl(i64 %f)
  call i32 (ptr, ...) @printf(ptr @nl)
  %g = call i32 @llvm.bswap.i32(i32 u0x11223344)
  call void @px(i32 %g)
  %h = call i16 @llvm.bswap.i16(i16 u0xaabb)
  %hz = zext i16 %h to i32
  call void @px(i32 %hz)
  %i = call i64 @llvm.bswap.i64(i64 u0x0102030405060708)
  call void @pl(i64 %i)
  %j = call i32 @llvm.bitreverse.i32(i32 1)
  call void @px(i32 %j)
  %k = call i8 @llvm.bitreverse.i8(i8 u0x01)
  %kz = zext i8 %k to i32
  call void @px(i32 %kz)
  call i32 (ptr, ...) @printf(ptr @nl)
  %l = call i32 @llvm.abs.i32(i32 -5, i1 false)
  call void @pd(i32 %l)
  %m = call i32 @llvm.smin.i32(i32 -3, i32 2)
  call void @pd(i32 %m)
  %n = call i32 @llvm.umax.i32(i32 -3, i32 2)
  call void @px(i32 %n)
  %o = call i8 @llvm.smax.i8(i8 -100, i8 5)
  %os = sext i8 %o to i32
  call void @pd(i32 %os)
  %cmp1 = call i32 @llvm.scmp.i32.i32(i32 -1, i32 1)
  call void @pd(i32 %cmp1)
  %cmp2 = call i8 @llvm.ucmp.i8.i32(i32 -1, i32 1)
  %cmp2s = sext i8 %cmp2 to i32
  call void @pd(i32 %cmp2s)
  call i32 (ptr, ...) @printf(ptr @nl)
  %p = call {i32, i1} @llvm.sadd.with.overflow.i32(i32 2147483647, i32 1)
  call void @pov({i32, i1} %p)
  %q = call {i32, i1} @llvm.usub.with.overflow.i32(i32 1, i32 2)
  call void @pov({i32, i1} %q)
  %r = call {i8, i1} @llvm.smul.with.overflow.i8(i8 16, i8 8)
  %rv = extractvalue {i8, i1} %r, 0
  %ro = extractvalue {i8, i1} %r, 1
  %rvs = sext i8 %rv to i32
  %roz = zext i1 %ro to i32
  call void @pd(i32 %rvs)
  call void @pd(i32 %roz)
  %s = call {i32, i1} @llvm.umul.with.overflow.i32(i32 65536, i32 65535)
  call void @pov({i32, i1} %s)
  %t = call {i32, i1} @llvm.umul.with.overflow.i32(i32 65536, i32 65536)
  call void @pov({i32, i1} %t)
  %u = call {i64, i1} @llvm.smul.with.overflow.i64(i64 -4294967296, i64 2147483648)
  %uo = extractvalue {i64, i1} %u, 1
  %uoz = zext i1 %uo to i32
  call void @pd(i32 %uoz)
  %v = call {i64, i1} @llvm.umul.with.overflow.i64(i64 4294967296, i64 4294967295)
  %vv = extractvalue {i64, i1} %v, 0
  %vo = extractvalue {i64, i1} %v, 1
  %voz = zext i1 %vo to i32
  call void @pl(i64 %vv)
  call void @pd(i32 %voz)
  call i32 (ptr, ...) @printf(ptr @nl)
  %w = call i32 @llvm.sadd.sat.i32(i32 2147483600, i32 100)
  call void @pd(i32 %w)
  %x = call i8 @llvm.ssub.sat.i8(i8 -100, i8 100)
  %xs = sext i8 %x to i32
  call void @pd(i32 %xs)
  %y = call i32 @llvm.uadd.sat.i32(i32 -2, i32 5)
  call void @px(i32 %y)
  %z = call i16 @llvm.usub.sat.i16(i16 5, i16 7)
  %zz = zext i16 %z to i32
  call void @pd(i32 %zz)
  call i32 (ptr, ...) @printf(ptr @nl)
  ret i32 0
}
; OUT:      18 789abcde a 7 32 8 40
; OUT-NEXT: 44332211 bbaa 807060504030201 80000000 80
; OUT-NEXT: 5 -3 fffffffd 5 -1 1
; OUT-NEXT: -2147483648 1 -1 1 -128 1 -65536 0 0 1 0 ffffffff00000000 0
; OUT-NEXT: 2147483647 -128 ffffffff 0
