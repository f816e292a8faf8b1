; Integers wider than 128 bits are 64-bit limbs. clang makes them for a run
; of bitfields in a packed struct (this is a 23-bit signed field at bit 70
; of an i136 run): reading one loads the limbs the shifts need, shifts
; limb-wise and sign-extends the top limb; writing one masks and merges
; limb-wise, and the limbs a constant mask keeps whole are copied without
; an `and`. The top limb of an i136 is a single byte. widths.test compares every operation with llc-19.
; RUN: %toyc build-obj %s -o %t.o
; RUN: wasm-objdump -d %t.o | FileCheck %s
; RUN: %toyc build %s -o %t.wasm
; RUN: wasm-validate %t.wasm
; RUN: %run-wasi %t.wasm | FileCheck %s --check-prefix=OUT

target triple = "wasm32-unknown-wasi"

; CHECK-LABEL: <field>:
; CHECK: i64.load 0 8
; CHECK: i64.load 0 0
; CHECK: i32.load8_u 0 16
; CHECK-NEXT: i64.extend_i32_u
; CHECK: i64.const 56
; CHECK-NEXT: i64.shl
; CHECK-NEXT: i64.const 56
; CHECK-NEXT: i64.shr_s
; CHECK: i32.wrap_i64
; CHECK-NEXT: end
define i32 @field(ptr %p) noinline {
  %w = load i136, ptr %p, align 1
  %u = shl i136 %w, 43
  %s = ashr i136 %u, 113
  %t = trunc i136 %s to i32
  ret i32 %t
}

; CHECK-LABEL: <setfield>:
; CHECK: i64.load 0 0
; CHECK-NEXT: i64.store 0 0
; CHECK: i64.const -536870849
; CHECK-NEXT: i64.and
; CHECK: i64.store 0 8
; CHECK-NOT: i64.and
; CHECK: i32.store8 0 16
; CHECK-NEXT: end
define void @setfield(ptr %p, i32 %v) noinline {
  %w = load i136, ptr %p, align 1
  %c = and i136 %w, -9903519133691421481781690369
  %z = zext i32 %v to i136
  %m = and i136 %z, 8388607
  %sh = shl i136 %m, 70
  %o = or i136 %c, %sh
  store i136 %o, ptr %p, align 1
  ret void
}

; Addition carries across limbs; compares go limb by limb from the top.
define i32 @addcmp(ptr %p, ptr %q) noinline {
  %a = load i200, ptr %p, align 1
  %b = load i200, ptr %q, align 1
  %s = add i200 %a, %b
  store i200 %s, ptr %p, align 1
  %lt = icmp slt i200 %s, %b
  %r = zext i1 %lt to i32
  ret i32 %r
}

@buf = internal global [17 x i8] c"\FF\FF\FF\FF\FF\FF\FF\FF\FF\FF\FF\FF\FF\FF\FF\FF\FF", align 1
@x = internal global i200 -1, align 1
@y = internal global i200 1, align 1
@fmt = private constant [16 x i8] c"%d %d %d %d %x\0A\00"
@__main_void = hidden alias i32 (), ptr @main

define i32 @main() {
  %f1 = call i32 @field(ptr @buf)
  call void @setfield(ptr @buf, i32 1234567)
  %f2 = call i32 @field(ptr @buf)
  %c = call i32 @addcmp(ptr @x, ptr @y)
  %top = getelementptr i8, ptr @x, i32 24
  %t = load i8, ptr %top
  %tz = zext i8 %t to i32
  %lowp = getelementptr i8, ptr @buf, i32 3
  %low = load i32, ptr %lowp, align 1
  call i32 (ptr, ...) @printf(ptr @fmt, i32 %f1, i32 %f2, i32 %c, i32 %tz, i32 %low)
  ret i32 0
}
; The same as llc-19 -O0 + wasm-ld-19.
; OUT: -1 1234567 1 0 ffffffff

declare i32 @printf(ptr, ...)
